/**
 * POST /api/v1/events/import — NDJSON. Imported in chunks, each its own commit, so a 100,000-line file neither
 * holds the database for seconds nor loses finished chunks if the hub stops; re-running skips what is in.
 */
import type { FastifyInstance } from 'fastify';
import type { ImportResult } from '../../common/case-api.js';
import { IMPORT_ROUTE } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows } from '../../common/scope-policy.js';
import { importEvents, ndjsonLines } from './importer.js';
import type { HubContext } from '../hub-context.js';
import { actorOf } from './case-routes.js';
import { bearerToken, refuseWhenOverloaded } from '../http/route.js';

const CHUNK_LINES = 2000;
const MAX_BYTES = 128 * 1024 * 1024;

export function registerImportRoute(app: FastifyInstance, hub: HubContext): void {
  app.addContentTypeParser(
    IMPORT_ROUTE.contentType,
    { parseAs: 'string', bodyLimit: MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(IMPORT_ROUTE.path, { bodyLimit: MAX_BYTES }, async (request, reply) => {
    const session = hub.auth.authenticate(bearerToken(request));
    if (!roleAllows(session.user, 'case.file')) {
      throw new GridCommandError('forbidden', 'not permitted to import events');
    }
    if (typeof request.body !== 'string') {
      throw new GridCommandError('bad_request', `send ${IMPORT_ROUTE.contentType}`, undefined, 415);
    }
    refuseWhenOverloaded(hub);
    const actor = actorOf(session.user);
    const lines = [...ndjsonLines(request.body)];
    const total: ImportResult = { imported: 0, skipped: 0, rejected: [] };
    for (let start = 0; start < lines.length; start += CHUNK_LINES) {
      const chunk = lines.slice(start, start + CHUNK_LINES);
      const part = await hub.writes.run(() => importEvents(hub, actor, chunk, hub.now()));
      total.imported += part.imported;
      total.skipped += part.skipped;
      total.rejected.push(...part.rejected.map((r) => ({ line: r.line + start, reason: r.reason })));
    }
    return reply.header('cache-control', 'no-store').send(IMPORT_ROUTE.response.parse(total));
  });
}
