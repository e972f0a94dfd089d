/** Migration 0023 on a real SQLite file brought to the version just before it (as in migrations.test.ts). */
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

const insertCounty = () =>
  db
    .prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    )
    .run();

describe('0023 wall-layout-2-8', () => {
  it('accepts the 2+8 layout and keeps every layout saved before as it was', () => {
    migrate(db, MIGRATIONS, 15);
    insertCounty();
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES ('u1', 'wall', 'n', 'wall_operator', '431099', 'h', 0)`,
    ).run();
    const layout = db.prepare(`
      INSERT INTO wall_layouts (id, unit_code, name, kind, spec, created_by, created_at, updated_by, updated_at)
      VALUES (?, '431099', ?, ?, ?, 'u1', 5, 'u1', 6)`);
    layout.run('l1', '早班', '16', '{"cells":["c1"]}');
    expect(() => layout.run('l2', '夜班', '2+8', '{}')).toThrow(/CHECK/); // not known before 0023
    migrate(db, MIGRATIONS, 23);
    expect(currentVersion(db)).toBe(23);
    expect(db.prepare(`SELECT id, name, kind, spec, created_at, updated_at FROM wall_layouts`).all()).toEqual([
      { id: 'l1', name: '早班', kind: '16', spec: '{"cells":["c1"]}', created_at: 5, updated_at: 6 },
    ]);
    layout.run('l2', '夜班', '2+8', '{}');
    expect(() => layout.run('l3', '午班', '12', '{}')).toThrow(/CHECK/);
    expect(() => layout.run('l4', '早班', '4', '{}')).toThrow(/UNIQUE/); // one name per room, still
    expect(() => layout.run('l5', '晚班', '4', 'not json')).toThrow(/CHECK/);
  });
});
