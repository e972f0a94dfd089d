/** Migration 0029 on a real SQLite file brought to the version just before it (as in migrations.test.ts). */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentVersion, migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';
import { freshMigrationDb } from '../support/migration-db.js';

let db: Database.Database;
const currentDb = freshMigrationDb();
beforeEach(() => {
  db = currentDb();
});

describe('0029 recording policy by', () => {
  it('keeps the rows set before it (no author: set by SQL or at start) and records who sets one from now on', () => {
    migrate(db, MIGRATIONS, 28);
    db.prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    ).run();
    db.prepare(`INSERT INTO recording_policies (unit_code, mode, updated_at) VALUES ('431099', 'continuous', 1)`).run();
    migrate(db, MIGRATIONS, 29);
    expect(currentVersion(db)).toBe(29);
    expect(db.prepare(`SELECT unit_code, mode, updated_by FROM recording_policies`).all()).toEqual([
      { unit_code: '431099', mode: 'continuous', updated_by: null },
    ]);
    db.prepare(`UPDATE recording_policies SET updated_by = 'admin' WHERE unit_code = '431099'`).run();
    expect(db.prepare(`SELECT updated_by FROM recording_policies`).get()).toEqual({ updated_by: 'admin' });
    expect(() => db.prepare(`UPDATE recording_policies SET updated_by = ''`).run()).toThrow(/CHECK/);
  });
});
