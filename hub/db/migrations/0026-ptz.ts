import type { Migration } from './index.js';

/**
 * PTZ (issue 16 §3).
 *
 * - `camera_grants.may_steer`: a loan says whether the borrowing room may also turn the camera. Loans made before
 *   this migration lent viewing only, so the default is 0.
 * - `cameras.onvif_*`: where a real PTZ camera's ONVIF device service answers and the account to use. The password
 *   is a device secret like the credentials inside `main_stream`: it stays in this table, is never returned to a
 *   console and never logged (hub/ptz/onvif-ptz-driver.ts reads it for the one call it makes).
 * - `ptz_audit`: every accepted PTZ command, append-only like `view_audit` (triggers refuse UPDATE and DELETE) and
 *   naming users and cameras by value so the record outlives renamed accounts. A refused command writes nothing.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'ptz',
  up(db) {
    db.exec(`
      ALTER TABLE camera_grants ADD COLUMN may_steer INTEGER NOT NULL DEFAULT 0 CHECK (may_steer IN (0, 1));
      ALTER TABLE cameras ADD COLUMN onvif_url TEXT;
      ALTER TABLE cameras ADD COLUMN onvif_username TEXT;
      ALTER TABLE cameras ADD COLUMN onvif_password TEXT;

      CREATE TABLE ptz_audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        user_display_name TEXT NOT NULL,
        user_unit_code TEXT NOT NULL,
        camera_id TEXT NOT NULL,
        camera_code TEXT NOT NULL,
        camera_name TEXT NOT NULL,
        camera_unit_code TEXT NOT NULL,
        command TEXT NOT NULL CHECK (command IN ('move', 'stop', 'goto_preset', 'set_preset', 'release')),
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX ptz_audit_camera ON ptz_audit (camera_id, at);
      CREATE INDEX ptz_audit_at ON ptz_audit (at);
      CREATE TRIGGER ptz_audit_no_update BEFORE UPDATE ON ptz_audit
        BEGIN SELECT RAISE(ABORT, 'ptz_audit is append-only'); END;
      CREATE TRIGGER ptz_audit_no_delete BEFORE DELETE ON ptz_audit
        BEGIN SELECT RAISE(ABORT, 'ptz_audit is append-only'); END;
    `);
  },
};
