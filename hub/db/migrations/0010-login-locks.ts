import type { Migration } from './index.js';

/**
 * Failed logins of known accounts and the accounts locked for them. A lock comes only after many failures across
 * client addresses (password spraying from many machines) and lasts until an administrator lifts it, so it must
 * survive a restart: a lock kept in memory would be lifted by restarting the hub. The per-address throttles stay in
 * memory (they last a minute).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'login-locks',
  up(db) {
    db.exec(`
      CREATE TABLE login_failures (
        user_id TEXT NOT NULL REFERENCES users (id),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX login_failures_user_at ON login_failures (user_id, at);

      CREATE TABLE user_locks (
        user_id TEXT PRIMARY KEY REFERENCES users (id),
        locked_at INTEGER NOT NULL,
        failures INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER sessions_revoke_on_user_change
      AFTER UPDATE OF org_unit_code, role, disabled, password_hash ON users
      WHEN OLD.org_unit_code IS NOT NEW.org_unit_code OR OLD.role IS NOT NEW.role
        OR OLD.disabled IS NOT NEW.disabled OR OLD.password_hash IS NOT NEW.password_hash
      BEGIN
        UPDATE sessions SET revoked_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
        WHERE user_id = NEW.id AND revoked_at IS NULL;
      END;
    `);
  },
};
