/** The roster's Beijing days and weeks, whatever the console machine's time zone (renderer/src/duty/duty-time.ts). */
import { describe, expect, it } from 'vitest';
import {
  beijingClock,
  beijingDate,
  beijingDayStart,
  beijingWeekStart,
  shiftTimes,
  shiftsOfDay,
  weekDays,
} from '../../renderer/src/duty/duty-time.js';

const HOUR = 3600_000;

describe('roster time in Beijing', () => {
  it('starts a day at Beijing midnight (16:00 UTC the day before)', () => {
    // 2030-01-07 01:30 in Beijing is 2030-01-06 17:30 UTC.
    const t = Date.parse('2030-01-06T17:30:00Z');
    expect(new Date(beijingDayStart(t)).toISOString()).toBe('2030-01-06T16:00:00.000Z');
    expect(beijingDate(t)).toBe('2030-01-07');
    expect(beijingClock(t)).toBe('01:30');
  });

  it('starts a week on Monday, Beijing time', () => {
    // 2030-01-07 is a Monday; the Sunday night before, 23:00 Beijing, is still the previous week.
    const monday = Date.parse('2030-01-07T00:00:00+08:00');
    expect(beijingWeekStart(Date.parse('2030-01-09T12:00:00+08:00'))).toBe(monday);
    expect(beijingWeekStart(monday)).toBe(monday);
    expect(beijingWeekStart(Date.parse('2030-01-06T23:00:00+08:00'))).toBe(monday - 7 * 24 * HOUR);
    expect(weekDays(monday).map(beijingDate)).toEqual([
      '2030-01-07',
      '2030-01-08',
      '2030-01-09',
      '2030-01-10',
      '2030-01-11',
      '2030-01-12',
      '2030-01-13',
    ]);
  });

  it('reads a typed shift as Beijing time and lists a night shift on both days it touches', () => {
    const night = shiftTimes('2030-01-07', '20:00', 12);
    expect(night).toEqual({ startsAt: '2030-01-07T12:00:00.000Z', endsAt: '2030-01-08T00:00:00.000Z' });
    const shift = { startsAt: Date.parse(night.startsAt), endsAt: Date.parse(night.endsAt) };
    const monday = Date.parse('2030-01-07T00:00:00+08:00');
    expect(shiftsOfDay([shift], monday)).toHaveLength(1);
    expect(shiftsOfDay([shift], monday + 24 * HOUR)).toHaveLength(1);
    expect(shiftsOfDay([shift], monday + 48 * HOUR)).toHaveLength(0);
  });
});
