/**
 * Migration 0019 on a real SQLite file holding users, sessions, grants and wall layouts that point at users: the
 * users table is rebuilt for the new roles without losing a row or a reference, its triggers still work, and the
 * department ratings it adds are one per leg and append-only.
 */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshMigrationDb } from '../support/migration-db.js';
import { currentVersion, migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';

// A fresh SQLite file per test (tests/support/migration-db.ts), under the name the cases below use.
const currentDb = freshMigrationDb();
let db: Database.Database;
beforeEach(() => {
  db = currentDb();
});
const authVersion = () => (db.prepare('SELECT n FROM auth_version').get() as { n: number }).n;

function seedBefore(): void {
  migrate(db, MIGRATIONS, 18);
  db.exec(`
    INSERT INTO org_units (code, name, level, kind, center_lon, center_lat)
      VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9),
             ('431099001', '城关镇', 'township', 'township', 112.2, 25.9),
             ('431099001001', '东村', 'village', 'village', 112.2, 25.9);
    INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at, must_change_password)
      VALUES ('u1', 'county.duty', '值班员', 'county_duty_officer', '431099', 'h1', 1, 0),
             ('u2', 'town01.director', '主任', 'township_director', '431099001', 'h2', 2, 1);
    INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ('s1', 't1', 'u2', 0, 9999999999999);
  `);
}

describe('0019 village-department-roles', () => {
  it('rebuilds users for the new roles keeping every row, reference and trigger', () => {
    seedBefore();
    migrate(db, MIGRATIONS, 19);
    expect(currentVersion(db)).toBe(19);
    expect(db.prepare('SELECT id, role, must_change_password, department_code FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', role: 'county_duty_officer', must_change_password: 0, department_code: null },
      { id: 'u2', role: 'township_director', must_change_password: 1, department_code: null },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const insert = db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, department_code, password_hash, created_at)
       VALUES (?, ?, 'n', ?, ?, ?, 'h', 0)`,
    );
    const before = authVersion();
    insert.run('u3', 'village.director', 'village_director', '431099001001', null);
    insert.run('u4', 'dept.zhujian', 'department_officer', '431099', 'dept:zhujian');
    expect(authVersion()).toBeGreaterThan(before);
    // A department officer names its department; nobody else does; roles are still checked.
    expect(() => insert.run('u5', 'dept.none', 'department_officer', '431099', null)).toThrow(/CHECK/);
    expect(() => insert.run('u6', 'duty.dept', 'county_duty_officer', '431099', 'dept:zhujian')).toThrow(/CHECK/);
    expect(() => insert.run('u7', 'mayor', 'mayor', '431099', null)).toThrow(/CHECK/);
    expect(() => insert.run('u8', 'ghost', 'admin', '431000', null)).toThrow(/FOREIGN KEY/);
    // Sessions still point at users, and a changed role still ends them.
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ('s9', 'x', 'nobody', 0, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(`UPDATE users SET role = 'wall_operator' WHERE id = 'u2'`).run();
    expect(db.prepare(`SELECT revoked_at FROM sessions WHERE id = 's1'`).get()).not.toEqual({ revoked_at: null });
  });

  it('keeps department ratings one per leg, scored 1–5, and append-only', () => {
    seedBefore();
    migrate(db, MIGRATIONS, 19);
    const rate = db.prepare(
      `INSERT INTO department_ratings (leg_id, case_id, grid_code, department_code, score, note, by_user_id,
         by_unit_code, at) VALUES (?, 'C1', '431099001001001', 'dept:zhujian', ?, NULL, 'u1', '431099001001', 5)`,
    );
    rate.run('C1-2', 4);
    expect(() => rate.run('C1-2', 5)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => rate.run('C1-3', 6)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE department_ratings SET score = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM department_ratings`).run()).toThrow(/append-only/);
  });
});
