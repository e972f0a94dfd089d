/**
 * The import_batches table (migration 0009) and the rows a rollback deletes: the SQL behind hub/cases/import-batches.ts.
 */
import { randomUUID } from 'node:crypto';
import type { ImportBatch } from '../../common/case-api.js';
import type { User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface BatchRow {
  id: string;
  user_id: string;
  username: string;
  started_at: number;
  finished_at: number | null;
  sha256: string;
  lines: number;
  accepted: number;
  skipped: number;
  refused: number;
  status: ImportBatch['status'] | 'rolling_back';
  rolled_back_at: number | null;
  rolled_back_by: string | null;
}

export const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  sha256: r.sha256,
  lines: r.lines,
  accepted: r.accepted,
  skipped: r.skipped,
  refused: r.refused,
  status: r.status === 'rolling_back' ? 'rolled_back' : r.status,
  rolledBackAt: r.rolled_back_at,
  rolledBackBy: r.rolled_back_by,
});

export function startBatch(db: HubDatabase, user: User, sha256: string, now: number): string {
  const id = `imp-${randomUUID()}`;
  db.run(sql`
    INSERT INTO import_batches (id, user_id, username, started_at, sha256, status)
    VALUES (${id}, ${user.id}, ${user.username}, ${now}, ${sha256}, 'importing')`);
  return id;
}

export function finishBatch(
  db: HubDatabase,
  id: string,
  counts: { lines: number; accepted: number; skipped: number; refused: number },
  now: number,
): void {
  db.run(sql`
    UPDATE import_batches SET finished_at = ${now}, lines = ${counts.lines}, accepted = ${counts.accepted},
      skipped = ${counts.skipped}, refused = ${counts.refused}, status = 'done'
    WHERE id = ${id}`);
}

/** The case's origin in the old platform, for its detail; undefined for a case reported here. */
export function importOrigin(
  db: HubDatabase,
  caseNo: string,
): { externalId: string; batchId: string | null } | undefined {
  const row = db.get<{ external_id: string | null; import_batch_id: string | null }>(
    sql`SELECT external_id, import_batch_id FROM cases WHERE case_no = ${caseNo}`,
  );
  return row?.external_id ? { externalId: row.external_id, batchId: row.import_batch_id } : undefined;
}

export function getBatch(db: HubDatabase, id: string): BatchRow | undefined {
  return db.get<BatchRow>(sql`SELECT * FROM import_batches WHERE id = ${id}`);
}

export function listBatches(db: HubDatabase, limit = 1000): ImportBatch[] {
  return db.all<BatchRow>(sql`SELECT * FROM import_batches ORDER BY started_at DESC, id LIMIT ${limit}`).map(toBatch);
}

/** Case numbers of the batch's cases that someone has moved since the import (at most `limit`). */
export function movedCasesOfBatch(db: HubDatabase, id: string, limit = 5): string[] {
  return db
    .all<{ case_no: string }>(
      sql`SELECT case_no FROM cases WHERE import_batch_id = ${id} AND version > 1 ORDER BY id LIMIT ${limit}`,
    )
    .map((r) => r.case_no);
}

/**
 * Deletes the batch's cases and every row that references them (history, change feed, supervisions, holders), and
 * marks the batch rolled back; the caller runs it in one transaction. A new table that references cases must be
 * added here, or the rollback fails on its foreign key (the import-batches test catches it).
 */
export function deleteBatchCases(db: HubDatabase, id: string, user: User, now: number): number {
  // 'rolling_back' opens the history's append-only trigger for this batch's rows only, inside this transaction.
  db.run(sql`UPDATE import_batches SET status = 'rolling_back' WHERE id = ${id}`);
  const ofBatch = sql`SELECT id FROM cases WHERE import_batch_id = ${id}`;
  db.run(sql`DELETE FROM case_history WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM case_changes WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM supervisions WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM case_callbacks WHERE case_id IN (${ofBatch})`);
  // Their files stay until the next start sweeps what no row names (hub/evidence: stored once, maybe shared).
  db.run(sql`DELETE FROM case_attachments WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM case_holders WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM case_dispute_outcomes WHERE case_id IN (${ofBatch})`);
  // The word index's rows are keyed by the sort key (hub/search/search-index-store.ts), not the case id.
  db.run(sql`
    DELETE FROM case_search WHERE rowid IN (
      SELECT (c.reported_at / 1000) * 2147483648 + c.id FROM cases c WHERE c.import_batch_id = ${id})`);
  const deleted = db.run(sql`DELETE FROM cases WHERE import_batch_id = ${id}`).changes;
  db.run(sql`
    UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = ${user.username}
    WHERE id = ${id}`);
  return deleted;
}
