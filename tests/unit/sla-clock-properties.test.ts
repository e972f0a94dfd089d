/**
 * Properties of the working-time clock over the whole time range (2000–2100), on the real calendar: adding then
 * measuring working time gives the amount back, both directions are monotonic, they agree with a plain day-by-day
 * walk, and their cost does not grow with the distance (counted in steps, not timed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { addWorkingMinutes, clockSteps, workingMinutesBetween } from '../../common/sla-clock.js';
import { TIME_MAX_MS, TIME_MIN_MS } from '../../common/time-range.js';
import { compileCalendar, isWorkingDayNumber, localDayNumber, localMidnightMs } from '../../common/work-calendar.js';

const cal = buildWorkCalendar(packageCalendarYears());
const c = compileCalendar(cal);
const YEAR_MS = 365.25 * 86_400_000;
/** Starts over the whole range but leaving 71 years of room, so every sum stays inside it. */
const start = fc.integer({ min: TIME_MIN_MS, max: TIME_MAX_MS - Math.ceil(71 * YEAR_MS) });
/** Up to ~70 years of working minutes. */
const minutes = fc.integer({ min: 0, max: 70 * 250 * 390 });

/** Reference: working ms in [a, b) summed day by day (only used over short spans). */
function walkDays(a: number, b: number): number {
  let total = 0;
  for (let day = localDayNumber(a, c); day <= localDayNumber(b, c); day++) {
    if (!isWorkingDayNumber(day, c)) continue;
    const midnight = localMidnightMs(day, c);
    for (const [from, to] of c.periods) total += Math.max(0, Math.min(midnight + to, b) - Math.max(midnight + from, a));
  }
  return total;
}

describe('working-time clock properties', () => {
  it('measuring what was added gives it back', () => {
    fc.assert(
      fc.property(start, minutes, (s, m) => {
        expect(workingMinutesBetween(s, addWorkingMinutes(s, m, cal), cal)).toBe(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the amount and in the end instant', () => {
    fc.assert(
      fc.property(start, minutes, minutes, (s, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMinutes(s, lo, cal)).toBeLessThanOrEqual(addWorkingMinutes(s, hi, cal));
        const e1 = s + lo * 97_000;
        const e2 = s + hi * 97_000;
        expect(workingMinutesBetween(s, e1, cal)).toBeLessThanOrEqual(workingMinutesBetween(s, e2, cal));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with a day-by-day walk over spans up to two years', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: Math.ceil(2 * YEAR_MS) }), (a, span) => {
        expect(workingMinutesBetween(a, a + span, cal) * 60_000).toBeCloseTo(walkDays(a, a + span), 3);
      }),
      { numRuns: 300 },
    );
  });

  it('costs the same number of steps for a day as for seventy years', () => {
    let most = 0;
    fc.assert(
      fc.property(start, minutes, (s, m) => {
        const before = clockSteps.count;
        const end = addWorkingMinutes(s, m, cal);
        workingMinutesBetween(s, end, cal);
        most = Math.max(most, clockSteps.count - before);
      }),
      { numRuns: 1000 },
    );
    // A binary search over the days (≤ 16 halvings for 70 years), each counting working days with a binary search
    // over the calendar's ~60 exception days (≤ 7), plus the few periods of the end days: ~150. Walking day by day,
    // seventy years was 25,000 steps.
    expect(most).toBeLessThanOrEqual(200);
  });
});
