/**
 * The county's KPIs (docs/glossary.md), computed from compact case facts so that the hub can feed SQL rows and
 * tests hand-made cases:
 *   结案率 closureRate   = closed / filed
 *   按期结案率 onTimeRate = closed on time / (closed + open and overdue)  — leaving late cases open cannot help
 *   返工率 reworkRate    = cases sent back at the check / cases checked
 *   gridLevelShare       = closed cases resolved at grid level / closed
 *   回访率 callbackRate  = closed public/hotline cases called back (reached or not) / closed public/hotline cases
 *   满意率 satisfactionRate = call-backs that found the reporter satisfied / call-backs that reached the reporter
 * Every rate carries its numerator, denominator and a small-sample flag (denominator < 20); its value is in [0,1]
 * or null when the denominator is 0.
 *
 * Cohort rule: a period's figures are about the cases *reported* in [from, to) — in the org unit's subtree, or
 * handled by the department — with their state as of `asOf`. So a rate never exceeds 1 and re-running a past month
 * shows how that month's cases ended up.
 */
import { z } from 'zod';
import { caseEffectiveDueAt } from './case-sla.js';
import {
  CASE_GRADES,
  CASE_SOURCES,
  CaseGrade,
  CaseSource,
  CaseStatus,
  CategoryCode,
  EpochMs,
  GridCode,
  HandlingLevel,
  UnitCode,
  currentLeadLeg,
  type CaseSnapshot,
} from './cases.js';
import { isDepartmentCode } from './departments.js';
import { DisputePath } from './dispute-outcomes.js';
import { isWithinScope } from './org.js';
import { majorCodeOf } from './taxonomy.js';
import { callbackResult, needsCallback } from './cases/callback.js';
import { localMonth, type WorkCalendar } from './work-calendar.js';

export const SMALL_SAMPLE_THRESHOLD = 20;
const HOUR_MS = 3_600_000;

/** What the KPIs need of one case (one SQL row). */
export const CaseFacts = z.strictObject({
  id: z.string(),
  status: CaseStatus,
  grade: CaseGrade,
  source: CaseSource,
  categoryCode: CategoryCode,
  gridCode: GridCode,
  /** Level that owned the case at the end; 'grid' for matters settled on the spot. */
  handlingLevel: HandlingLevel,
  /** The unit answerable for it: the lead leg's unit (township or department), else the owner. */
  unitCode: UnitCode,
  reportedAt: EpochMs,
  filedAt: EpochMs.nullish(),
  closedAt: EpochMs.nullish(),
  /** The effective deadline, pauses and extensions applied (caseEffectiveDueAt); null when none ran. */
  dueAt: EpochMs.nullish(),
  reworkCount: z.number().int().nonnegative(),
  supervisionCount: z.number().int().nonnegative(),
  rating: z.number().int().min(1).max(5).nullish(),
  /** The call-back result (common/cases/callback.ts callbackResult); null when nobody called back. */
  callback: z.enum(['satisfied', 'unsatisfied', 'unreachable']).nullish(),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

/** The facts of a snapshot as of `nowMs` (the hub may store these as columns beside the snapshot). */
export function caseFactsOf(s: CaseSnapshot, nowMs: number, calendar: WorkCalendar): CaseFacts {
  return {
    id: s.id,
    status: s.status,
    grade: s.grade,
    source: s.source,
    categoryCode: s.categoryCode,
    gridCode: s.gridCode,
    handlingLevel: s.handlingLevel,
    unitCode: currentLeadLeg(s)?.unitCode ?? s.ownerUnitCode,
    reportedAt: s.reportedAt,
    filedAt: s.filedAt ?? null,
    closedAt: s.closedAt ?? null,
    dueAt: caseEffectiveDueAt(s, nowMs, calendar) ?? null,
    reworkCount: s.reworkCount,
    supervisionCount: s.supervisionCount,
    rating: s.rating?.score ?? null,
    callback: callbackResult(s.callbacks),
  };
}

export const Rate = z.strictObject({
  value: z.number().min(0).max(1).nullable(),
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().nonnegative(),
  smallSample: z.boolean(),
});
export type Rate = z.infer<typeof Rate>;

const Count = z.number().int().nonnegative();
export const KpiFigures = z.strictObject({
  received: Count,
  filed: Count,
  closed: Count,
  void: Count,
  merged: Count,
  openOverdue: Count,
  closedOnTime: Count,
  checked: Count,
  reworked: Count,
  closedAtGridLevel: Count,
  supervisionCount: Count,
  supervisedCases: Count,
  closureRate: Rate,
  onTimeRate: Rate,
  reworkRate: Rate,
  gridLevelShare: Rate,
  /** Mean wall-clock hours from report to closing, over closed cases. */
  avgHandlingHours: z.number().nonnegative().nullable(),
  /** Mean reverse-evaluation score (1–5) over rated cases. */
  avgRating: z.number().min(1).max(5).nullable(),
  /** 回访: closed public/hotline cases (due a call-back), those called back, reached, and found satisfied. */
  callbackDue: Count,
  calledBack: Count,
  callbackReached: Count,
  callbackSatisfied: Count,
  callbackRate: Rate,
  satisfactionRate: Rate,
});
export type KpiFigures = z.infer<typeof KpiFigures>;

/**
 * How the period's disputes ended (common/dispute-outcomes.ts; the seed's Table 2): non-litigation vs litigation,
 * judicial confirmations and the mediation success rate, overall and by local year of report. Only disputes with a
 * recorded outcome count; `withoutOutcome` says how many closed disputes still lack one.
 */
export const DisputeYear = z.strictObject({
  year: z.number().int(),
  total: Count,
  nonLitigation: Count,
  litigation: Count,
  judicialConfirmations: Count,
  mediationSuccess: Rate,
});
export type DisputeYear = z.infer<typeof DisputeYear>;
export const DisputeKpis = z.strictObject({
  total: Count,
  /** Shares of `total`. */
  nonLitigation: Rate,
  litigation: Rate,
  judicialConfirmations: Count,
  mediationSuccess: Rate,
  byPath: z.array(z.strictObject({ path: DisputePath, count: Count })),
  byYear: z.array(DisputeYear),
});
export type DisputeKpis = z.infer<typeof DisputeKpis>;

export const KpiGroup = KpiFigures.extend({ key: z.string() });
export type KpiGroup = z.infer<typeof KpiGroup>;

/** GET /api/v1/stats/kpis?from&to&orgUnit */
export const KpiReport = z.strictObject({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  asOf: z.iso.datetime(),
  /** Org code or department code the figures are cut to; null for the whole county. */
  orgUnit: z.string().nullable(),
  summary: KpiFigures,
  sourceComposition: z.array(z.strictObject({ source: CaseSource, count: Count, share: Rate })),
  byGrade: z.array(KpiGroup),
  bySource: z.array(KpiGroup),
  /** Keyed by major category code ('04'). */
  byCategory: z.array(KpiGroup),
  /** Keyed by minor category code ('0404'). */
  byType: z.array(KpiGroup),
  /** Keyed by answerable unit (township code or dept:…). */
  byUnit: z.array(KpiGroup),
  /** Keyed by local month 'YYYY-MM' of the report. */
  byMonth: z.array(KpiGroup),
  /** Dispute outcomes (the hub always sends them; absent in reports built from case facts alone). */
  disputes: DisputeKpis.optional(),
});
export type KpiReport = z.infer<typeof KpiReport>;

export interface KpiQuery {
  readonly from: number;
  readonly to: number;
  /** The moment the state is judged at (usually now). */
  readonly asOf: number;
  readonly orgUnit?: string | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    value: denominator > 0 ? numerator / denominator : null,
    numerator,
    denominator,
    smallSample: denominator < SMALL_SAMPLE_THRESHOLD,
  };
}

class Tally {
  received = 0;
  filed = 0;
  closed = 0;
  void = 0;
  merged = 0;
  openOverdue = 0;
  closedOnTime = 0;
  checked = 0;
  reworked = 0;
  closedAtGridLevel = 0;
  supervisionCount = 0;
  supervisedCases = 0;
  callbackDue = 0;
  calledBack = 0;
  callbackReached = 0;
  callbackSatisfied = 0;
  private handlingMs = 0;
  private ratingSum = 0;
  private rated = 0;

  add(f: CaseFacts, asOf: number): void {
    this.received++;
    if (f.status === 'void') this.void++;
    if (f.status === 'merged') this.merged++;
    const dropped = f.status === 'void' || f.status === 'merged';
    const closed = (f.status === 'closed' || f.status === 'evaluated') && f.closedAt != null && f.closedAt <= asOf;
    // Imported history may lack filedAt: anything past intake was filed.
    const filed =
      !dropped &&
      (closed || (f.filedAt != null ? f.filedAt <= asOf : f.status !== 'reported' && f.status !== 'verifying'));
    if (filed) this.filed++;
    if (closed && f.closedAt != null) {
      this.closed++;
      this.handlingMs += Math.max(0, f.closedAt - f.reportedAt);
      if (f.dueAt == null || f.closedAt <= f.dueAt) this.closedOnTime++;
      if (f.handlingLevel === 'grid') this.closedAtGridLevel++;
      if (needsCallback(f.source)) this.countCallback(f);
    } else if (filed && f.dueAt != null && f.dueAt < asOf) {
      this.openOverdue++;
    }
    if (closed || f.reworkCount > 0) this.checked++;
    if (f.reworkCount > 0) this.reworked++;
    this.supervisionCount += f.supervisionCount;
    if (f.supervisionCount > 0) this.supervisedCases++;
    if (f.rating != null) {
      this.ratingSum += f.rating;
      this.rated++;
    }
  }

  private countCallback(f: CaseFacts): void {
    this.callbackDue++;
    if (f.callback == null) return;
    this.calledBack++;
    if (f.callback === 'unreachable') return;
    this.callbackReached++;
    if (f.callback === 'satisfied') this.callbackSatisfied++;
  }

  figures(): KpiFigures {
    return {
      received: this.received,
      filed: this.filed,
      closed: this.closed,
      void: this.void,
      merged: this.merged,
      openOverdue: this.openOverdue,
      closedOnTime: this.closedOnTime,
      checked: this.checked,
      reworked: this.reworked,
      closedAtGridLevel: this.closedAtGridLevel,
      supervisionCount: this.supervisionCount,
      supervisedCases: this.supervisedCases,
      closureRate: rate(this.closed, this.filed),
      onTimeRate: rate(this.closedOnTime, this.closed + this.openOverdue),
      reworkRate: rate(this.reworked, this.checked),
      gridLevelShare: rate(this.closedAtGridLevel, this.closed),
      avgHandlingHours: this.closed > 0 ? this.handlingMs / this.closed / HOUR_MS : null,
      avgRating: this.rated > 0 ? this.ratingSum / this.rated : null,
      callbackDue: this.callbackDue,
      calledBack: this.calledBack,
      callbackReached: this.callbackReached,
      callbackSatisfied: this.callbackSatisfied,
      callbackRate: rate(this.calledBack, this.callbackDue),
      satisfactionRate: rate(this.callbackSatisfied, this.callbackReached),
    };
  }
}

/** Does the case belong to the cut? Org unit: happened in its subtree. Department: the department answers for it. */
export function inOrgUnit(f: Pick<CaseFacts, 'gridCode' | 'unitCode'>, orgUnit: string | null | undefined): boolean {
  if (!orgUnit) return true;
  return isDepartmentCode(orgUnit) ? f.unitCode === orgUnit : isWithinScope(orgUnit, f.gridCode);
}

class Groups {
  private readonly tallies = new Map<string, Tally>();
  constructor(keys: readonly string[] = []) {
    for (const key of keys) this.tallies.set(key, new Tally());
  }
  add(key: string, f: CaseFacts, asOf: number): void {
    let tally = this.tallies.get(key);
    if (!tally) this.tallies.set(key, (tally = new Tally()));
    tally.add(f, asOf);
  }
  list(sorted = true): KpiGroup[] {
    const keys = [...this.tallies.keys()];
    if (sorted) keys.sort();
    return keys.map((key) => ({ key, ...this.tallies.get(key)!.figures() }));
  }
}

export function computeKpis(facts: Iterable<CaseFacts>, query: KpiQuery): KpiReport {
  const { from, to, asOf } = query;
  const total = new Tally();
  const byGrade = new Groups(CASE_GRADES);
  const bySource = new Groups(CASE_SOURCES);
  const byCategory = new Groups();
  const byType = new Groups();
  const byUnit = new Groups();
  const byMonth = new Groups();
  for (const f of facts) {
    if (f.reportedAt < from || f.reportedAt >= to || !inOrgUnit(f, query.orgUnit)) continue;
    total.add(f, asOf);
    byGrade.add(f.grade, f, asOf);
    bySource.add(f.source, f, asOf);
    byCategory.add(majorCodeOf(f.categoryCode), f, asOf);
    byType.add(f.categoryCode, f, asOf);
    byUnit.add(f.unitCode, f, asOf);
    byMonth.add(localMonth(f.reportedAt), f, asOf);
  }
  const summary = total.figures();
  const sourceGroups = bySource.list(false);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    asOf: new Date(asOf).toISOString(),
    orgUnit: query.orgUnit ?? null,
    summary,
    sourceComposition: sourceGroups.map((g) => ({
      source: g.key as CaseSource,
      count: g.received,
      share: rate(g.received, summary.received),
    })),
    byGrade: byGrade.list(false),
    bySource: sourceGroups,
    byCategory: byCategory.list(),
    byType: byType.list(),
    byUnit: byUnit.list(),
    byMonth: byMonth.list(),
  };
}
