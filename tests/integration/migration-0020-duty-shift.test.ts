/**
 * Migration 0020 (duty roster, handovers, alert acknowledgements) on a real SQLite file brought to version 15 — the
 * version before it on this branch — with a unit, users and a case already stored. Kept in its own file so the
 * migrations of parallel branches (0016–0022) merge without touching each other's tests.
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
  migrate(db, MIGRATIONS, 15);
  db.prepare(
    `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
  ).run();
  const user = db.prepare(
    `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at)
     VALUES (?, ?, ?, 'county_duty_officer', '431099', 'x', 0)`,
  );
  user.run('u1', 'duty1', '值班一');
  user.run('u2', 'duty2', '值班二');
});
describe('0020 duty-shift', () => {
  it('adds the roster, handovers and acknowledgements, leaving what was stored', () => {
    const usersBefore = db.prepare('SELECT id FROM users ORDER BY id').all();
    migrate(db, MIGRATIONS, 20);
    expect(currentVersion(db)).toBe(20);
    expect(db.prepare('SELECT id FROM users ORDER BY id').all()).toEqual(usersBefore);
    for (const table of ['duty_shifts', 'shift_handovers', 'handover_cases', 'alert_acks']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'supervisions_automatic_at'`).get(),
    ).toEqual({ name: 'supervisions_automatic_at' });
  });

  it('holds a shift that ends after it starts, and a handover written once and acknowledged once by another', () => {
    migrate(db, MIGRATIONS, 20);
    const shift = db.prepare(
      `INSERT INTO duty_shifts (id, room_code, user_id, starts_at, ends_at, created_by, created_at)
       VALUES (?, '431099', 'u1', ?, ?, 'u2', 0)`,
    );
    expect(() => shift.run('s0', 100, 100)).toThrow(/CHECK/);
    shift.run('s1', 100, 200);

    db.prepare(
      `INSERT INTO shift_handovers (id, room_code, written_by, written_at, shift_id, note) VALUES ('h1', '431099', 'u1', 150, 's1', '平稳')`,
    ).run();
    db.prepare(
      `INSERT INTO handover_cases (handover_id, position, case_no, status, grade, category_code, due_at, overdue, serious)
       VALUES ('h1', 0, 'C1', 'dispatched', 'serious', '0201', 120, 1, 1)`,
    ).run();
    // The writer cannot acknowledge their own handover, even bypassing the hub.
    expect(() => db.prepare(`UPDATE shift_handovers SET acknowledged_by = 'u1', acknowledged_at = 160`).run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare(`UPDATE shift_handovers SET note = 'changed'`).run()).toThrow(/written once/);
    db.prepare(`UPDATE shift_handovers SET acknowledged_by = 'u2', acknowledged_at = 160`).run();
    expect(() => db.prepare(`UPDATE shift_handovers SET acknowledged_by = 'u2', acknowledged_at = 170`).run()).toThrow(
      /acknowledged once/,
    );
    expect(() => db.prepare(`DELETE FROM shift_handovers`).run()).toThrow(/kept/);
    expect(() => db.prepare(`UPDATE handover_cases SET status = 'closed'`).run()).toThrow(/snapshot/);
    expect(() => db.prepare(`DELETE FROM handover_cases`).run()).toThrow(/snapshot/);

    db.prepare(`INSERT INTO alert_acks (user_id, alert_id, acknowledged_at) VALUES ('u1', 'sup:1', 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO alert_acks (user_id, alert_id, acknowledged_at) VALUES ('u1', 'sup:1', 2)`).run(),
    ).toThrow(/UNIQUE|PRIMARY/);
  });
});
