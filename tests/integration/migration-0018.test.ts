/** Migration 0018 (verifying desk) on a real SQLite file brought to the version just before it, with a case in it. */
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
describe('0018 verifying-desk', () => {
  it('adds the duplicate index and an append-only call-back log beside existing cases', () => {
    const before = Math.max(...MIGRATIONS.filter((m) => m.version < 18).map((m) => m.version));
    migrate(db, MIGRATIONS, before);
    db.prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    ).run();
    db.prepare(
      `INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                          handling_level, lon, lat, description, reported_at, snapshot)
       VALUES (1, 'C1', 1, 'checking', 'routine', 'hotline', '0201', '431099', '431099', 'county', 112.2, 25.9, 'x', 10, '{}')`,
    ).run();
    migrate(db, MIGRATIONS, 18);
    expect(currentVersion(db)).toBe(18);

    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT case_no FROM cases WHERE category_code = '0201' AND reported_at BETWEEN 0 AND 100
           AND closed_at IS NULL AND lon BETWEEN 112 AND 113 AND lat BETWEEN 25 AND 26`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX cases_open_category_(reported|lon)/);

    const insert = db.prepare(
      `INSERT INTO case_callbacks (case_id, case_reported_at, grid_code, at, user_id, outcome, reopened, note)
       VALUES (1, 10, '431099', ?, 'u', ?, ?, NULL)`,
    );
    insert.run(20, 'not_reached', 0);
    insert.run(30, 'unsatisfied', 1);
    expect(() => insert.run(40, 'maybe', 0)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE case_callbacks SET outcome = 'satisfied'`).run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO case_callbacks (case_id, case_reported_at, grid_code, at, user_id, outcome) VALUES (99, 0, 'x', 0, 'u', 'satisfied')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare(`SELECT count(*) AS n FROM case_callbacks`).get()).toEqual({ n: 2 });
  });
});
