import type { Migration } from './index.js';

/**
 * Accounts (issue 13): a user signed in with a one-time password must change it before anything else
 * (`must_change_password`); a session remembers the client address it was opened from, for the administrator's
 * session list.
 *
 * `admin_audit` is the administrators' record — accounts created, changed, disabled, unlocked, passwords reset and
 * changed, logins and failed logins, sessions ended, imports. Append-only and hash-chained exactly like the view
 * audit (hub/db/hash-chain-store.ts): triggers refuse UPDATE and DELETE, the head is kept in `meta`, and
 * `npm run audit:verify` walks both chains. Actors and targets are named by value, so the record outlives them.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'accounts-admin-audit',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sessions ADD COLUMN client_address TEXT;

      CREATE TABLE admin_audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT,
        ip TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX admin_audit_at ON admin_audit (at);
      CREATE INDEX admin_audit_actor ON admin_audit (actor_username, id);
      CREATE INDEX admin_audit_action ON admin_audit (action, id);
      CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit
        BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
      CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit
        BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
    `);
  },
};
