/**
 * Import batches (migration 0009): each run of the NDJSON import is recorded — who, when, the file's sha256, its
 * counts — and can be listed and rolled back whole by an administrator. A rollback deletes the batch's cases and
 * every row hanging off them in one transaction, and is refused while any of those cases has been moved since
 * (someone has worked on it: deleting it would erase their work).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ImportBatch } from '../../common/case-api.js';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { holdsValidPost } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';

/** Import is a migration tool: the administrator's, never a township's (it can rewrite a unit's past KPIs). */
export function requireImportAdmin(user: User): void {
  if (user.role !== 'admin' || !holdsValidPost(user)) {
    throw new GridCommandError('forbidden', 'only an administrator may import or roll back history', undefined, 403);
  }
}

interface BatchRow {
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

const toBatch = (r: BatchRow): ImportBatch => ({
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

/** Batches whose import is still running in this process: not to be rolled back under its feet. */
const running = new Set<string>();
export const markRunning = (id: string, on: boolean): void => void (on ? running.add(id) : running.delete(id));

function rollbackBatch(db: HubDatabase, id: string, user: User, now: number): number {
  const batch = db.get<BatchRow>(sql`SELECT * FROM import_batches WHERE id = ${id}`);
  if (!batch) throw new GridCommandError('not_found', `no import batch ${id}`, 'batchId', 404);
  if (batch.status === 'rolled_back' || running.has(id)) {
    const why = running.has(id) ? 'is still importing' : 'was already rolled back';
    throw new GridCommandError('conflict', `import batch ${id} ${why}`, 'batchId', 409);
  }
  const moved = db.all<{ case_no: string }>(
    sql`SELECT case_no FROM cases WHERE import_batch_id = ${id} AND version > 1 ORDER BY id LIMIT 5`,
  );
  if (moved.length > 0) {
    throw new GridCommandError(
      'conflict',
      `cases of this batch have been worked on since the import (${moved.map((m) => m.case_no).join(', ')}); nothing was rolled back`,
      'batchId',
      409,
    );
  }
  // 'rolling_back' opens the history's append-only trigger for this batch's rows only, inside this transaction.
  db.run(sql`UPDATE import_batches SET status = 'rolling_back' WHERE id = ${id}`);
  const ofBatch = sql`SELECT id FROM cases WHERE import_batch_id = ${id}`;
  db.run(sql`DELETE FROM case_history WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM case_changes WHERE case_id IN (${ofBatch})`);
  db.run(sql`DELETE FROM supervisions WHERE case_id IN (${ofBatch})`);
  // Every table that references cases goes first, or the foreign key refuses the delete below.
  db.run(sql`DELETE FROM case_holders WHERE case_id IN (${ofBatch})`);
  const deleted = db.run(sql`DELETE FROM cases WHERE import_batch_id = ${id}`).changes;
  db.run(sql`
    UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = ${user.username}
    WHERE id = ${id}`);
  return deleted;
}

export function registerImportBatchRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.importBatches, ({ session }) => {
    requireImportAdmin(session.user);
    const rows = hub.db.all<BatchRow>(sql`SELECT * FROM import_batches ORDER BY started_at DESC, id LIMIT 1000`);
    return { items: rows.map(toBatch) };
  });

  route(app, hub, hubRoutes.importRollback, ({ session, params }) => {
    requireImportAdmin(session.user);
    return { batchId: params.batchId, deletedCases: rollbackBatch(hub.db, params.batchId, session.user, hub.now()) };
  });
}
