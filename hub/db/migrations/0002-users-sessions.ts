import type { Migration } from './index.js';

/**
 * Users hold one role at one org unit. Sessions store only a SHA-256 of the token, so a copied database file
 * yields no usable tokens. `is_demo_password` lets the hub refuse to run outside demo mode with published passwords.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'users-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('county_duty_officer', 'township_director', 'wall_operator', 'grid_worker', 'admin')),
        org_unit_code TEXT NOT NULL REFERENCES org_units (code),
        password_hash TEXT NOT NULL,
        is_demo_password INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id);
    `);
  },
};
