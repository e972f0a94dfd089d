/**
 * The intake clock (受理时限): how long a new report may wait to be verified and filed (立案), per grade. It runs
 * from the report until the case is filed, voided, merged or handled on the spot — while the case is `reported` or
 * `verifying` — and the board colours and sorts 待受理 cards by it the way it does handled cases by their deadline.
 *
 * Kept apart from the handling deadline table (deadline-table.ts, resources/deadlines.json) on purpose: the limits
 * live beside it in resources/intake-limits.json, and this file computes with them purely (sla-clock.ts).
 */
import { z } from 'zod';
import type { CaseSnapshot, CaseStatus } from './cases.js';
import { computeDueAt, DeadlineLimit, slaClockFor, slaState, type SlaState } from './sla-clock.js';
import type { WorkCalendar } from './work-calendar.js';

export const IntakeLimits = z
  .strictObject({
    comment: z.string().optional(),
    routine: DeadlineLimit,
    general: DeadlineLimit,
    serious: DeadlineLimit,
  })
  .refine((limits) => limits.serious.unit === 'hours', {
    // Serious reports run on the wall clock, as their handling deadline does.
    message: 'the serious intake limit must be in hours',
    path: ['serious'],
  });
export type IntakeLimits = z.infer<typeof IntakeLimits>;

/** Statuses in which the intake clock runs: nobody has filed (or otherwise settled) the report yet. */
export const INTAKE_STATUSES: readonly CaseStatus[] = ['reported', 'verifying'];

type IntakeFacts = Pick<CaseSnapshot, 'status' | 'grade' | 'reportedAt'>;

/** When a report of this grade made at `reportedAt` should have been filed. Independent of the clock's now. */
export function intakeDueAt(
  limits: IntakeLimits,
  c: Pick<CaseSnapshot, 'grade' | 'reportedAt'>,
  calendar: WorkCalendar,
): number {
  return computeDueAt({ startMs: c.reportedAt, limit: limits[c.grade], grade: c.grade, calendar });
}

/** The intake clock's state (ok / warning at 75 % / overdue), or null once the report has been taken in. */
export function intakeSla(
  limits: IntakeLimits,
  c: IntakeFacts,
  nowMs: number,
  calendar: WorkCalendar,
): SlaState | null {
  if (!INTAKE_STATUSES.includes(c.status)) return null;
  const limit = limits[c.grade];
  return slaState(
    {
      startMs: c.reportedAt,
      dueAt: intakeDueAt(limits, c, calendar),
      pauses: [],
      clock: slaClockFor(limit, c.grade),
    },
    nowMs,
    calendar,
  );
}
