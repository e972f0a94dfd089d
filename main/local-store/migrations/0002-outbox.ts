/**
 * The outbox: moves and reports made while the hub was unreachable, in the order they were made (id), each with
 * the idempotency key its user action got, so that a replay after a lost answer is applied once by the hub.
 * Kept apart from the cache (no foreign key to cache_users): dropping a user's cache must never drop their writes.
 * A refused row stays until the user dismisses it.
 */
import type { ConsoleMigration } from './index.js';

export const consoleMigration0002: ConsoleMigration = {
  version: 2,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('move', 'report')),
        case_id TEXT,
        case_no TEXT,
        idempotency_key TEXT NOT NULL,
        -- The MoveRequest (expectedVersion + move) or EventReport, exactly as the user made it.
        request TEXT NOT NULL,
        -- The case as the console showed it meanwhile (moves only).
        optimistic TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
        queued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        current_case TEXT,
        refused_at INTEGER,
        UNIQUE (user_id, idempotency_key),
        CHECK (kind = 'report' OR case_id IS NOT NULL),
        CHECK (state = 'pending' OR (error IS NOT NULL AND refused_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX outbox_by_user ON outbox (user_id, state, id);
    `);
  },
};
