/**
 * Assembled map answers, kept while still exact: an answer made at `map_version` n (migration 0006 bumps it on every
 * write the map shows) is the answer to the same query for as long as the version reads n. A command room opens
 * the same map on several consoles and walls; all but the first get the bytes already made.
 *
 * Bodies live in pooled memory (body-pool.ts) and may be read by several replies at once, so each entry counts its
 * readers and gives its memory back only when it is both evicted and no longer being sent.
 */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { BodyLease } from './body-pool.js';

export function mapVersion(db: HubDatabase): number {
  return db.get<{ n: number }>(sql`SELECT n FROM map_version WHERE id = 1`)?.n ?? 0;
}

export interface CachedAnswer {
  readonly body: Buffer;
  readonly count: number;
}

interface Entry extends CachedAnswer {
  readonly key: string;
  readonly version: number;
  readonly lease: BodyLease;
  readers: number;
  evicted: boolean;
}

export interface CacheEntry extends CachedAnswer {
  readonly key: string;
}

export class AnswerCache {
  private entries: Entry[] = [];

  constructor(
    private readonly maxEntries = 3,
    private readonly maxBytes = 96 * 1024 * 1024,
  ) {}

  /** The answer to `key` if it was made at `version`; stale entries are dropped on the way. */
  get(key: string, version: number): Entry | undefined {
    this.drop((entry) => entry.version !== version);
    const entry = this.entries.find((e) => e.key === key);
    if (entry) this.entries = [entry, ...this.entries.filter((e) => e !== entry)];
    return entry;
  }

  put(key: string, version: number, answer: CachedAnswer, lease: BodyLease): Entry {
    const entry: Entry = { ...answer, key, version, lease, readers: 0, evicted: false };
    this.drop((e) => e.key === key);
    this.entries.unshift(entry);
    let bytes = entry.body.byteLength;
    // The new entry itself always stays: its reply is about to send it.
    this.drop((e, i) => i > 0 && (i >= this.maxEntries || (bytes += e.body.byteLength) > this.maxBytes));
    return entry;
  }

  /** Marks the entry as being read by one more reply; call the returned function when that reply is done. */
  borrow(entry: Entry): () => void {
    entry.readers += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      entry.readers -= 1;
      if (entry.evicted && entry.readers === 0) entry.lease.release();
    };
  }

  private drop(predicate: (entry: Entry, index: number) => boolean): void {
    const kept: Entry[] = [];
    this.entries.forEach((entry, i) => {
      if (predicate(entry, i)) {
        entry.evicted = true;
        if (entry.readers === 0) entry.lease.release();
      } else {
        kept.push(entry);
      }
    });
    this.entries = kept;
  }
}

/** Per database (tests run several hubs in one process). */
const caches = new WeakMap<HubDatabase, AnswerCache>();

export function answerCache(db: HubDatabase): AnswerCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AnswerCache();
    caches.set(db, cache);
  }
  return cache;
}
