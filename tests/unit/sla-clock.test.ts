/**
 * The working-time clock, on the real calendar from the `chinese-days` package (UTC+8, 08:30–12:00 and 14:30–17:30): weekends,
 * public holidays, make-up workdays, the lunch break, midnight, pauses, serious cases on the wall clock, the 75 %
 * warning — and fast enough for a board of hundreds of cards.
 */
import { describe, expect, it } from 'vitest';
import { caseSla, legsDueForSupervision } from '../../common/case-sla.js';
import { addWorkingMinutes, computeDueAt, slaState, workingMinutesBetween } from '../../common/sla-clock.js';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { isWorkingDate } from '../../common/work-calendar.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { FIXTURES, T1, legOf, must } from './case-fixtures.js';

const years = packageCalendarYears();
const cal = buildWorkCalendar(years);
/** Beijing wall time → epoch ms. */
const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const show = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const add = (local: string, minutes: number) => show(addWorkingMinutes(bj(local), minutes, cal));

describe('the package calendar', () => {
  it('covers 2017–2026 and knows the holidays and make-up workdays a duty officer would check', () => {
    expect(years.map((y) => y.year)).toEqual(
      expect.arrayContaining([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]),
    );
    for (const year of years) {
      for (const d of year.makeupWorkdays)
        expect([0, 6], `${d} is a weekend day`).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    }
    expect(isWorkingDate('2024-10-01', cal)).toBe(false); // 国庆
    expect(isWorkingDate('2024-10-12', cal)).toBe(true); // Saturday make-up
    expect(isWorkingDate('2024-02-09', cal)).toBe(true); // 除夕 2024 was not a holiday
    expect(isWorkingDate('2025-01-28', cal)).toBe(false); // 除夕 2025 is one under the revised rules
    expect(isWorkingDate('2025-05-02', cal)).toBe(false);
    expect(isWorkingDate('2020-01-31', cal)).toBe(false); // Spring Festival extended in 2020 …
    expect(isWorkingDate('2020-02-01', cal)).toBe(false); // … which cancelled this make-up Saturday
    expect(isWorkingDate('2024-03-09', cal)).toBe(false); // an ordinary Saturday
  });
});

describe('adding working minutes', () => {
  it('counts inside working hours and skips the lunch break', () => {
    expect(add('2024-03-05 09:00', 120)).toBe('2024-03-05 11:00');
    expect(add('2024-03-05 11:00', 120)).toBe('2024-03-05 15:30');
    expect(add('2024-03-05 12:30', 30)).toBe('2024-03-05 15:00');
    expect(add('2024-03-05 07:00', 0)).toBe('2024-03-05 07:00');
  });

  it('carries over midnight, weekends, holidays and make-up workdays', () => {
    expect(add('2024-03-05 22:00', 30)).toBe('2024-03-06 09:00');
    expect(add('2024-03-08 17:00', 60)).toBe('2024-03-11 09:00'); // Friday → Monday
    expect(add('2024-09-30 17:00', 60)).toBe('2024-10-08 09:00'); // over National Day
    expect(add('2024-10-11 17:00', 60)).toBe('2024-10-12 09:00'); // into a make-up Saturday
    expect(add('2024-02-09 17:00', 60)).toBe('2024-02-18 09:00'); // over Spring Festival into a make-up Sunday
    expect(add('2020-01-23 17:00', 60)).toBe('2020-02-03 09:00'); // the extended 2020 holiday
    expect(add('2024-02-04 08:30', 390)).toBe('2024-02-04 17:30'); // a whole make-up day
  });
});

describe('measuring working minutes', () => {
  it('measures what lies inside working hours only', () => {
    expect(workingMinutesBetween(bj('2024-03-05 08:00'), bj('2024-03-05 20:00'), cal)).toBe(390);
    expect(workingMinutesBetween(bj('2024-03-05 11:00'), bj('2024-03-05 15:00'), cal)).toBe(90);
    expect(workingMinutesBetween(bj('2024-03-08 16:00'), bj('2024-03-11 10:00'), cal)).toBe(180);
    expect(workingMinutesBetween(bj('2024-03-11 10:00'), bj('2024-03-08 16:00'), cal)).toBe(0);
  });

  it('is the inverse of adding, wherever one starts', () => {
    for (let i = 0; i < 200; i++) {
      const start = bj('2023-12-20 00:00') + ((i * 7_919_993) % (60 * 86_400_000));
      const minutes = (i * 97) % 9000;
      expect(workingMinutesBetween(start, addWorkingMinutes(start, minutes, cal), cal)).toBeCloseTo(minutes, 6);
    }
  });
});

describe('deadlines', () => {
  const due = (
    local: string,
    amount: number,
    unit: 'working_hours' | 'working_days' | 'hours',
    grade: 'routine' | 'serious' = 'routine',
  ) => show(computeDueAt({ startMs: bj(local), limit: { amount, unit }, grade, calendar: cal }));

  it('gives local-rule deadlines in working time', () => {
    expect(due('2024-03-08 16:00', 1, 'working_days')).toBe('2024-03-11 16:00'); // 暴露垃圾: 1 working day
    expect(due('2024-03-05 11:00', 2, 'working_hours')).toBe('2024-03-05 15:30'); // 道路清扫: 2 working hours
    expect(due('2024-09-23 09:00', 15, 'working_days')).toBe('2024-10-17 09:00'); // 违法建设 over National Day
  });

  it('runs serious cases, and plain hours, on the wall clock', () => {
    expect(due('2024-03-08 16:00', 24, 'hours', 'serious')).toBe('2024-03-09 16:00');
    expect(due('2024-03-08 16:00', 1, 'working_days', 'serious')).toBe('2024-03-09 16:00');
    expect(due('2024-09-30 17:00', 2, 'working_hours', 'serious')).toBe('2024-09-30 19:00');
    expect(due('2024-03-08 16:00', 4, 'hours')).toBe('2024-03-08 20:00');
  });
});

describe('SLA state', () => {
  const state = (
    start: string,
    dueAt: string,
    now: string,
    pauses: Array<[string, string?]> = [],
    clock: 'working' | 'wall' = 'working',
  ) =>
    slaState(
      {
        startMs: bj(start),
        dueAt: bj(dueAt),
        clock,
        pauses: pauses.map(([from, to]) => ({ from: bj(from), to: to ? bj(to) : undefined })),
      },
      bj(now),
      cal,
    );

  it('warns at 75 % of the allowed time and is overdue only after the deadline', () => {
    expect(state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 10:29').state).toBe('ok');
    expect(state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 10:30')).toMatchObject({
      state: 'warning',
      elapsedFraction: 0.75,
      remainingMinutes: 30,
    });
    expect(state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 11:00').state).toBe('warning');
    expect(state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 11:01')).toMatchObject({
      state: 'overdue',
      remainingMinutes: -1,
    });
  });

  it('does not count the lunch break, nights or weekends as used time', () => {
    expect(state('2024-03-05 11:00', '2024-03-05 15:30', '2024-03-05 14:00')).toMatchObject({
      state: 'ok',
      elapsedFraction: 0.5,
    });
    expect(state('2024-03-05 11:00', '2024-03-05 15:30', '2024-03-05 15:00').state).toBe('warning');
    // Due Friday 17:30: late from then on, even though no working minute passes over the weekend.
    expect(state('2024-03-08 15:30', '2024-03-08 17:30', '2024-03-09 10:00').state).toBe('overdue');
    expect(state('2024-03-08 16:30', '2024-03-11 09:30', '2024-03-10 10:00')).toMatchObject({
      state: 'ok',
      elapsedFraction: 0.5,
    });
  });

  it('pushes the deadline back by the time an extension or ledger was pending', () => {
    const paused = state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 11:15', [
      ['2024-03-05 09:30', '2024-03-05 10:00'],
    ]);
    expect(paused).toMatchObject({ state: 'warning', elapsedFraction: 105 / 120, paused: false });
    expect(show(paused.effectiveDueAt)).toBe('2024-03-05 11:30');
    expect(
      state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 11:31', [['2024-03-05 09:30', '2024-03-05 10:00']])
        .state,
    ).toBe('overdue');
    // Overlapping pauses count once.
    const overlapping = state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 11:15', [
      ['2024-03-05 09:30', '2024-03-05 10:00'],
      ['2024-03-05 09:45', '2024-03-05 10:00'],
    ]);
    expect(overlapping.elapsedFraction).toBe(105 / 120);
  });

  it('stops the clock while a pause is still open, but a pause begun after the deadline rescues nothing', () => {
    const open = state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 15:00', [['2024-03-05 10:00']]);
    expect(open).toMatchObject({ state: 'ok', elapsedFraction: 0.5, remainingMinutes: 60, paused: true });
    expect(show(open.effectiveDueAt)).toBe('2024-03-05 16:00');
    expect(state('2024-03-05 09:00', '2024-03-05 11:00', '2024-03-05 14:45', [['2024-03-05 11:30']]).state).toBe(
      'overdue',
    );
  });

  it('runs serious cases on the wall clock', () => {
    expect(state('2024-03-08 16:00', '2024-03-09 16:00', '2024-03-09 10:00', [], 'wall')).toMatchObject({
      state: 'warning',
      remainingMinutes: 360,
    });
    expect(state('2024-03-08 16:00', '2024-03-09 16:00', '2024-03-09 16:01', [], 'wall').state).toBe('overdue');
  });

  it('keeps a deadline set outside working hours where it was set', () => {
    expect(state('2024-03-05 09:00', '2024-03-05 20:00', '2024-03-05 19:00').state).toBe('warning');
    expect(state('2024-03-05 09:00', '2024-03-05 20:00', '2024-03-05 20:01').state).toBe('overdue');
  });
});

describe('the clock applied to a case', () => {
  it('counts down on the lead while it owes work, and asks for one automatic supervision per late leg', () => {
    const s = FIXTURES.dispatchedCounty;
    const lead = legOf(s, T1);
    expect(caseSla(s, lead.dispatchedAt + 60_000, cal)?.state).toBe('ok');
    const late = lead.dueAt! + 7 * 86_400_000;
    expect(caseSla(s, late, cal)?.state).toBe('overdue');
    expect(legsDueForSupervision(s, late, cal).map((l) => l.unitCode)).toEqual([T1, 'dept:zhujian']);
    const supervised = must(s, 'county', { type: 'supervise', legId: lead.id, automatic: true }, late);
    expect(legsDueForSupervision(supervised, late + 60_000, cal).map((l) => l.unitCode)).toEqual(['dept:zhujian']);
    expect(caseSla(FIXTURES.checkingCounty, late, cal)).toBeNull(); // waiting for the check: no deadline runs
    expect(caseSla(FIXTURES.checkingOnSpot, late, cal)).toBeNull();
  });

  it('does not count a pending extension against the unit', () => {
    const s = FIXTURES.extensionPending;
    const lead = legOf(s, T1);
    const withoutPause = caseSla({ ...s, pauses: [] }, lead.dueAt! + 60_000, cal);
    expect(withoutPause?.state).toBe('overdue');
    expect(caseSla(s, lead.dueAt! + 60_000, cal)).toMatchObject({ state: 'ok', paused: true });
  });
});
