/**
 * Deadlines in working time: adding working minutes, measuring them, and a case's SLA state (ok / warning at 75 % /
 * overdue) with pauses for pending extensions and ledgers.
 *
 * Everything walks whole days (a Set lookup per day, the day's few working periods), never minutes, so a card's
 * state costs a few dozen operations even for a deadline weeks away — the board recomputes hundreds each second.
 */
import { z } from 'zod';
import type { CaseGrade, SlaClock } from './cases.js';
import {
  DAY_MS,
  compileCalendar,
  isWorkingDayNumber,
  localDayNumber,
  localMidnightMs,
  type CompiledCalendar,
  type WorkCalendar,
} from './work-calendar.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Nothing legitimate needs more than ten years of walking; a calendar without working days must not hang. */
const MAX_DAYS = 3660;

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
  let remaining = amountMs;
  const firstDay = localDayNumber(startMs, c);
  for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
    if (!isWorkingDayNumber(day, c)) continue;
    const midnight = localMidnightMs(day, c);
    // A whole working day still ahead: skip it in one step.
    if (startMs <= midnight && remaining > c.dayWorkMs) {
      remaining -= c.dayWorkMs;
      continue;
    }
    for (const [from, to] of c.periods) {
      const start = Math.max(midnight + from, startMs);
      const end = midnight + to;
      if (end <= start) continue;
      if (end - start >= remaining) return start + remaining;
      remaining -= end - start;
    }
  }
  throw new Error('work calendar has no working time within ten years');
}

/** Working minutes in [aMs, bMs); 0 when b is not after a. */
export function workingMinutesBetween(aMs: number, bMs: number, calendar: WorkCalendar): number {
  return workingMsBetween(aMs, bMs, compileCalendar(calendar)) / MINUTE_MS;
}

function workingMsBetween(aMs: number, bMs: number, c: CompiledCalendar): number {
  if (!(bMs > aMs)) return 0;
  let total = 0;
  const lastDay = localDayNumber(bMs, c);
  for (let day = localDayNumber(aMs, c); day <= lastDay; day++) {
    if (!isWorkingDayNumber(day, c)) continue;
    const midnight = localMidnightMs(day, c);
    if (aMs <= midnight && bMs >= midnight + DAY_MS) {
      total += c.dayWorkMs;
      continue;
    }
    for (const [from, to] of c.periods) {
      const start = Math.max(midnight + from, aMs);
      const end = Math.min(midnight + to, bMs);
      if (end > start) total += end - start;
    }
  }
  return total;
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
