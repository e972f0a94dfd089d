import type { Migration } from './index.js';

/**
 * The village/community director and department officer roles, and the villages' ratings of departments (逆向考核).
 *
 * `users.role` carries a CHECK naming the roles, and SQLite cannot alter a CHECK: the table is rebuilt. Other tables
 * reference users, so the rebuild runs with foreign keys deferred (the rows come back under the same ids before the
 * migration's transaction commits, so no reference is ever left dangling) and the users triggers of 0008 and 0010
 * are created again. A department officer's org unit is the county and `department_code` names its department;
 * nobody else has one.
 *
 * `department_ratings`: one row per rated leg (the leg id is unique across cases), written once and never changed —
 * triggers refuse UPDATE and DELETE, as for the audits. `grid_code` is the case's grid, so the KPI roll-up cuts a
 * scope by code range on an index like every other case list.
 */
const ROLE_LIST = `'county_duty_officer', 'township_director', 'village_director', 'department_officer',
  'wall_operator', 'grid_worker', 'admin'`;
const USER_COLUMNS =
  'id, username, display_name, role, org_unit_code, password_hash, is_demo_password, disabled, created_at, must_change_password';
const bump = 'BEGIN UPDATE auth_version SET n = n + 1; END';

export const migration0019: Migration = {
  version: 19,
  name: 'village-department-roles',
  up(db) {
    // Reset by SQLite when the migration's transaction commits.
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE users_before_0019 AS SELECT ${USER_COLUMNS} FROM users;
      DROP TABLE users;
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN (${ROLE_LIST})),
        org_unit_code TEXT NOT NULL REFERENCES org_units (code),
        department_code TEXT CHECK (department_code GLOB 'dept:[a-z]*'),
        password_hash TEXT NOT NULL,
        is_demo_password INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        CHECK ((role = 'department_officer') = (department_code IS NOT NULL))
      ) STRICT;
      INSERT INTO users (${USER_COLUMNS}) SELECT ${USER_COLUMNS} FROM users_before_0019;
      DROP TABLE users_before_0019;

      CREATE TRIGGER auth_version_users_insert AFTER INSERT ON users ${bump};
      CREATE TRIGGER auth_version_users_update AFTER UPDATE ON users ${bump};
      CREATE TRIGGER auth_version_users_delete AFTER DELETE ON users ${bump};
      CREATE TRIGGER sessions_revoke_on_user_change
      AFTER UPDATE OF org_unit_code, role, department_code, disabled, password_hash ON users
      WHEN OLD.org_unit_code IS NOT NEW.org_unit_code OR OLD.role IS NOT NEW.role
        OR OLD.department_code IS NOT NEW.department_code
        OR OLD.disabled IS NOT NEW.disabled OR OLD.password_hash IS NOT NEW.password_hash
      BEGIN
        UPDATE sessions SET revoked_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
        WHERE user_id = NEW.id AND revoked_at IS NULL;
      END;

      CREATE TABLE department_ratings (
        leg_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        grid_code TEXT NOT NULL,
        department_code TEXT NOT NULL CHECK (department_code GLOB 'dept:[a-z]*'),
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        note TEXT,
        by_user_id TEXT NOT NULL REFERENCES users (id),
        by_unit_code TEXT NOT NULL REFERENCES org_units (code),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX department_ratings_case ON department_ratings (case_id);
      CREATE INDEX department_ratings_grid_at ON department_ratings (grid_code, at);
      CREATE TRIGGER department_ratings_no_update BEFORE UPDATE ON department_ratings
        BEGIN SELECT RAISE(ABORT, 'department_ratings is append-only'); END;
      CREATE TRIGGER department_ratings_no_delete BEFORE DELETE ON department_ratings
        BEGIN SELECT RAISE(ABORT, 'department_ratings is append-only'); END;
    `);
  },
};
