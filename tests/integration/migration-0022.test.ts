/** Migration 0022 (supervision notice numbers) on a real SQLite file brought to the version before it. */
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
describe('0022 supervision-notices', () => {
  it('binds one number per supervision, unique per county and year, following its supervision out', () => {
    migrate(db, MIGRATIONS, 21);
    db.prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 0, 0)`,
    ).run();
    let parent = '431099';
    for (const [code, level] of [
      ['431099001', 'township'],
      ['431099001001', 'village'],
      ['431099001001001', 'grid'],
    ] as const) {
      db.prepare(
        `INSERT INTO org_units (code, name, level, kind, parent_code, center_lon, center_lat) VALUES (?, 'u', ?, ?, ?, 0, 0)`,
      ).run(code, level, level, parent);
      parent = code;
    }
    db.prepare(
      `
      INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                         handling_level, lon, lat, description, reported_at, snapshot)
      VALUES (1, 'C1', 1, 'dispatched', 'general', 'hotline', '0201', '431099001001001', '431099', 'county', 0, 0, 'x', 0, '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO supervisions (id, case_id, unit_code, at, automatic) VALUES (7, 1, '431099001', 5, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO supervisions (id, case_id, unit_code, at, automatic) VALUES (8, 1, '431099001', 6, 0)`,
    ).run();

    migrate(db, MIGRATIONS, 22);
    expect(currentVersion(db)).toBe(22);
    const notice = db.prepare(
      `INSERT INTO supervision_notices (supervision_id, county_code, year, seq, issued_at, issued_by) VALUES (?, '431099', 2026, ?, 9, 'u1')`,
    );
    notice.run(7, 1);
    // A second number for the same supervision, or the same number twice in a county's year, is refused.
    expect(() => notice.run(7, 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => notice.run(8, 1)).toThrow(/UNIQUE/);
    expect(() => notice.run(99, 3)).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO supervision_notice_counters (county_code, year, last_seq) VALUES ('431099', 2026, 1)`,
    ).run();
    // A rolled-back import deletes the supervision: its notice goes with it, the counter stays (no number reused).
    db.prepare(`DELETE FROM supervisions WHERE id = 7`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM supervision_notices`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT last_seq FROM supervision_notice_counters`).get()).toEqual({ last_seq: 1 });
  });
});
