/**
 * The map API: events as columnar binary (GET /api/v1/map/events) and unit outlines (GET /api/v1/map/boundaries),
 * both cut to the caller's subtree in SQL. Cameras come from GET /api/v1/cameras, already scoped.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes, MAP_EVENTS_ROUTE } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canAct, roleAllows } from '../../common/scope-policy.js';
import type { HubContext } from '../hub-context.js';
import { boundariesInScope } from './boundaries.js';
import { startMapChunkWarmer } from './chunk-warmer.js';
import { storeChunks } from './event-chunks.js';
import { eventCoding } from './event-dictionary.js';
import { MAX_MAP_EVENTS, TooManyMapEvents } from './events-query.js';
import { mapEventsAnswer } from './map-answers.js';
import { bearerToken, parseWith, route } from '../http/route.js';

const forbidden = () => new GridCommandError('forbidden', 'not permitted for your role');

export function registerMapRoutes(app: FastifyInstance, hub: HubContext): void {
  // The latest version's majors (its list only grows: a major cases use is retired, never removed); a new version
  // with a new major changes the coding's fingerprint, and the chunks are rebuilt under it.
  const codingNow = () => eventCoding(hub.reference.latest().taxonomy);

  app.get(MAP_EVENTS_ROUTE.path, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    // Events of an area: a department officer's scope is its department, not an area, so it is refused here.
    if (!canAct(user, 'case.read', user.orgUnitCode)) throw forbidden();
    const query = parseWith(MAP_EVENTS_ROUTE.query, request.query);
    // A narrower unit may be asked for, never a wider or a neighbouring one.
    const scope = query.orgUnit ?? user.orgUnitCode;
    if (!isWithinScope(user.orgUnitCode, scope)) {
      throw new GridCommandError('forbidden', 'outside your scope', 'orgUnit');
    }
    const coding = codingNow();
    let answer;
    try {
      answer = mapEventsAnswer(hub.db, coding, scope, query);
    } catch (err) {
      if (!(err instanceof TooManyMapEvents)) throw err;
      throw new GridCommandError(
        'payload_too_large',
        `too many events (${err.count}, at most ${MAX_MAP_EVENTS}); choose a shorter period`,
        'from',
        undefined,
        { count: err.count, limit: MAX_MAP_EVENTS },
      );
    }
    // Chunks rebuilt for this answer are stored after it, so the next query copies them from memory or disk.
    const { built } = answer;
    if (built.length > 0)
      void hub.writes
        .run(() => storeChunks(hub.db, built, coding.fingerprint))
        // Not stored: the next query rebuilds these chunks, so only the log needs to know.
        .catch((err: unknown) => hub.log.warn({ err, chunks: built.length }, 'map chunks not stored'));
    // The body's memory may go back to the pool once this reply is done with it (sent, or the client went away).
    reply.raw.once('close', answer.done);
    return reply
      .header('cache-control', 'no-store')
      .header('x-map-event-count', String(answer.count))
      .type(MAP_EVENTS_ROUTE.contentType)
      .send(answer.body);
  });

  route(app, hub, hubRoutes.mapBoundaries, ({ session }) => {
    if (!roleAllows(session.user, 'org.read')) throw forbidden();
    return { items: boundariesInScope(hub.db, session.user.orgUnitCode) };
  });

  let stopWarmer: (() => void) | null = null;
  app.addHook('onReady', async () => {
    stopWarmer = startMapChunkWarmer(hub);
  });
  app.addHook('onClose', async () => stopWarmer?.());
}
