/**
 * Default handling limits per minor category × grade (resources/deadlines.json, editable by an admin), and the
 * deadline of a leg dispatched now. A grade missing on a minor category falls back to its major category, then to
 * the county default, so the table only lists what differs.
 */
import { z } from 'zod';
import { CaseGrade, type SlaClock } from './cases.js';
import { computeDueAt, DeadlineLimit, slaClockFor } from './sla-clock.js';
import { majorCodeOf } from './taxonomy.js';
import { calendarGapYears, type WorkCalendar } from './work-calendar.js';

const LimitsByGrade = z.strictObject({
  name: z.string().optional(),
  routine: DeadlineLimit.optional(),
  general: DeadlineLimit.optional(),
  serious: DeadlineLimit.optional(),
});

export const DeadlineTable = z
  .strictObject({
    comment: z.string().optional(),
    /** How long a unit has to sign for a leg (Fuzhou practice: 1 working hour). */
    signFor: DeadlineLimit,
    countyDefault: z.strictObject({ routine: DeadlineLimit, general: DeadlineLimit, serious: DeadlineLimit }),
    /** Keyed by minor ('0201') or major ('02') category code. */
    categories: z.record(z.string().regex(/^\d{2}(\d{2})?$/), LimitsByGrade),
  })
  .superRefine((table, ctx) => {
    // Serious cases run on the wall clock; a working-time limit there would read as something it is not.
    const check = (limit: DeadlineLimit | undefined, path: PropertyKey[]) => {
      if (limit && limit.unit !== 'hours') {
        ctx.addIssue({ code: 'custom', message: 'serious limits must be in hours', path });
      }
    };
    check(table.countyDefault.serious, ['countyDefault', 'serious']);
    for (const [code, limits] of Object.entries(table.categories))
      check(limits.serious, ['categories', code, 'serious']);
  });
export type DeadlineTable = z.infer<typeof DeadlineTable>;

export interface ResolvedLimit extends DeadlineLimit {
  /** Where the limit came from, so an admin can see why a case got its deadline. */
  readonly from: 'minor' | 'major' | 'county';
}

export function limitFor(table: DeadlineTable, categoryCode: string, grade: CaseGrade): ResolvedLimit {
  const minor = table.categories[categoryCode]?.[grade];
  if (minor) return { ...minor, from: 'minor' };
  const major = table.categories[majorCodeOf(categoryCode)]?.[grade];
  if (major) return { ...major, from: 'major' };
  return { ...table.countyDefault[grade], from: 'county' };
}

/**
 * The deadline and clock of a leg dispatched at `dispatchedAt` — what the hub (or the UI, to preview) puts in each
 * `LegAssignment` of a dispatch move. Assisting legs get the same limit as the lead unless the dispatcher says
 * otherwise.
 */
export function legDeadline(args: {
  table: DeadlineTable;
  categoryCode: string;
  grade: CaseGrade;
  dispatchedAt: number;
  calendar: WorkCalendar;
}): { dueAt: number; clock: SlaClock; limit: ResolvedLimit; provisional: boolean } {
  const limit = limitFor(args.table, args.categoryCode, args.grade);
  const dueAt = computeDueAt({ startMs: args.dispatchedAt, limit, grade: args.grade, calendar: args.calendar });
  const clock = slaClockFor(limit, args.grade);
  return { dueAt, clock, limit, provisional: isProvisional(clock, args.dispatchedAt, dueAt, args.calendar) };
}

/**
 * A working-time deadline that crosses a year the calendar has no data for was counted Monday–Friday there: it
 * stands, but flagged provisional (the hub's readiness and the admin view name the missing year). The wall clock
 * needs no calendar.
 */
export function isProvisional(clock: SlaClock, fromMs: number, dueAt: number, calendar: WorkCalendar): boolean {
  return clock === 'working' && calendarGapYears(calendar, fromMs, dueAt).length > 0;
}

/** When a leg dispatched at `dispatchedAt` should have been signed for (the board flags unsigned legs after it). */
export function signForDueAt(
  table: DeadlineTable,
  grade: CaseGrade,
  dispatchedAt: number,
  calendar: WorkCalendar,
): number {
  return computeDueAt({ startMs: dispatchedAt, limit: table.signFor, grade, calendar });
}
