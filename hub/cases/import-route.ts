/**
 * POST /api/v1/events/import — NDJSON, administrators only (import-batches.ts). Each run is an import batch; its
 * lines land in chunks (≤ 1,000 lines and ≤ 20 ms of work), each its own commit, and between chunks the hub yields to
 * the event loop, so a 100,000-line file neither holds the database nor stalls other requests.
 *
 * Batch semantics: every line either lands or is reported refused (with its line number and reason) — the answer
 * accounts for each line exactly. If the hub stops midway, the chunks already committed stay under the batch (its
 * status stays `importing`); re-running the file skips what is in, and the batch can be rolled back whole.
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { ImportResult } from '../../common/case-api.js';
import { IMPORT_ROUTE } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { importEvents, ndjsonLines } from './importer.js';
import { markRunning, requireImportAdmin } from './import-batches.js';
import { finishBatch, startBatch } from './import-batches-store.js';
import type { HubContext } from '../hub-context.js';
import { actorOf } from './case-routes.js';
import { bearerToken, refuseWhenOverloaded } from '../http/route.js';

/**
 * A chunk is one commit: at most this many lines, and at most this long holding the event loop (a line costs about a
 * millisecond on a busy 2-core box, so a fixed line count alone held health checks for most of a second).
 */
const CHUNK_LINES = 1000;
const CHUNK_BUDGET_MS = 20;
const MAX_BYTES = 128 * 1024 * 1024;

export function registerImportRoute(app: FastifyInstance, hub: HubContext): void {
  app.addContentTypeParser(
    IMPORT_ROUTE.contentType,
    { parseAs: 'string', bodyLimit: MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(IMPORT_ROUTE.path, { bodyLimit: MAX_BYTES }, async (request, reply) => {
    const session = hub.auth.authenticate(bearerToken(request));
    requireImportAdmin(session.user);
    if (typeof request.body !== 'string') {
      throw new GridCommandError('bad_request', `send ${IMPORT_ROUTE.contentType}`, undefined, 415);
    }
    refuseWhenOverloaded(hub);
    const text = request.body;
    const actor = actorOf(session.user);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const batchId = await hub.writes.run(() => startBatch(hub.db, session.user, sha256, hub.now()));
    markRunning(batchId, true);
    const total: ImportResult = { imported: 0, skipped: 0, rejected: [], batchId };
    let lineCount = 0;
    try {
      const lines = ndjsonLines(text);
      let exhausted = false;
      for (let start = 0; !exhausted;) {
        let taken = 0;
        // A chunk ends at CHUNK_LINES or when its time is up, whichever comes first: the lines are pulled (and
        // imported) inside the commit's transaction, so the budget bounds how long others wait for the event loop.
        function* chunk(): Generator<unknown> {
          const until = performance.now() + CHUNK_BUDGET_MS;
          while (taken < CHUNK_LINES && performance.now() < until) {
            const next = lines.next();
            if (next.done) {
              exhausted = true;
              return;
            }
            taken += 1;
            yield next.value;
          }
        }
        const part = await hub.writes.run(() => importEvents(hub, actor, chunk(), hub.now(), batchId));
        total.imported += part.imported;
        total.skipped += part.skipped;
        total.rejected.push(...part.rejected.map((r) => ({ line: r.line + start, reason: r.reason })));
        start += taken;
        lineCount += taken;
        await yieldToEventLoop();
      }
      const counts = {
        lines: lineCount,
        accepted: total.imported,
        skipped: total.skipped,
        refused: total.rejected.length,
      };
      await hub.writes.run(() => finishBatch(hub.db, batchId, counts, hub.now()));
    } finally {
      markRunning(batchId, false);
    }
    return reply.header('cache-control', 'no-store').send(IMPORT_ROUTE.response.parse(total));
  });
}
