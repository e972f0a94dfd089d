/** One test per migration, each on a real SQLite file brought to the version just before it. */
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
    // Numbers strictly rise; a gap is allowed while numbers are reserved for work on parallel branches.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it('refuses a database newer than the hub', () => {
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this hub/);
  });

  it('rolls a failing migration back whole, version included', () => {
    const broken = [
      ...MIGRATIONS,
      {
        version: Math.max(...MIGRATIONS.map((m) => m.version)) + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM missing_table;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
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

describe('0005 video-access', () => {
  it('adds camera grants that must end with a reason, and an append-only view audit', () => {
    migrate(db, MIGRATIONS, 4);
    insertCounty();
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES ('u1', 'duty', 'n', 'county_duty_officer', '431099', 'h', 0)`,
    ).run();
    db.prepare(
      `INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream) VALUES ('c1', '43109901001320000001', 'c', 'fixed', '431099', 0, 0, 'm', 's')`,
    ).run();
    migrate(db, MIGRATIONS, 5);
    expect(currentVersion(db)).toBe(5);
    const grant = db.prepare(`
      INSERT INTO camera_grants (id, camera_id, grantee_unit_code, granted_by, granted_at, until, ended_at, end_reason)
      VALUES (?, 'c1', '431099', 'u1', 0, ?, ?, ?)`);
    grant.run('g1', 10, null, null);
    expect(() => grant.run('g2', 0, null, null)).toThrow(/CHECK/); // until must come after granted_at
    expect(() => grant.run('g3', 10, 5, null)).toThrow(/CHECK/); // an ended grant says why
    const audit = db.prepare(`
      INSERT INTO view_audit (kind, at, camera_id, camera_code, camera_name, camera_unit_code, from_at, prev_hash, hash)
      VALUES ('token_issued', 0, 'c1', '43109901001320000001', 'c', '431099', 0, '', ?)`);
    audit.run('h1');
    expect(() => db.prepare(`UPDATE view_audit SET reason = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM view_audit`).run()).toThrow(/append-only/);
  });
});

describe('0006 map-indexes', () => {
  it('indexes existing cases by grid and 365-day bucket and keeps the index current through triggers', () => {
    migrate(db, MIGRATIONS, 5);
    insertCounty();
    const insertCase = db.prepare(`
      INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                         handling_level, lon, lat, description, reported_at, snapshot)
      VALUES (?, ?, 1, 'reported', 'routine', 'public', '0201', '431099', '431099', 'county', 112.2, 25.9, 'x', ?, '{}')`);
    const year = 365 * 86_400_000;
    insertCase.run(1, 'C1', 10);
    insertCase.run(2, 'C2', 20);
    insertCase.run(3, 'C3', year + 5);
    migrate(db, MIGRATIONS, 6);
    expect(currentVersion(db)).toBe(6);
    const chunks = () =>
      db.prepare(`SELECT grid_code, bucket, gen FROM map_chunks ORDER BY bucket`).all() as Array<{ gen: number }>;
    expect(chunks()).toEqual([
      { grid_code: '431099', bucket: 0, gen: 1 },
      { grid_code: '431099', bucket: 1, gen: 1 },
    ]);
    const version = () => (db.prepare('SELECT n FROM map_version').get() as { n: number }).n;
    expect(version()).toBe(0);
    insertCase.run(4, 'C4', 30);
    expect(chunks().map((c) => c.gen)).toEqual([2, 1]);
    expect(version()).toBe(1);
    // A change the map shows bumps the chunk; one it does not show (a note, a deadline) leaves it alone.
    db.prepare(`UPDATE cases SET status = 'filed' WHERE id = 1`).run();
    expect(chunks().map((c) => c.gen)).toEqual([3, 1]);
    db.prepare(`UPDATE cases SET status = 'filed', due_at = 99 WHERE id = 1`).run();
    expect(chunks().map((c) => c.gen)).toEqual([3, 1]);
    // Moving a case in time touches both its old and its new chunk.
    db.prepare(`UPDATE cases SET reported_at = ${2 * year} WHERE id = 3`).run();
    expect(chunks().map((c) => c.gen)).toEqual([3, 2, 1]);
    db.prepare(
      `INSERT INTO map_chunk_data (grid_code, bucket, gen, dict, n, data) VALUES ('431099', 0, 3, 'f', 0, x'')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO map_chunk_data (grid_code, bucket, gen, dict, n, data) VALUES ('431099', 0, 3, 'f', 0, x'')`,
        )
        .run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});

describe('0007 wall-layouts', () => {
  it('keeps named wall layouts per command room: one name per room, a known layout kind, JSON tiles', () => {
    migrate(db, MIGRATIONS, 6);
    insertCounty();
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES ('u1', 'wall', 'n', 'wall_operator', '431099', 'h', 0)`,
    ).run();
    migrate(db, MIGRATIONS, 7);
    expect(currentVersion(db)).toBe(7);
    expect(columns('wall_layouts')).toEqual(
      expect.arrayContaining(['id', 'unit_code', 'name', 'kind', 'spec', 'updated_by', 'updated_at']),
    );
    const layout = db.prepare(`
      INSERT INTO wall_layouts (id, unit_code, name, kind, spec, created_by, created_at, updated_by, updated_at)
      VALUES (?, ?, ?, ?, ?, 'u1', 0, 'u1', 0)`);
    layout.run('l1', '431099', '早班', '16', '{"cells":[]}');
    expect(() => layout.run('l2', '431099', '早班', '4', '{}')).toThrow(/UNIQUE/); // one name per room
    expect(() => layout.run('l3', '431099', '夜班', '12', '{}')).toThrow(/CHECK/); // not a layout kind
    expect(() => layout.run('l4', '431099', '夜班', '1+5', 'not json')).toThrow(/CHECK/);
    expect(() => layout.run('l5', '431099', '', '4', '{}')).toThrow(/CHECK/);
    expect(() => layout.run('l6', '431099009', '夜班', '4', '{}')).toThrow(/FOREIGN KEY/); // no such room
  });
});

describe('0008 auth-version', () => {
  it('moves the auth version on every change to users, sessions and the org units users are joined with', () => {
    migrate(db, MIGRATIONS, 7);
    insertCounty();
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES ('u1', 'duty', 'n', 'county_duty_officer', '431099', 'h', 0)`,
    ).run();
    migrate(db, MIGRATIONS, 8);
    expect(currentVersion(db)).toBe(8);
    const version = () => (db.prepare('SELECT n FROM auth_version').get() as { n: number }).n;
    const steps: Array<[string, boolean]> = [
      [`INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES ('s1', 'h1', 'u1', 0, 1)`, false],
      [`UPDATE sessions SET revoked_at = 1 WHERE id = 's1'`, true],
      [`UPDATE users SET disabled = 1 WHERE id = 'u1'`, true],
      [`UPDATE org_units SET name = '新名' WHERE code = '431099'`, true],
      [
        `INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at) VALUES ('u2', 'w', 'n', 'wall_operator', '431099', 'h', 0)`,
        true,
      ],
      [`DELETE FROM sessions`, true],
    ];
    for (const [statement, moves] of steps) {
      const before = version();
      db.prepare(statement).run();
      expect(version() - before, statement).toBe(moves ? 1 : 0);
    }
  });
});

describe('0011 case-holders', () => {
  it('records who holds each existing case (grid, owner, every leg, the rater) with its board facts', () => {
    migrate(db, MIGRATIONS, 8);
    insertCounty();
    for (const [code, level, parent] of [
      ['431099001', 'township', '431099'],
      ['431099002', 'township', '431099'],
      ['431099001001', 'village', '431099001'],
      ['431099001001001', 'grid', '431099001001'],
    ] as const) {
      db.prepare(
        `INSERT INTO org_units (code, name, level, kind, parent_code, center_lon, center_lat) VALUES (?, 'u', ?, ?, ?, 0, 0)`,
      ).run(code, level, level, parent);
    }
    const grid = '431099001001001';
    const leg = (unitCode: string, role: string) => ({ unitCode, role });
    const insertCase = db.prepare(`
      INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                         handling_level, lon, lat, description, reported_at, closed_at, snapshot)
      VALUES (?, ?, 1, ?, 'routine', 'public', '0201', ?, ?, 'county', 112.2, 25.9, 'x', 0, ?, ?)`);
    const snapshot = (status: string, owner: string, legs: object[]) =>
      JSON.stringify({ status, gridCode: grid, ownerUnitCode: owner, legs });
    insertCase.run(
      1,
      'C1',
      'dispatched',
      grid,
      '431099',
      null,
      snapshot('dispatched', '431099', [leg('431099002', 'lead'), leg('dept:zhujian', 'assist')]),
    );
    insertCase.run(2, 'C2', 'closed', grid, '431099001', 5, snapshot('closed', '431099001', []));
    migrate(db, MIGRATIONS, 11);
    expect(currentVersion(db)).toBe(11);
    expect(
      db.prepare('SELECT case_id, org_code, open, closed_at FROM case_holders ORDER BY case_id, org_code').all(),
    ).toEqual([
      { case_id: 1, org_code: '431099', open: 1, closed_at: null },
      { case_id: 1, org_code: grid, open: 1, closed_at: null },
      { case_id: 1, org_code: '431099002', open: 1, closed_at: null },
      { case_id: 1, org_code: 'dept:zhujian', open: 1, closed_at: null },
      { case_id: 2, org_code: '431099001', open: 0, closed_at: 5 },
      { case_id: 2, org_code: grid, open: 0, closed_at: 5 },
    ]);
    expect(() => db.prepare(`INSERT INTO case_holders (case_id, org_code, open) VALUES (99, 'x', 1)`).run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('0012 history-note-codes', () => {
  it('adds the note code and params to history, keeping old rows and their note text as written', () => {
    migrate(db, MIGRATIONS, 11);
    insertCounty();
    db.prepare(
      `INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                          handling_level, lon, lat, description, reported_at, snapshot)
       VALUES (1, 'C1', 1, 'reported', 'routine', 'public', '0201', '431099', '431099', 'county', 112.2, 25.9, 'x', 0, '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO case_history (case_id, version, at, actor_user_id, actor_role, actor_unit_code, move, to_status, note)
       VALUES (1, 1, 0, 'u', 'grid_worker', '431099', 'report', 'reported', 'old note')`,
    ).run();
    migrate(db, MIGRATIONS, 12);
    expect(columns('case_history')).toEqual(expect.arrayContaining(['note', 'note_code', 'note_params']));
    expect(db.prepare('SELECT note, note_code, note_params FROM case_history').all()).toEqual([
      { note: 'old note', note_code: null, note_params: null },
    ]);
    // Still append-only after the table was altered.
    expect(() => db.prepare(`UPDATE case_history SET note_code = 'merged_in'`).run()).toThrow(/append-only/);
  });
});

describe('0014 camera-registry', () => {
  it('keeps every camera in service, unprobed, and leaves units as they were', () => {
    migrate(db, MIGRATIONS, 12);
    insertCounty();
    db.prepare(
      `INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream)
       VALUES ('cam-1', '43109901001320000001', 'c', 'fixed', '431099', 112.2, 25.9, 'rtsp://h/1', 'rtsp://h/2')`,
    ).run();
    migrate(db, MIGRATIONS, 14);
    expect(currentVersion(db)).toBe(14);
    expect(db.prepare('SELECT retired_at, probed_at, probe_ok, probe_detail FROM cameras').get()).toEqual({
      retired_at: null,
      probed_at: null,
      probe_ok: null,
      probe_detail: null,
    });
    expect(columns('org_units')).toContain('imported_at');
    expect(() => db.prepare(`UPDATE cameras SET probe_ok = 2`).run()).toThrow(/CHECK/);
  });
});
