/**
 * Deadlines in working time: adding working minutes, measuring them, and a case's SLA state (ok / warning at 75 % /
 * overdue) with pauses for pending extensions and ledgers.
 *
 * Nothing walks the distance: the partial days at either end are cut by their few working periods, and the whole
 * working days between are counted (whole weeks plus a binary search over the calendar's holidays, see
 * workingDaysBefore), so a card's state costs the same few dozen steps for a deadline tomorrow as for one decades
 * away — the board recomputes hundreds each second, and a far deadline once stalled the hub for seconds.
 */
import { z } from 'zod';
import type { CaseGrade, SlaClock } from './cases.js';
import {
  clockSteps,
  compileCalendar,
  isWorkingDayNumber,
  localDayNumber,
  localMidnightMs,
  workingDaysBefore,
  type CompiledCalendar,
  type WorkCalendar,
} from './work-calendar.js';

export { clockSteps };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export const DEADLINE_UNITS = ['working_hours', 'working_days', 'hours'] as const;
export const DeadlineLimit = z.strictObject({
  amount: z.number().positive().max(10_000),
  unit: z.enum(DEADLINE_UNITS),
});
export type DeadlineLimit = z.infer<typeof DeadlineLimit>;

/** The instant `minutes` working minutes after `startMs` (outside working hours, counting starts at the next period). */
export function addWorkingMinutes(startMs: number, minutes: number, calendar: WorkCalendar): number {
  return addWorkingMs(startMs, minutes * MINUTE_MS, compileCalendar(calendar));
}

function addWorkingMs(startMs: number, amountMs: number, c: CompiledCalendar): number {
  if (!(amountMs > 0)) return startMs;
  const firstDay = localDayNumber(startMs, c);
  const leftToday = workingMsOfDay(firstDay, startMs, localMidnightMs(firstDay + 1, c), c);
  if (amountMs <= leftToday) return advanceWithinDay(firstDay, startMs, amountMs, c);
  // The rest runs out on the `needed`-th working day after today: find it by binary search on the day count.
  const rest = amountMs - leftToday;
  const needed = Math.ceil(rest / c.dayWorkMs);
  const base = workingDaysBefore(firstDay + 1, c);
  // `needed` working days fit in needed·7/5 days plus a week, plus one day per exception (holidays).
  let lo = firstDay + 1;
  let hi = firstDay + 8 + Math.ceil((needed * 7) / 5) + c.exceptionDays.length;
  while (lo < hi) {
    clockSteps.count++;
    const mid = Math.floor((lo + hi) / 2);
    if (workingDaysBefore(mid + 1, c) - base >= needed) hi = mid;
    else lo = mid + 1;
  }
  return advanceWithinDay(lo, localMidnightMs(lo, c), rest - (needed - 1) * c.dayWorkMs, c);
}

/** Working ms of one local day that fall in [fromMs, toMs). */
function workingMsOfDay(day: number, fromMs: number, toMs: number, c: CompiledCalendar): number {
  if (!isWorkingDayNumber(day, c)) return 0;
  const midnight = localMidnightMs(day, c);
  let total = 0;
  for (const [from, to] of c.periods) {
    clockSteps.count++;
    total += Math.max(0, Math.min(midnight + to, toMs) - Math.max(midnight + from, fromMs));
  }
  return total;
}

/** The instant `amountMs` working ms after `fromMs` on a working day that still holds at least that much. */
function advanceWithinDay(day: number, fromMs: number, amountMs: number, c: CompiledCalendar): number {
  const midnight = localMidnightMs(day, c);
  let remaining = amountMs;
  for (const [from, to] of c.periods) {
    clockSteps.count++;
    const start = Math.max(midnight + from, fromMs);
    const end = midnight + to;
    if (end <= start) continue;
    if (end - start >= remaining) return start + remaining;
    remaining -= end - start;
  }
  throw new Error('working time ran past the end of the day');
}

/** Working minutes in [aMs, bMs); 0 when b is not after a. */
export function workingMinutesBetween(aMs: number, bMs: number, calendar: WorkCalendar): number {
  return workingMsBetween(aMs, bMs, compileCalendar(calendar)) / MINUTE_MS;
}

function workingMsBetween(aMs: number, bMs: number, c: CompiledCalendar): number {
  if (!(bMs > aMs)) return 0;
  const firstDay = localDayNumber(aMs, c);
  const lastDay = localDayNumber(bMs, c);
  if (firstDay === lastDay) return workingMsOfDay(firstDay, aMs, bMs, c);
  // The two partial days at the ends, and the whole working days between them counted, not walked.
  const wholeDays = workingDaysBefore(lastDay, c) - workingDaysBefore(firstDay + 1, c);
  return workingMsOfDay(firstDay, aMs, bMs, c) + wholeDays * c.dayWorkMs + workingMsOfDay(lastDay, aMs, bMs, c);
}

/** Serious cases, and limits given in plain hours, run on the wall clock. */
export function slaClockFor(limit: DeadlineLimit, grade: CaseGrade): SlaClock {
  return grade === 'serious' || limit.unit === 'hours' ? 'wall' : 'working';
}

/**
 * The deadline for a limit started at `startMs`. A working day is the calendar's full working day in working
 * minutes (6 h 30 by default), so "1 working day" from Friday 16:00 is Monday 16:00. A serious case runs on the wall
 * clock: working hours count as hours and working days as 24 hours.
 */
export function computeDueAt(args: {
  startMs: number;
  limit: DeadlineLimit;
  grade: CaseGrade;
  calendar: WorkCalendar;
}): number {
  const { startMs, limit, grade, calendar } = args;
  if (slaClockFor(limit, grade) === 'wall') {
    const hours = limit.unit === 'working_days' ? limit.amount * 24 : limit.amount;
    return startMs + Math.round(hours * HOUR_MS);
  }
  const c = compileCalendar(calendar);
  const amountMs = limit.unit === 'working_days' ? limit.amount * c.dayWorkMs : limit.amount * HOUR_MS;
  return addWorkingMs(startMs, Math.round(amountMs), c);
}

export interface SlaPause {
  readonly from: number;
  /** Absent while still paused. */
  readonly to?: number | undefined;
}

export interface SlaInput {
  readonly startMs: number;
  readonly dueAt: number;
  readonly pauses: readonly SlaPause[];
  /** Default 'working'. */
  readonly clock?: SlaClock;
}

export type SlaStateName = 'ok' | 'warning' | 'overdue';
export const SLA_WARNING_FRACTION = 0.75;

export interface SlaState {
  readonly state: SlaStateName;
  /** Time used / time allowed, pauses excluded (≥ 1 once the time is used up). */
  readonly elapsedFraction: number;
  /** Allowed minus used, in the clock's minutes (working minutes on the working clock); negative when late. */
  readonly remainingMinutes: number;
  /** The deadline after pauses have pushed it back: what a countdown should count to. */
  readonly effectiveDueAt: number;
  /** A pause is running now (extension or ledger pending, ledger approved). */
  readonly paused: boolean;
}

/** Pauses clipped to [start, now], open ones running until now, sorted and merged so overlaps count once. */
function normalisePauses(pauses: readonly SlaPause[], startMs: number, nowMs: number): Array<[number, number]> {
  const clipped = pauses
    .map((p): [number, number] => [Math.max(p.from, startMs), Math.min(p.to ?? nowMs, nowMs)])
    .filter(([from, to]) => to > from)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of clipped) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function slaState(input: SlaInput, nowMs: number, calendar: WorkCalendar): SlaState {
  const c = compileCalendar(calendar);
  const wall = input.clock === 'wall';
  const measure = (a: number, b: number) => (wall ? Math.max(0, b - a) : workingMsBetween(a, b, c));
  const advance = (from: number, ms: number) => (wall ? from + ms : addWorkingMs(from, ms, c));

  const pauses = normalisePauses(input.pauses, input.startMs, nowMs);
  const allowed = measure(input.startMs, input.dueAt);
  const pausedMs = pauses.reduce((sum, [from, to]) => sum + measure(from, to), 0);
  const used = Math.max(0, measure(input.startMs, nowMs) - pausedMs);

  // Walk the allowed time forward from the start, stepping over each pause: where it runs out is the real deadline.
  // A pause that starts after the time ran out does not rescue a late case.
  let cursor = input.startMs;
  let left = allowed;
  let effective: number | null = null;
  for (const [from, to] of pauses) {
    const before = measure(cursor, from);
    if (before >= left) {
      effective = advance(cursor, left);
      break;
    }
    left -= before;
    cursor = Math.max(cursor, to);
  }
  effective ??= advance(cursor, left);
  // Pauses only ever push a deadline back; and one set outside working hours (say 20:00) stays where it was set.
  const effectiveDueAt = Math.max(effective, input.dueAt);

  const paused = input.pauses.some((p) => p.from <= nowMs && (p.to === undefined || p.to > nowMs));
  const elapsedFraction = allowed > 0 ? used / allowed : nowMs > effectiveDueAt ? 1 : 0;
  const state: SlaStateName =
    nowMs > effectiveDueAt ? 'overdue' : elapsedFraction >= SLA_WARNING_FRACTION ? 'warning' : 'ok';
  return { state, elapsedFraction, remainingMinutes: (allowed - used) / MINUTE_MS, effectiveDueAt, paused };
}
