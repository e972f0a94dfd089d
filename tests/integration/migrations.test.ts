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

describe('0004 cases', () => {
  it('adds cases in existing grids, an append-only history, a change feed and idempotency records', () => {
    migrate(db, MIGRATIONS, 3);
    insertCounty();
    migrate(db, MIGRATIONS, 4);
    expect(currentVersion(db)).toBe(4);
    const insertCase = db.prepare(`
      INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                         handling_level, lon, lat, description, reported_at, snapshot)
      VALUES (?, ?, 1, 'reported', ?, 'public', '0201', ?, '431099', 'county', 112.2, 25.9, '垃圾', 0, '{}')`);
    insertCase.run(1, 'C1', 'routine', '431099');
    expect(() => insertCase.run(2, 'C2', 'urgent', '431099')).toThrow(/CHECK/);
    expect(() => insertCase.run(3, 'C3', 'routine', '431000')).toThrow(/FOREIGN KEY/);
    expect(() => insertCase.run(4, 'C1', 'routine', '431099')).toThrow(/UNIQUE/);

    db.prepare(
      `INSERT INTO case_history (case_id, version, at, actor_user_id, actor_role, actor_unit_code, move, to_status) VALUES (1, 1, 0, 'u', 'grid_worker', '431099', 'report', 'reported')`,
    ).run();
    expect(() => db.prepare(`UPDATE case_history SET note = 'edited'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM case_history`).run()).toThrow(/append-only/);

    const change = db.prepare(`INSERT INTO case_changes (case_id, grid_code, at) VALUES (1, '431099', 0)`);
    const seqs = [change.run().lastInsertRowid, change.run().lastInsertRowid].map(Number);
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);

    const key = db.prepare(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at) VALUES ('u', 'k', 'h', 201, '{}', 0)`,
    );
    key.run();
    expect(() => key.run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
