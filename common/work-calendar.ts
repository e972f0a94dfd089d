/**
 * China's working calendar for deadlines: a fixed UTC+8 offset (no DST), daily working hours with the lunch break,
 * weekends, public holidays (法定节假日) and make-up workdays (调休: weekend days that are working days).
 *
 * The days themselves come from the `chinese-days` package and administrators' imports per year
 * (common/calendar-years.ts, hub/reference/); this module only validates the flat calendar and answers "is this a working day" fast: a calendar is compiled once into day numbers and minute
 * offsets, and memoised per calendar object, because the board asks hundreds of times a second.
 */
import { z } from 'zod';

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real date',
  );

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Working periods of a day, in order and not overlapping: [['08:30','12:00'],['14:30','17:30']]. */
export const WorkingHours = z
  .array(z.tuple([TimeOfDay, TimeOfDay]))
  .min(1)
  .refine(
    (periods) =>
      periods.every(
        ([from, to], i) =>
          minutesOf(from) < minutesOf(to) && (i === 0 || minutesOf(periods[i - 1]![1]) <= minutesOf(from)),
      ),
    'working periods must be in order and not overlap',
  );

export const WorkCalendar = z.strictObject({
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  workingHours: WorkingHours,
  /** Days off on a weekday (and, harmlessly, the weekend days inside a holiday). */
  holidays: z.array(IsoDate),
  /** Weekend days worked to make up for a holiday (调休). */
  makeupWorkdays: z.array(IsoDate),
  /**
   * The years whose holidays and make-up days are known (the hub's calendar always says). A deadline reaching into
   * any other year is computed on Monday–Friday and flagged provisional (`calendarGapYears`), never passed off as
   * exact. Absent: the calendar claims nothing about its years (test fixtures), and no gap is reported.
   */
  coveredYears: z.array(z.number().int().min(1900).max(2200)).optional(),
});
export type WorkCalendar = z.infer<typeof WorkCalendar>;

export const CHINA_UTC_OFFSET_MINUTES = 480;
export const DEFAULT_WORKING_HOURS: WorkCalendar['workingHours'] = [
  ['08:30', '12:00'],
  ['14:30', '17:30'],
];

/** Days since 1970-01-01 of an ISO date (the date's own calendar day, no offset involved). */
export function dayNumberOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoDateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The years between two instants (local calendar years, both ends included) the calendar has no data for: a
 * deadline computed across them counted Monday–Friday only, so it is provisional. Empty when the calendar does not
 * list its years.
 */
export function calendarGapYears(calendar: WorkCalendar, fromMs: number, toMs: number): number[] {
  if (!calendar.coveredYears) return [];
  const covered = new Set(calendar.coveredYears);
  const offsetMs = calendar.utcOffsetMinutes * MINUTE_MS;
  const yearOf = (ms: number) => new Date(ms + offsetMs).getUTCFullYear();
  const gaps: number[] = [];
  for (let year = yearOf(Math.min(fromMs, toMs)); year <= yearOf(Math.max(fromMs, toMs)); year++) {
    if (!covered.has(year)) gaps.push(year);
  }
  return gaps;
}

/** A calendar prepared for arithmetic: day numbers are local (UTC+offset) calendar days since 1970-01-01. */
export interface CompiledCalendar {
  readonly offsetMs: number;
  /** Working periods as [startMs, endMs) after local midnight. */
  readonly periods: ReadonlyArray<readonly [number, number]>;
  /** Working milliseconds in one working day (6 h 30 with the default hours). */
  readonly dayWorkMs: number;
  readonly holidays: ReadonlySet<number>;
  readonly makeupWorkdays: ReadonlySet<number>;
  /**
   * The days where the calendar departs from Monday–Friday (a holiday on a weekday: −1, a make-up workday on a
   * weekend: +1), ascending, and the running sum of those departures before each: counting working days between
   * any two days is then arithmetic on whole weeks plus one binary search, whatever the distance.
   */
  readonly exceptionDays: readonly number[];
  readonly exceptionSums: readonly number[];
}

const compiled = new WeakMap<WorkCalendar, CompiledCalendar>();

export function compileCalendar(calendar: WorkCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const periods = calendar.workingHours.map(
    ([from, to]) => [minutesOf(from) * MINUTE_MS, minutesOf(to) * MINUTE_MS] as const,
  );
  const holidays = new Set(calendar.holidays.map(dayNumberOfIsoDate));
  const makeupWorkdays = new Set(calendar.makeupWorkdays.map(dayNumberOfIsoDate));
  const exceptions = [...new Set([...holidays, ...makeupWorkdays])]
    .map((day) => {
      const weekend = isWeekend(day);
      // A make-up workday wins over a holiday on the same day, as in isWorkingDayNumber.
      const delta = makeupWorkdays.has(day) ? (weekend ? 1 : 0) : weekend ? 0 : -1;
      return [day, delta] as const;
    })
    .filter(([, delta]) => delta !== 0)
    .sort((a, b) => a[0] - b[0]);
  const exceptionSums = [0];
  for (const [, delta] of exceptions) exceptionSums.push(exceptionSums.at(-1)! + delta);
  const result: CompiledCalendar = {
    offsetMs: calendar.utcOffsetMinutes * MINUTE_MS,
    periods,
    dayWorkMs: periods.reduce((sum, [from, to]) => sum + (to - from), 0),
    holidays,
    makeupWorkdays,
    exceptionDays: exceptions.map(([day]) => day),
    exceptionSums,
  };
  compiled.set(calendar, result);
  return result;
}

/** The local calendar day an instant falls on. */
export function localDayNumber(ms: number, c: CompiledCalendar): number {
  return Math.floor((ms + c.offsetMs) / DAY_MS);
}

/** The instant of local midnight starting a day. */
export function localMidnightMs(day: number, c: CompiledCalendar): number {
  return day * DAY_MS - c.offsetMs;
}

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

export function isWorkingDayNumber(day: number, c: CompiledCalendar): boolean {
  if (c.makeupWorkdays.has(day)) return true;
  if (c.holidays.has(day)) return false;
  return !isWeekend(day);
}

/** Steps taken by the binary searches here and the clock's loops (tests count them: cost must not grow). */
export const clockSteps = { count: 0 };

/** How many of the calendar's exception days come before `day` (binary search). */
function exceptionsBefore(day: number, c: CompiledCalendar): number {
  let lo = 0;
  let hi = c.exceptionDays.length;
  while (lo < hi) {
    clockSteps.count++;
    const mid = (lo + hi) >>> 1;
    if (c.exceptionDays[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days before `day`, counted from 1970-01-05 (a Monday; negative before it): only differences mean
 * anything. Monday–Friday by whole weeks, corrected by the calendar's holidays and make-up workdays. Outside the
 * years the calendar lists, every Monday–Friday is a working day (there is nothing else to go on).
 */
export function workingDaysBefore(day: number, c: CompiledCalendar): number {
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  const weekdays = 5 * weeks + Math.min(sinceMonday - 7 * weeks, 5);
  return weekdays + c.exceptionSums[exceptionsBefore(day, c)]!;
}

/** Is this local date (YYYY-MM-DD) a working day? */
export function isWorkingDate(isoDate: string, calendar: WorkCalendar): boolean {
  return isWorkingDayNumber(dayNumberOfIsoDate(isoDate), compileCalendar(calendar));
}

/** Local 'YYYY-MM' of an instant (for monthly KPI trends). */
export function localMonth(ms: number, utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): string {
  return new Date(ms + utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 7);
}
