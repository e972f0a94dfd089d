/**
 * The working calendar from the `chinese-days` package and administrators' imports (common/calendar-years.ts): the
 * package's real 2025 National Day arrangement, imports by CSV and JSON with every mistake named, an import
 * overriding the package, and a deadline crossing a year without data flagged provisional (counted Mon–Fri there).
 */
import { describe, expect, it } from 'vitest';
import {
  buildWorkCalendar,
  calendarYearInfos,
  mergeCalendarYears,
  parseCalendarImport,
  type CalendarYear,
} from '../../common/calendar-years.js';
import { legDeadline } from '../../common/deadline-table.js';
import { computeDueAt } from '../../common/sla-clock.js';
import { calendarGapYears, isWorkingDate } from '../../common/work-calendar.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { shippedReferenceTables } from '../../node-shared/reference-data.js';

const years = packageCalendarYears();
const calendar = buildWorkCalendar(years);
const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const day = (iso: string) => isWorkingDate(iso, calendar);

describe('the chinese-days package', () => {
  it('gives 2025 National Day and Mid-Autumn: Oct 1–8 off, Sep 28 and Oct 11 worked', () => {
    const y2025 = years.find((y) => y.year === 2025)!;
    for (let d = 1; d <= 8; d++) expect(y2025.holidays).toContain(`2025-10-0${d}`);
    expect(y2025.makeupWorkdays).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
    expect(['2025-09-28', '2025-10-11'].map(day)).toEqual([true, true]); // a Sunday and a Saturday, worked
    expect(['2025-10-01', '2025-10-03', '2025-10-08'].map(day)).toEqual([false, false, false]);
    expect(['2025-09-30', '2025-10-09'].map(day)).toEqual([true, true]);
  });

  it('covers every year the KPI history and today need (2017–2026), and not 2027 yet', () => {
    const covered = years.map((y) => y.year);
    for (let y = 2017; y <= 2026; y++) expect(covered).toContain(y);
    expect(covered).not.toContain(2027);
    expect(calendar.coveredYears).toEqual(covered);
  });

  it('carries a deadline over the holiday: 3 working days from Sep 30 2025 end on Oct 11 (a worked Saturday)', () => {
    const due = computeDueAt({
      startMs: bj('2025-09-30 09:00'),
      limit: { amount: 3, unit: 'working_days' },
      grade: 'routine',
      calendar,
    });
    // Sep 30 09:00 → Oct 9 (1), Oct 10 (2), Oct 11 (3, 调休上班), same time of day.
    expect(due).toBe(bj('2025-10-11 09:00'));
  });
});

describe('a year without data', () => {
  const { deadlines } = shippedReferenceTables();

  it('is named, and a working-time deadline crossing it is provisional (counted Monday–Friday there)', () => {
    const dispatchedAt = bj('2026-12-30 09:00'); // a Wednesday
    const leg = legDeadline({ table: deadlines, categoryCode: '0206', grade: 'routine', dispatchedAt, calendar });
    expect(leg.limit).toMatchObject({ amount: 3, unit: 'working_days' });
    expect(calendarGapYears(calendar, dispatchedAt, leg.dueAt)).toEqual([2027]);
    expect(leg.provisional).toBe(true);
    // Dec 31 (1); Jan 1 2027 is a Friday and, with no data, a workday (2); Mon Jan 4 (3).
    expect(leg.dueAt).toBe(bj('2027-01-04 09:00'));
    // Inside a covered year nothing is provisional; the wall clock needs no calendar.
    expect(
      legDeadline({
        table: deadlines,
        categoryCode: '0206',
        grade: 'routine',
        dispatchedAt: bj('2026-06-01 09:00'),
        calendar,
      }).provisional,
    ).toBe(false);
    expect(
      legDeadline({ table: deadlines, categoryCode: '0206', grade: 'serious', dispatchedAt, calendar }).provisional,
    ).toBe(false);
  });

  it('is reported as missing in the year list until imported, and an import overrides the package', () => {
    const infos = calendarYearInfos(mergeCalendarYears(years, []), 2024, 2027);
    expect(infos.map((i) => [i.year, i.source])).toContainEqual([2027, 'missing']);
    expect(infos.find((i) => i.year === 2025)).toMatchObject({ source: 'package', holidays: expect.any(Number) });

    const csv = ['date,type', '2027-01-01,holiday', '2027-02-06,休', '2027-02-07,holiday', '2027-02-20,workday'].join(
      '\r\n',
    );
    const parsed = parseCalendarImport(2027, { format: 'csv', content: csv });
    expect(parsed).toEqual({
      ok: true,
      year: { year: 2027, holidays: ['2027-01-01', '2027-02-06', '2027-02-07'], makeupWorkdays: ['2027-02-20'] },
    });
    const own: CalendarYear = { year: 2025, holidays: ['2025-01-01'], makeupWorkdays: [] };
    const merged = mergeCalendarYears(years, [
      { ...(parsed.ok ? parsed.year : own), source: 'imported' },
      { ...own, source: 'imported' },
    ]);
    const withImport = buildWorkCalendar(merged);
    expect(withImport.coveredYears).toContain(2027);
    expect(isWorkingDate('2027-01-01', withImport)).toBe(false);
    expect(isWorkingDate('2027-02-20', withImport)).toBe(true); // a Saturday, worked
    // 2025 now comes from the import alone: National Day is no longer known as a holiday.
    expect(isWorkingDate('2025-10-08', withImport)).toBe(true);
    expect(calendarYearInfos(merged, 2025, 2027).map((i) => i.source)).toEqual(['imported', 'package', 'imported']);
  });
});

describe('a calendar import', () => {
  const csv = (...lines: string[]) => ({ format: 'csv' as const, content: ['date,type', ...lines].join('\n') });
  const issues = (year: number, input: Parameters<typeof parseCalendarImport>[1]) => {
    const result = parseCalendarImport(year, input);
    return result.ok ? [] : result.issues;
  };

  it('names every mistake by line or path', () => {
    expect(issues(2027, { format: 'csv', content: 'day,kind\n2027-01-01,holiday' })).toEqual([
      { where: 'line 1', message: 'the header must be exactly: date,type' },
    ]);
    expect(issues(2027, csv('2027-01-01,holiday', '2027-02-30,holiday', '2027-03-01,party', '2027-03-02'))).toEqual([
      { where: 'line 3', message: '2027-02-30 is not a YYYY-MM-DD date' },
      { where: 'line 4', message: 'type must be holiday or workday, not party' },
      { where: 'line 5', message: 'expected 2 columns' },
    ]);
    expect(
      issues(2027, csv('2026-06-01,holiday', '2027-01-01,holiday', '2027-01-01,holiday', '2027-01-05,workday')),
    ).toEqual([
      { where: 'line 2', message: '2026-06-01 is not in 2027' },
      { where: 'line 4', message: '2027-01-01 is listed twice' },
      { where: 'line 5', message: '2027-01-05 is a weekday: only a weekend day can be a make-up workday' },
    ]);
    expect(issues(2027, csv('2027-02-20,workday'))).toEqual([
      { where: 'holidays', message: 'no holiday listed for 2027' },
    ]);
    expect(issues(2027, { format: 'json', content: '{"holidays": [' })).toEqual([
      { where: 'file', message: 'not valid JSON' },
    ]);
    expect(
      issues(2027, { format: 'json', content: '{"year": 2028, "holidays": ["2028-01-01"], "makeupWorkdays": []}' }),
    ).toEqual([{ where: 'year', message: 'the file is for 2028, not 2027' }]);
    expect(
      issues(2027, { format: 'json', content: '{"holidays": ["2027-01-01"], "makeupWorkdays": ["2027-01-04"]}' }),
    ).toEqual([
      { where: 'makeupWorkdays.0', message: '2027-01-04 is a weekday: only a weekend day can be a make-up workday' },
    ]);
  });

  it('accepts a holiday period spilling into the next year, as New Year often does', () => {
    const ok = parseCalendarImport(2026, {
      format: 'json',
      content: JSON.stringify({ holidays: ['2026-12-31', '2027-01-01'], makeupWorkdays: [] }),
    });
    expect(ok.ok).toBe(true);
  });
});
