/** One test per migration, each on a real SQLite file brought to the version just before it. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentVersion, migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'grid-migrate-'));
  db = new Database(join(dir, 'hub.sqlite'));
  db.pragma('foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const columns = (table: string) => (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
const insertCounty = () =>
  db
    .prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    )
    .run();

describe('migration runner', () => {
  it('brings a new database to the latest version and is a no-op the second time', () => {
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(migrate(db)).toBe(latest);
    expect(migrate(db)).toBe(latest);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database newer than the hub', () => {
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this hub/);
  });

  it('rolls a failing migration back whole, version included', () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM missing_table;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'`).get()).toEqual({ n: 0 });
  });
});

describe('0001 org-units', () => {
  it('creates the org tree with a parent foreign key and level/kind checks', () => {
    migrate(db, MIGRATIONS, 1);
    expect(currentVersion(db)).toBe(1);
    expect(columns('org_units')).toEqual(
      expect.arrayContaining(['code', 'name', 'level', 'kind', 'parent_code', 'population', 'households', 'boundary']),
    );
    insertCounty();
    expect(() =>
      db
        .prepare(
          `INSERT INTO org_units (code, name, level, kind, parent_code, center_lon, center_lat) VALUES ('431099009', 't', 'township', 'township', '999999', 0, 0)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431098', 't', 'province', 'county', 0, 0)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('0002 users-sessions', () => {
  it('adds users bound to an org unit with unique usernames, and sessions keyed by token hash', () => {
    migrate(db, MIGRATIONS, 1);
    insertCounty();
    migrate(db, MIGRATIONS, 2);
    expect(currentVersion(db)).toBe(2);
    const insertUser = db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES (?, ?, 'n', ?, ?, 'h', 0)`,
    );
    insertUser.run('u1', 'duty', 'county_duty_officer', '431099');
    expect(() => insertUser.run('u2', 'duty', 'admin', '431099')).toThrow(/UNIQUE/);
    expect(() => insertUser.run('u3', 'other', 'mayor', '431099')).toThrow(/CHECK/);
    expect(() => insertUser.run('u4', 'ghost', 'admin', '431000')).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ('s1', 'abc', 'u1', 0, 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ('s2', 'abc', 'u1', 0, 1)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('0003 cameras', () => {
  it('adds cameras with a 20-digit unique code in an existing unit, streams kept server-side', () => {
    migrate(db, MIGRATIONS, 2);
    insertCounty();
    migrate(db, MIGRATIONS, 3);
    expect(currentVersion(db)).toBe(3);
    expect(columns('cameras')).toEqual(
      expect.arrayContaining(['code', 'org_unit_code', 'sensitive', 'online', 'main_stream', 'sub_stream']),
    );
    const insert = db.prepare(
      `INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream) VALUES (?, ?, 'c', 'fixed', ?, 0, 0, 'm', 's')`,
    );
    insert.run('c1', '43109901001320000001', '431099');
    expect(() => insert.run('c2', '43109901001320000001', '431099')).toThrow(/UNIQUE/);
    expect(() => insert.run('c3', '4310990100132', '431099')).toThrow(/CHECK/);
    expect(() => insert.run('c4', '43109901001320000004', '431000')).toThrow(/FOREIGN KEY/);
  });
});
