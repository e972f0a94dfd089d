/**
 * case_dispute_outcomes (migration 0021): each dispute's outcome mirrored from its snapshot, so the KPIs count the
 * seed's Table 2 from one narrow table. Runs inside the caller's transaction, like the rest of the cases store.
 */
import type { DisputeOutcome, DisputePath, DisputeResult } from '../../common/dispute-outcomes.js';
import type { HubDatabase } from '../db/database.js';
import { sql, type SqlFragment } from '../db/sql.js';

/** Writes (or rewrites) the case's outcome; the case is found by its number. */
export function writeDisputeOutcome(db: HubDatabase, caseNo: string, outcome: DisputeOutcome): void {
  db.run(sql`
    INSERT INTO case_dispute_outcomes (case_id, path, outcome, recorded_at)
    SELECT id, ${outcome.path}, ${outcome.outcome}, ${outcome.at} FROM cases WHERE case_no = ${caseNo}
    ON CONFLICT (case_id) DO UPDATE SET path = excluded.path, outcome = excluded.outcome,
                                        recorded_at = excluded.recorded_at`);
}

export interface DisputeOutcomeRow {
  readonly reportedAt: number;
  readonly path: DisputePath;
  readonly outcome: DisputeResult;
}

/** Outcomes of the cases reported in [from, to) that match `where` (a condition on the cases row `c`). */
export function disputeOutcomesIn(db: HubDatabase, from: number, to: number, where: SqlFragment): DisputeOutcomeRow[] {
  return db
    .all<{ reported_at: number; path: DisputePath; outcome: DisputeResult }>(
      sql`
      SELECT c.reported_at, d.path, d.outcome FROM case_dispute_outcomes d JOIN cases c ON c.id = d.case_id
      WHERE c.reported_at >= ${from} AND c.reported_at < ${to} AND ${where}`,
    )
    .map((r) => ({ reportedAt: r.reported_at, path: r.path, outcome: r.outcome }));
}
