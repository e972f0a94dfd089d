/** Migration 0028 on a real SQLite file brought to the version just before it (as in migrations.test.ts). */
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

describe('0028 recording', () => {
  it('indexes segments, holds one policy per camera or unit, and refuses rows that make no sense', () => {
    migrate(db, MIGRATIONS, 23);
    db.prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    ).run();
    db.prepare(
      `INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream)
       VALUES ('c1', '43109900001310000001', '村口', 'fixed', '431099', 112.2, 25.9, 'demo:clip/1', 'demo:clip/1?q=sub')`,
    ).run();
    migrate(db, MIGRATIONS, 28);
    expect(currentVersion(db)).toBe(28);
    const segment = db.prepare(
      `INSERT INTO recording_segments (camera_id, start_ms, end_ms, path, bytes) VALUES (?, ?, ?, ?, ?)`,
    );
    segment.run('c1', 1000, 3000, 'c1/r/seg-0.ts', 5000);
    expect(() => segment.run('c1', 3000, 3000, 'c1/r/seg-1.ts', 5000)).toThrow(/CHECK/); // empty segment
    expect(() => segment.run('c1', 3000, 5000, 'c1/r/seg-0.ts', 5000)).toThrow(/UNIQUE/); // one row per file
    expect(() => segment.run('nope', 3000, 5000, 'x/r/seg-0.ts', 5000)).toThrow(/FOREIGN KEY/);
    const policy = db.prepare(
      `INSERT INTO recording_policies (camera_id, unit_code, mode, updated_at) VALUES (?, ?, ?, 0)`,
    );
    policy.run('c1', null, 'continuous');
    policy.run(null, '431099', 'events');
    expect(() => policy.run('c1', '431099', 'events')).toThrow(/CHECK/); // camera or unit, not both
    expect(() => policy.run(null, null, 'events')).toThrow(/CHECK/);
    expect(() => policy.run(null, '431099', 'off')).toThrow(/UNIQUE/);
    expect(() => policy.run('c1', null, 'always')).toThrow(/CHECK/);
    expect(
      db.prepare(`SELECT pre_seconds, post_seconds FROM recording_policies WHERE unit_code = '431099'`).get(),
    ).toEqual({ pre_seconds: 30, post_seconds: 120 });
  });
});
