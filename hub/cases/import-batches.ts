/**
 * Import batches (migration 0009): each run of the NDJSON import is recorded — who, when, the file's sha256, its
 * counts — and can be listed and rolled back whole by an administrator. A rollback deletes the batch's cases and
 * every row hanging off them in one transaction, and is refused while any of those cases has been moved since
 * (someone has worked on it: deleting it would erase their work).
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { holdsValidPost } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { deleteBatchCases, getBatch, listBatches, movedCasesOfBatch } from './import-batches-store.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';

/** Import is a migration tool: the administrator's, never a township's (it can rewrite a unit's past KPIs). */
export function requireImportAdmin(user: User): void {
  if (user.role !== 'admin' || !holdsValidPost(user)) {
    throw new GridCommandError('forbidden', 'only an administrator may import or roll back history', undefined, 403);
  }
}

/** Batches whose import is still running in this process: not to be rolled back under its feet. */
const running = new Set<string>();
export const markRunning = (id: string, on: boolean): void => void (on ? running.add(id) : running.delete(id));

function rollbackBatch(db: HubDatabase, id: string, user: User, now: number): number {
  const batch = getBatch(db, id);
  if (!batch) throw new GridCommandError('not_found', `no import batch ${id}`, 'batchId', 404);
  if (batch.status === 'rolled_back' || running.has(id)) {
    const why = running.has(id) ? 'is still importing' : 'was already rolled back';
    throw new GridCommandError('conflict', `import batch ${id} ${why}`, 'batchId', 409);
  }
  const moved = movedCasesOfBatch(db, id);
  if (moved.length > 0) {
    throw new GridCommandError(
      'conflict',
      `cases of this batch have been worked on since the import (${moved.join(', ')}); nothing was rolled back`,
      'batchId',
      409,
    );
  }
  return deleteBatchCases(db, id, user, now);
}

export function registerImportBatchRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.importBatches, ({ session }) => {
    requireImportAdmin(session.user);
    return { items: listBatches(hub.db) };
  });

  route(app, hub, hubRoutes.importRollback, ({ session, params }) => {
    requireImportAdmin(session.user);
    return { batchId: params.batchId, deletedCases: rollbackBatch(hub.db, params.batchId, session.user, hub.now()) };
  });
}
