/**
 * KPIs for a period and unit, from the cases table: closed cases straight from their columns (their facts no
 * longer change), open ones from their snapshots (a pause still running moves their deadline).
 */
import { caseFactsOf, computeKpis, type CaseFacts, type KpiReport } from '../../common/kpi.js';
import type { CaseSnapshot } from '../../common/cases.js';
import { computeDisputeKpis } from '../../common/dispute-kpi.js';
import { disputeOutcomesIn } from './dispute-outcomes-store.js';
import { isDepartmentCode } from '../../common/departments.js';
import { GridCommandError } from '../../common/errors.js';
import { canAct, type Principal } from '../../common/scope-policy.js';
import { levelOfCode } from '../../common/org.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';
import type { WorkCalendar } from '../../common/work-calendar.js';
import { callbackResults } from './callbacks-store.js';

interface FactRow {
  case_no: string;
  status: CaseFacts['status'];
  grade: CaseFacts['grade'];
  source: CaseFacts['source'];
  category_code: string;
  grid_code: string;
  handling_level: CaseFacts['handlingLevel'];
  lead_unit_code: string | null;
  owner_unit_code: string;
  reported_at: number;
  filed_at: number | null;
  closed_at: number | null;
  due_at: number | null;
  rework_count: number;
  supervision_count: number;
  rating: number | null;
}

export interface KpiRequest {
  readonly from: number;
  readonly to: number;
  /** Org code in the caller's scope, or a department code (county level only); default: the caller's unit. */
  readonly orgUnit?: string | undefined;
}

export function kpiReport(
  db: HubDatabase,
  calendar: WorkCalendar,
  principal: Principal,
  request: KpiRequest,
  now: number,
): KpiReport {
  const orgUnit = request.orgUnit ?? principal.orgUnitCode;
  const department = isDepartmentCode(orgUnit);
  const allowed = department
    ? levelOfCode(principal.orgUnitCode) === 'county' && canAct(principal, 'kpi.read')
    : canAct(principal, 'kpi.read', orgUnit);
  if (!allowed) throw new GridCommandError('forbidden', 'not permitted for this unit', 'orgUnit');
  if (!(request.from < request.to)) throw new GridCommandError('validation_failed', 'from must be before to', 'from');

  const where = department ? sql`lead_unit_code = ${orgUnit}` : inSubtree(sql`grid_code`, orgUnit);
  // Facts from the covering index (cases_kpi_facts); only the few still-open cases need their snapshot, because a
  // pause still running moves their deadline.
  const rows = db.all<FactRow>(sql`
    SELECT case_no, status, grade, source, category_code, grid_code, handling_level, lead_unit_code, owner_unit_code,
           reported_at, filed_at, closed_at, due_at, rework_count, supervision_count, rating
    FROM cases INDEXED BY cases_kpi_facts
    WHERE reported_at >= ${request.from} AND reported_at < ${request.to} AND ${where}`);
  const openSnapshots = new Map(
    db
      .all<{ case_no: string; snapshot: string }>(
        sql`
        SELECT case_no, snapshot FROM cases
        WHERE closed_at IS NULL AND reported_at >= ${request.from} AND reported_at < ${request.to} AND ${where}`,
      )
      .map((r) => [r.case_no, r.snapshot]),
  );

  // Call-back results from the call-back log (a few rows: public and hotline cases only).
  const callbacks = callbackResults(
    db,
    request.from,
    request.to,
    department ? sql`c.lead_unit_code = ${orgUnit}` : inSubtree(sql`c.grid_code`, orgUnit),
  );
  const facts = rows.map((r): CaseFacts => {
    const open = openSnapshots.get(r.case_no);
    return open !== undefined
      ? caseFactsOf(JSON.parse(open) as CaseSnapshot, now, calendar)
      : {
          id: r.case_no,
          status: r.status,
          grade: r.grade,
          source: r.source,
          categoryCode: r.category_code,
          gridCode: r.grid_code,
          handlingLevel: r.handling_level,
          unitCode: r.lead_unit_code ?? r.owner_unit_code,
          reportedAt: r.reported_at,
          filedAt: r.filed_at,
          closedAt: r.closed_at,
          dueAt: r.due_at,
          reworkCount: r.rework_count,
          supervisionCount: r.supervision_count,
          rating: r.rating,
          callback: callbacks.get(r.case_no) ?? null,
        };
  });
  // The county's own code means "the whole county": report it as such.
  const reportUnit = levelOfCode(orgUnit) === 'county' ? null : orgUnit;
  const disputes = computeDisputeKpis(
    disputeOutcomesIn(
      db,
      request.from,
      request.to,
      department ? sql`c.lead_unit_code = ${orgUnit}` : inSubtree(sql`c.grid_code`, orgUnit),
    ),
  );
  return { ...computeKpis(facts, { from: request.from, to: request.to, asOf: now, orgUnit: reportUnit }), disputes };
}
