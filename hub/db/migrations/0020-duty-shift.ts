import type { Migration } from './index.js';

/**
 * The shift (issue 15 §4) and per-user alert acknowledgements (§3).
 *
 * - `duty_shifts`: a command room's roster (room = the org unit of a county or township centre). Removing a shift
 *   marks it removed (who, when) rather than deleting it, so the roster of a past day stays as it was worked.
 * - `shift_handovers` + `handover_cases`: the outgoing officer's note and the cases it froze (number, state, why),
 *   acknowledged once by someone else of the room. Written once; only the acknowledgement columns change, and only
 *   from empty (a trigger holds the rest still).
 * - `alert_acks`: which alert each user has acknowledged. Alerts themselves are derived from durable records that
 *   exist already (supervisions, camera grants), so nothing is stored twice.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'duty-shift',
  up(db) {
    db.exec(`
      CREATE TABLE duty_shifts (
        id TEXT PRIMARY KEY,
        room_code TEXT NOT NULL REFERENCES org_units (code),
        user_id TEXT NOT NULL REFERENCES users (id),
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        removed_at INTEGER,
        removed_by TEXT REFERENCES users (id),
        CHECK (ends_at > starts_at),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL))
      ) STRICT;
      -- A room's roster over a period, and the overlap check before an insert: live shifts by start.
      CREATE INDEX duty_shifts_room ON duty_shifts (room_code, starts_at) WHERE removed_at IS NULL;

      CREATE TABLE shift_handovers (
        id TEXT PRIMARY KEY,
        room_code TEXT NOT NULL REFERENCES org_units (code),
        written_by TEXT NOT NULL REFERENCES users (id),
        written_at INTEGER NOT NULL,
        shift_id TEXT REFERENCES duty_shifts (id),
        note TEXT NOT NULL,
        truncated INTEGER NOT NULL DEFAULT 0,
        acknowledged_by TEXT REFERENCES users (id),
        acknowledged_at INTEGER,
        CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
        CHECK (acknowledged_by IS NULL OR acknowledged_by <> written_by)
      ) STRICT;
      CREATE INDEX shift_handovers_room ON shift_handovers (room_code, written_at);
      CREATE TRIGGER shift_handovers_written_once BEFORE UPDATE ON shift_handovers
        WHEN OLD.acknowledged_by IS NOT NULL OR NEW.note IS NOT OLD.note OR NEW.written_by IS NOT OLD.written_by
          OR NEW.written_at IS NOT OLD.written_at OR NEW.room_code IS NOT OLD.room_code
        BEGIN SELECT RAISE(ABORT, 'a handover is written once and acknowledged once'); END;
      CREATE TRIGGER shift_handovers_no_delete BEFORE DELETE ON shift_handovers
        BEGIN SELECT RAISE(ABORT, 'handovers are kept'); END;

      CREATE TABLE handover_cases (
        handover_id TEXT NOT NULL REFERENCES shift_handovers (id),
        position INTEGER NOT NULL,
        case_no TEXT NOT NULL,
        status TEXT NOT NULL,
        grade TEXT NOT NULL,
        category_code TEXT NOT NULL,
        due_at INTEGER,
        overdue INTEGER NOT NULL,
        serious INTEGER NOT NULL,
        PRIMARY KEY (handover_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER handover_cases_no_update BEFORE UPDATE ON handover_cases
        BEGIN SELECT RAISE(ABORT, 'a handover''s cases are a snapshot'); END;
      CREATE TRIGGER handover_cases_no_delete BEFORE DELETE ON handover_cases
        BEGIN SELECT RAISE(ABORT, 'a handover''s cases are a snapshot'); END;

      CREATE TABLE alert_acks (
        user_id TEXT NOT NULL REFERENCES users (id),
        alert_id TEXT NOT NULL,
        acknowledged_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, alert_id)
      ) STRICT, WITHOUT ROWID;
      -- The county's overdue alerts: automatic supervisions of the last days, whatever the unit.
      CREATE INDEX supervisions_automatic_at ON supervisions (at) WHERE automatic = 1;
    `);
  },
};
