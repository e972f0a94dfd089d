/**
 * The read cache, per user: every row carries the user it was fetched for, and `cache_users` holds what that
 * user's scope was, so another user on the same console never reads it and a changed scope drops it (cascade).
 * Cached objects are kept as the hub's JSON (validated on the way in by HubClient); only what queries need is
 * pulled out into columns.
 */
import type { ConsoleMigration } from './index.js';

export const consoleMigration0001: ConsoleMigration = {
  version: 1,
  name: 'cache',
  up(db) {
    db.exec(`
      CREATE TABLE cache_users (
        user_id TEXT PRIMARY KEY,
        org_unit_code TEXT NOT NULL,
        role TEXT NOT NULL,
        -- The hub's change sequence this cache reflects: a restarted console catches up from here.
        last_seq INTEGER NOT NULL DEFAULT 0,
        -- Epoch ms up to which the cache is known to match the hub (shown as "offline data as of").
        synced_at INTEGER,
        org_loaded INTEGER NOT NULL DEFAULT 0 CHECK (org_loaded IN (0, 1)),
        cameras_loaded INTEGER NOT NULL DEFAULT 0 CHECK (cameras_loaded IN (0, 1)),
        board_loaded INTEGER NOT NULL DEFAULT 0 CHECK (board_loaded IN (0, 1)),
        board_truncated INTEGER NOT NULL DEFAULT 0 CHECK (board_truncated IN (0, 1))
      ) STRICT;

      CREATE TABLE cached_org_units (
        user_id TEXT NOT NULL REFERENCES cache_users (user_id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        ord INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (user_id, code)
      ) STRICT;

      CREATE TABLE cached_cameras (
        user_id TEXT NOT NULL REFERENCES cache_users (user_id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (user_id, id)
      ) STRICT;

      -- Cases seen on the board, in the change feed or opened in detail. on_board: open, or closed (shown until
      -- local midnight); a void or merged case stays cached for its detail but leaves the board.
      CREATE TABLE cached_cases (
        user_id TEXT NOT NULL REFERENCES cache_users (user_id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        on_board INTEGER NOT NULL CHECK (on_board IN (0, 1)),
        reported_at INTEGER NOT NULL,
        closed_at INTEGER,
        -- The change sequence that brought this version (the board page's lastSeq for board rows).
        seq INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        PRIMARY KEY (user_id, id)
      ) STRICT;
      CREATE INDEX cached_cases_board ON cached_cases (user_id, on_board, reported_at DESC);

      -- A case's history as last read from the hub (the case version it went with, to tell a stale one).
      CREATE TABLE cached_histories (
        user_id TEXT NOT NULL REFERENCES cache_users (user_id) ON DELETE CASCADE,
        case_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (user_id, case_id)
      ) STRICT;
    `);
  },
};
