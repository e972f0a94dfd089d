/**
 * The map events answer as the route serves it: from the answer cache while the data has not changed since it was
 * made, else assembled by the scoped query into pooled memory and cached. The caller sends `body` and calls `done`
 * when the reply is finished with it.
 */
import type { MapEventsQuery } from '../../common/map-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { answerCache, mapVersion } from './answer-cache.js';
import { mapBodyPool, type BodyLease } from './body-pool.js';
import type { EventCoding } from './event-dictionary.js';
import { queryMapEvents, type MapEventsAnswer } from './events-query.js';

export interface ServedAnswer {
  readonly body: Buffer;
  readonly count: number;
  /** Whether the bytes were assembled for this request (false: the cache had them). */
  readonly fresh: boolean;
  readonly built: MapEventsAnswer['built'];
  readonly done: () => void;
}

export function mapEventsAnswer(
  db: HubDatabase,
  coding: EventCoding,
  scopeCode: string,
  query: MapEventsQuery,
): ServedAnswer {
  const cache = answerCache(db);
  // Read before assembling, in the same synchronous turn: no write can slip in between on this connection.
  const version = mapVersion(db);
  const key = JSON.stringify([
    scopeCode,
    query.from,
    query.to,
    query.grades,
    query.majors,
    query.statuses,
    query.sources,
  ]);
  const hit = cache.get(key, version);
  if (hit) return { body: hit.body, count: hit.count, fresh: false, built: [], done: cache.borrow(hit) };
  let lease: BodyLease | null = null;
  const answer = queryMapEvents(db, coding, scopeCode, query, (bytes) => (lease = mapBodyPool.acquire(bytes)).body);
  const entry = cache.put(key, version, { body: answer.body as Buffer, count: answer.count }, lease!);
  return { body: entry.body, count: entry.count, fresh: true, built: answer.built, done: cache.borrow(entry) };
}
