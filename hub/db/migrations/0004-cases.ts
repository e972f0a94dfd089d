import type { Migration } from './index.js';

/**
 * Cases (events once reported), their append-only history, the change feed consoles catch up from, idempotency
 * records, and supervision (督办) records against units.
 *
 * The case's full state (legs, pauses, reporters …) is one JSON snapshot — the state machine in common/ works on
 * exactly that — and the columns beside it are copies of what queries, scope cuts, the heatmap and KPIs filter on.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        external_id TEXT UNIQUE,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('routine', 'general', 'serious')),
        source TEXT NOT NULL CHECK (source IN ('grid_worker', 'public', 'video_patrol', 'hotline', 'department')),
        category_code TEXT NOT NULL,
        grid_code TEXT NOT NULL REFERENCES org_units (code),
        owner_unit_code TEXT NOT NULL,
        handling_level TEXT NOT NULL,
        lon REAL NOT NULL,
        lat REAL NOT NULL,
        description TEXT NOT NULL,
        photos TEXT NOT NULL DEFAULT '[]',
        lead_unit_code TEXT,
        reported_at INTEGER NOT NULL,
        filed_at INTEGER,
        -- The lead's effective deadline (pauses and extensions applied) as of the last change; exact once closed.
        due_at INTEGER,
        closed_at INTEGER,
        closed_level TEXT,
        closed_on_time INTEGER,
        supervision_count INTEGER NOT NULL DEFAULT 0,
        rework_count INTEGER NOT NULL DEFAULT 0,
        rating INTEGER,
        snapshot TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_grid_reported ON cases (grid_code, reported_at);
      CREATE INDEX cases_reported ON cases (reported_at);
      -- Each index serves one query (chosen with EXPLAIN QUERY PLAN): the supervision timer's overdue scan, the
      -- board's open cases and today's closed ones, and intake's duplicate search (open, same category, a ~200 m
      -- band of longitude: a handful of rows however many reports the day brings).
      CREATE INDEX cases_open_due ON cases (due_at) WHERE closed_at IS NULL AND due_at IS NOT NULL;
      CREATE INDEX cases_open_grid ON cases (grid_code) WHERE closed_at IS NULL;
      CREATE INDEX cases_closed_at ON cases (closed_at) WHERE closed_at IS NOT NULL;
      CREATE INDEX cases_open_category_lon ON cases (category_code, lon) WHERE closed_at IS NULL;
      -- Covers the KPI query: a period's facts come from the index alone, never from the wide rows.
      CREATE INDEX cases_kpi_facts ON cases (reported_at, grid_code, status, grade, source, category_code,
        handling_level, lead_unit_code, owner_unit_code, filed_at, closed_at, due_at, rework_count, supervision_count,
        rating, case_no);

      CREATE TABLE case_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        version INTEGER NOT NULL,
        at INTEGER NOT NULL,
        actor_user_id TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        actor_unit_code TEXT NOT NULL,
        move TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        leg_id TEXT,
        unit_code TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX case_history_case ON case_history (case_id, id);
      CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
        BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
      CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
        BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;

      -- Every change to a case, in order: consoles catch up with "changes since seq N" after a reconnect.
      CREATE TABLE case_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        grid_code TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX case_changes_case ON case_changes (case_id);

      CREATE TABLE supervisions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        unit_code TEXT NOT NULL,
        at INTEGER NOT NULL,
        automatic INTEGER NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX supervisions_unit ON supervisions (unit_code, at);

      -- A retried request with the same key gets the first answer back, never a second effect.
      CREATE TABLE idempotency_keys (
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, key)
      ) STRICT;
    `);
  },
};
