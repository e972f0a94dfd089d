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
    `);
  },
};
