/**
 * Duplicate suggestions (疑似重复) in SQL: open cases of the same minor category reported within a window of time
 * and inside a lon/lat box, held by a unit of the caller's scope. The index `cases_open_category_reported`
 * (migration 0018) narrows to one category and a day's reports; the box and then the exact distance (in the caller,
 * hub/cases/duplicates.ts) cut the rest.
 */
import { OPEN_STATUSES } from '../../common/cases.js';
import type { CaseView } from '../../common/case-api.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql, sqlJoin } from '../db/sql.js';
import { toView, type CaseRow } from './cases-store.js';

export interface Box {
  readonly minLon: number;
  readonly maxLon: number;
  readonly minLat: number;
  readonly maxLat: number;
}

const openStatuses = () => sqlJoin(OPEN_STATUSES.map((s) => sql`${s}`));

/** Open cases of `categoryCode` reported in [from, to] inside `box`, other than `exceptCaseNo`, held in the scope. */
export function openCasesInBox(
  db: HubDatabase,
  q: { categoryCode: string; from: number; to: number; box: Box; exceptCaseNo: string; scopeCode: string },
): CaseView[] {
  return db
    .all<CaseRow>(
      sql`
      SELECT c.id, c.case_no, c.lon, c.lat, c.description, c.photos, c.snapshot FROM cases c
      WHERE c.category_code = ${q.categoryCode} AND c.reported_at BETWEEN ${q.from} AND ${q.to}
        AND c.closed_at IS NULL AND c.status IN (${openStatuses()})
        AND c.lon BETWEEN ${q.box.minLon} AND ${q.box.maxLon} AND c.lat BETWEEN ${q.box.minLat} AND ${q.box.maxLat}
        AND c.case_no <> ${q.exceptCaseNo}
        AND EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = c.id AND ${inSubtree(sql`h.org_code`, q.scopeCode)})
      ORDER BY c.reported_at`,
    )
    .map(toView);
}

/** The scope's open cases still at intake (where a merge can happen), as the board holds them. */
export function intakeCasesOfScope(db: HubDatabase, scopeCode: string, limit: number): CaseView[] {
  return db
    .all<CaseRow>(
      sql`
      SELECT c.id, c.case_no, c.lon, c.lat, c.description, c.photos, c.snapshot FROM (
        SELECT DISTINCT case_id FROM case_holders INDEXED BY case_holders_open
        WHERE open = 1 AND ${inSubtree(sql`org_code`, scopeCode)}
      ) h JOIN cases c ON c.id = h.case_id
      WHERE c.closed_at IS NULL AND c.status IN ('reported', 'verifying', 'filed')
      ORDER BY c.reported_at DESC LIMIT ${limit}`,
    )
    .map(toView);
}
