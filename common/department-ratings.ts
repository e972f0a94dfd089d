/**
 * 逆向考核: the village or community a case happened in rates each department that handled a leg of it — a score
 * 1–5 and a note, once per leg, when the department's part is over (it fed back, or the case closed). Ratings roll
 * up by department in the KPIs (count, average, by month).
 *
 * Pure rules shared by the hub (which enforces them inside the write) and the console (which offers exactly the legs
 * the hub would accept).
 */
import { z } from 'zod';
import { CLOSED_STATUSES, type CaseLeg, type CaseSnapshot, type LegStatus } from './cases.js';
import { isDepartmentCode } from './departments.js';
import { isWithinScope, levelOfCode } from './org.js';
import { SMALL_SAMPLE_THRESHOLD } from './kpi.js';
import { canAct, type Principal } from './scope-policy.js';
import { BoundedDateOrTime } from './time-range.js';

export const RatingScore = z.number().int().min(1).max(5);

export const DepartmentRatingRequest = z.strictObject({
  legId: z.string().min(1).max(80),
  score: RatingScore,
  note: z.string().trim().max(500).optional(),
});
export type DepartmentRatingRequest = z.infer<typeof DepartmentRatingRequest>;

export const DepartmentRating = z.strictObject({
  legId: z.string(),
  caseId: z.string(),
  departmentCode: z.string(),
  score: RatingScore,
  note: z.string().optional(),
  byUnitCode: z.string(),
  byUserName: z.string(),
  at: z.string(),
});
export type DepartmentRating = z.infer<typeof DepartmentRating>;
export const DepartmentRatingList = z.strictObject({ items: z.array(DepartmentRating) });

/** Period and scope of the roll-up (as for the KPI report: the cases' grids in `orgUnit`'s subtree). */
export const DepartmentRatingsQuery = z.strictObject({
  from: BoundedDateOrTime,
  to: BoundedDateOrTime,
  orgUnit: z.string().max(32).optional(),
});
export type DepartmentRatingsQuery = z.infer<typeof DepartmentRatingsQuery>;

const Tally = z.strictObject({
  count: z.number().int().nonnegative(),
  /** Mean score, null without ratings. */
  average: z.number().nullable(),
});
export const DepartmentRatingRow = Tally.extend({
  departmentCode: z.string(),
  /** Fewer than SMALL_SAMPLE_THRESHOLD ratings: the average says little. */
  smallSample: z.boolean(),
  /** Per Beijing calendar month (YYYY-MM) of the rating. */
  byMonth: z.array(Tally.extend({ month: z.string() })),
});
export type DepartmentRatingRow = z.infer<typeof DepartmentRatingRow>;
export const DepartmentRatingsReport = z.strictObject({
  from: z.string(),
  to: z.string(),
  orgUnit: z.string(),
  rows: z.array(DepartmentRatingRow),
});
export type DepartmentRatingsReport = z.infer<typeof DepartmentRatingsReport>;

/** A department's part of a case is over once it fed back, or once the case closed (whatever it did). */
const DONE_LEG_STATUSES: readonly LegStatus[] = ['feedback', 'done'];
const RATABLE_AT_CLOSE: readonly LegStatus[] = ['feedback', 'done', 'ended'];

export type RatingRefusal = 'forbidden' | 'leg_not_ratable' | 'already_rated';

/**
 * Why this principal may not rate this leg now, or null when it may. The rater is the village/community where the
 * case happened (`case.rate` over the case's grid, held at village level).
 */
export function ratingRefusal(
  s: Pick<CaseSnapshot, 'gridCode' | 'status' | 'legs'>,
  rater: Principal,
  leg: CaseLeg,
  alreadyRated: ReadonlySet<string>,
): RatingRefusal | null {
  if (levelOfCode(rater.orgUnitCode) !== 'village' || !canAct(rater, 'case.rate', s.gridCode)) return 'forbidden';
  if (!isWithinScope(rater.orgUnitCode, s.gridCode) || !isDepartmentCode(leg.unitCode)) return 'forbidden';
  if (alreadyRated.has(leg.id)) return 'already_rated';
  const closed = CLOSED_STATUSES.includes(s.status);
  const over = DONE_LEG_STATUSES.includes(leg.status) || (closed && RATABLE_AT_CLOSE.includes(leg.status));
  return over ? null : 'leg_not_ratable';
}

/** The department legs of the case this principal may rate now (what the drawer offers). */
export function ratableLegs(
  s: Pick<CaseSnapshot, 'gridCode' | 'status' | 'legs'>,
  rater: Principal,
  alreadyRated: ReadonlySet<string>,
): CaseLeg[] {
  return s.legs.filter((leg) => ratingRefusal(s, rater, leg, alreadyRated) === null);
}

/** Rolls ratings up by department, busiest first; `monthOf` turns an instant into its Beijing YYYY-MM. */
export function rollUpRatings(
  ratings: Iterable<{ departmentCode: string; score: number; at: number }>,
  monthOf: (at: number) => string,
): DepartmentRatingRow[] {
  const byDept = new Map<string, { sum: number; count: number; months: Map<string, { sum: number; count: number }> }>();
  for (const r of ratings) {
    let d = byDept.get(r.departmentCode);
    if (!d) byDept.set(r.departmentCode, (d = { sum: 0, count: 0, months: new Map() }));
    d.sum += r.score;
    d.count++;
    const month = monthOf(r.at);
    const m = d.months.get(month) ?? { sum: 0, count: 0 };
    m.sum += r.score;
    m.count++;
    d.months.set(month, m);
  }
  const avg = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 100) / 100);
  return [...byDept.entries()]
    .map(([departmentCode, d]) => ({
      departmentCode,
      count: d.count,
      average: avg(d.sum, d.count),
      smallSample: d.count < SMALL_SAMPLE_THRESHOLD,
      byMonth: [...d.months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, m]) => ({ month, count: m.count, average: avg(m.sum, m.count) })),
    }))
    .sort((a, b) => b.count - a.count || a.departmentCode.localeCompare(b.departmentCode));
}
