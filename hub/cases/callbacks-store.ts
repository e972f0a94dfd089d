/**
 * The call-back log (migration 0018 `case_callbacks`): one row per 回访 attempt, written in the move's transaction,
 * and the per-case results the KPIs count (common/cases/callback.ts `callbackResult`).
 */
import { callbackResult, type CallbackResult, type CaseCallback } from '../../common/cases/callback.js';
import type { HubDatabase } from '../db/database.js';
import { sql, type SqlFragment } from '../db/sql.js';

export function appendCallback(db: HubDatabase, caseNo: string, c: CaseCallback): void {
  db.run(sql`
    INSERT INTO case_callbacks (case_id, case_reported_at, grid_code, at, user_id, outcome, reopened, note)
    SELECT id, reported_at, grid_code, ${c.at}, ${c.byUserId}, ${c.outcome}, ${c.reopened ? 1 : 0}, ${c.note ?? null}
    FROM cases WHERE case_no = ${caseNo}`);
}

/**
 * Each case's call-back result, for cases reported in [from, to) and matching `where` (a condition on the cases
 * table aliased `c`, e.g. the KPI's scope cut).
 */
export function callbackResults(
  db: HubDatabase,
  from: number,
  to: number,
  where: SqlFragment,
): Map<string, CallbackResult> {
  const rows = db.all<{ case_no: string; at: number; user_id: string; outcome: CaseCallback['outcome'] }>(sql`
    SELECT c.case_no, cb.at, cb.user_id, cb.outcome FROM case_callbacks cb INDEXED BY case_callbacks_reported
    JOIN cases c ON c.id = cb.case_id
    WHERE cb.case_reported_at >= ${from} AND cb.case_reported_at < ${to} AND ${where}
    ORDER BY cb.id`);
  const byCase = new Map<string, CaseCallback[]>();
  for (const r of rows) {
    const list = byCase.get(r.case_no) ?? [];
    list.push({ at: r.at, byUserId: r.user_id, outcome: r.outcome });
    byCase.set(r.case_no, list);
  }
  const results = new Map<string, CallbackResult>();
  for (const [caseNo, list] of byCase) {
    const result = callbackResult(list);
    if (result) results.set(caseNo, result);
  }
  return results;
}
