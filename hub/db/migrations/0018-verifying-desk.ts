import type { Migration } from './index.js';

/**
 * The verifying desk (issue 15 §3): duplicate suggestions and call-backs (回访).
 *
 * - `cases_open_category_reported`: the duplicate search — open cases of one minor category reported within a
 *   window of time — reads a handful of index entries (category + report time), then a lon/lat box and the exact
 *   distance cut the rest (hub/cases/duplicates-store.ts). Partial on open cases, like the board's indexes.
 * - `case_callbacks`: every call-back attempt, append-only, beside the case's snapshot (which the state machine
 *   judges closing by). The KPIs count call-back and satisfaction rates from it without parsing snapshots; the
 *   report time and grid are copied so a period × scope cut is one index range.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'verifying-desk',
  up(db) {
    db.exec(`
      CREATE INDEX cases_open_category_reported ON cases (category_code, reported_at) WHERE closed_at IS NULL;

      CREATE TABLE case_callbacks (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        case_reported_at INTEGER NOT NULL,
        grid_code TEXT NOT NULL,
        at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('satisfied', 'unsatisfied', 'not_reached')),
        reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
        note TEXT
      ) STRICT;
      CREATE INDEX case_callbacks_reported ON case_callbacks (case_reported_at, grid_code);
      CREATE INDEX case_callbacks_case ON case_callbacks (case_id, id);
      CREATE TRIGGER case_callbacks_no_update BEFORE UPDATE ON case_callbacks
        BEGIN SELECT RAISE(ABORT, 'call-backs are append-only'); END;
    `);
  },
};
