/** Migration 0017 on a real SQLite file brought to version 15 with a case in it (kept apart from migrations.test.ts
 * so parallel branches each add their own file). */
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
const H = (c: string) => c.repeat(64);

describe('0017 attachments', () => {
  it('adds attachments to existing cases: known kinds and types, one row per case and content, never changed', () => {
    migrate(db, MIGRATIONS, 15);
    db.exec(`
      INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9);
      INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at)
        VALUES ('u1', 'duty', 'n', 'county_duty_officer', '431099', 'h', 0);`);
    const caseColumns = (
      db.pragma('table_info(cases)') as Array<{ name: string; notnull: number; dflt_value: unknown; pk: number }>
    ).filter((c) => c.notnull && c.dflt_value === null && !c.pk);
    // A case row with every required column filled generically (the case schema is 0004's and later ones').
    const values = caseColumns.map((c) =>
      c.name === 'grid_code' || c.name === 'owner_unit_code'
        ? `'431099'`
        : c.name === 'case_no'
          ? `'C1'`
          : c.name === 'grade'
            ? `'routine'`
            : c.name === 'source'
              ? `'hotline'`
              : c.name === 'handling_level'
                ? `'county'`
                : c.name.endsWith('_at') || ['version', 'lon', 'lat'].includes(c.name)
                  ? '1'
                  : `'x'`,
    );
    db.pragma('foreign_keys = OFF'); // grid_code names a grid in production; the county stands in here
    db.exec(`INSERT INTO cases (id, ${caseColumns.map((c) => c.name).join(', ')}) VALUES (1, ${values.join(', ')})`);
    db.pragma('foreign_keys = ON');

    migrate(db, MIGRATIONS, 17);
    expect(currentVersion(db)).toBe(17);
    const add = db.prepare(`
      INSERT INTO case_attachments (id, case_id, kind, file_name, mime, bytes, sha256, source_sha256, thumb_sha256,
        gps_lon, gps_lat, uploaded_by, uploaded_at)
      VALUES (?, ?, ?, ?, ?, 10, ?, ?, NULL, ?, ?, 'u1', 0)`);
    add.run('att-00000001', 1, 'photo', '照片.jpg', 'image/jpeg', H('a'), H('b'), 112.2, 25.9);
    add.run('att-00000002', 1, 'snapshot', 's.jpg', 'image/jpeg', H('a'), H('c'), null, null); // same stored file
    expect(() => add.run('att-3', 1, 'photo', 'x', 'image/jpeg', H('a'), H('b'), null, null)).toThrow(/UNIQUE/);
    expect(() => add.run('att-4', 1, 'audio', 'x', 'image/jpeg', H('a'), H('d'), null, null)).toThrow(/CHECK/);
    expect(() => add.run('att-5', 1, 'photo', 'x', 'image/gif', H('a'), H('e'), null, null)).toThrow(/CHECK/);
    expect(() => add.run('att-6', 1, 'photo', 'x', 'image/jpeg', 'short', H('f'), null, null)).toThrow(/CHECK/);
    expect(() => add.run('att-7', 1, 'photo', 'x', 'image/jpeg', H('a'), H('1'), 200, 25)).toThrow(/CHECK/);
    expect(() => add.run('att-8', 99, 'photo', 'x', 'image/jpeg', H('a'), H('2'), null, null)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE case_attachments SET file_name = 'y'`).run()).toThrow(/never changed/);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM case_attachments WHERE case_id = 1 ORDER BY uploaded_at`)
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/case_attachments_case/);
  });
});
