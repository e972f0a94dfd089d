import type { Migration } from './index.js';

/**
 * Video access: case-bound camera grants, the view audit and the viewing sessions still open.
 *
 * `view_audit` is append-only and hash-chained: each row stores sha256(prev_hash || canonical row), and triggers
 * refuse UPDATE and DELETE, so an edit needs raw file access and still breaks the chain (`npm run audit:verify`).
 * It names users and cameras by value (no foreign keys) so the record outlives renamed or deleted accounts.
 * `view_sessions_open` is the mutable scratch pad of views in progress; a view enters the audit when it ends.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'video-access',
  up(db) {
    db.exec(`
      CREATE TABLE camera_grants (
        id TEXT PRIMARY KEY,
        camera_id TEXT NOT NULL REFERENCES cameras (id),
        grantee_unit_code TEXT NOT NULL REFERENCES org_units (code),
        case_id TEXT,
        granted_by TEXT NOT NULL REFERENCES users (id),
        granted_at INTEGER NOT NULL,
        until INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT CHECK (end_reason IN ('revoked', 'case_closed')),
        ended_by TEXT REFERENCES users (id),
        CHECK (until > granted_at),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      ) STRICT;
      CREATE INDEX camera_grants_live ON camera_grants (grantee_unit_code, camera_id) WHERE ended_at IS NULL;
      CREATE INDEX camera_grants_camera ON camera_grants (camera_id);
      CREATE INDEX camera_grants_case ON camera_grants (case_id) WHERE case_id IS NOT NULL;

      CREATE TABLE view_audit (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('token_issued', 'view', 'grant_created', 'grant_ended')),
        at INTEGER NOT NULL,
        user_id TEXT,
        username TEXT,
        user_display_name TEXT,
        user_unit_code TEXT,
        camera_id TEXT NOT NULL,
        camera_code TEXT NOT NULL,
        camera_name TEXT NOT NULL,
        camera_unit_code TEXT NOT NULL,
        quality TEXT CHECK (quality IN ('main', 'sub')),
        reason TEXT,
        case_id TEXT,
        session_id TEXT,
        token_id TEXT,
        ip TEXT,
        from_at INTEGER NOT NULL,
        to_at INTEGER,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX view_audit_from ON view_audit (from_at);
      CREATE INDEX view_audit_camera ON view_audit (camera_id);
      CREATE INDEX view_audit_user ON view_audit (user_id);
      CREATE INDEX view_audit_token ON view_audit (token_id) WHERE token_id IS NOT NULL;
      CREATE TRIGGER view_audit_no_update BEFORE UPDATE ON view_audit
        BEGIN SELECT RAISE(ABORT, 'view_audit is append-only'); END;
      CREATE TRIGGER view_audit_no_delete BEFORE DELETE ON view_audit
        BEGIN SELECT RAISE(ABORT, 'view_audit is append-only'); END;

      CREATE TABLE view_sessions_open (
        key TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        camera_id TEXT NOT NULL,
        quality TEXT NOT NULL,
        token_id TEXT NOT NULL,
        ip TEXT,
        started_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
