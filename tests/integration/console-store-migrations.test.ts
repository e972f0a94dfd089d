/** The console store's migrations, one test each, on a real SQLite file brought to the version just before it. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleDatabase } from '../../main/local-store/console-database.js';
import { consoleStoreVersion, migrateConsoleStore } from '../../main/local-store/migrate.js';
import { CONSOLE_MIGRATIONS } from '../../main/local-store/migrations/index.js';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'grid-console-migrate-'));
  db = new Database(join(dir, 'console.sqlite'));
  db.pragma('foreign_keys = ON');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const columns = (table: string) => (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
const run = (text: string, ...params: unknown[]) => db.prepare(text).run(...params);

describe('console store migration runner', () => {
  it('brings a new file to the latest version, is a no-op the second time, numbers without gaps', () => {
    const latest = Math.max(...CONSOLE_MIGRATIONS.map((m) => m.version));
    expect(migrateConsoleStore(db)).toBe(latest);
    expect(migrateConsoleStore(db)).toBe(latest);
    expect(CONSOLE_MIGRATIONS.map((m) => m.version)).toEqual(CONSOLE_MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a file written by a newer console, and rolls a failing migration back whole', () => {
    db.pragma('user_version = 99');
    expect(() => migrateConsoleStore(db)).toThrow(/newer than this console/);
    db.pragma('user_version = 0');
    const broken = [
      ...CONSOLE_MIGRATIONS,
      {
        version: 3,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM nope;'),
      },
    ];
    expect(() => migrateConsoleStore(db, broken)).toThrow();
    expect(consoleStoreVersion(db)).toBe(2);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'`).get()).toEqual({ n: 0 });
  });

  it('opens with WAL and synchronous=FULL (the outbox holds answered user actions)', () => {
    const store = new ConsoleDatabase(join(dir, 'opened', 'console.sqlite'));
    try {
      expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.raw.pragma('synchronous', { simple: true })).toBe(2);
      expect(consoleStoreVersion(store.raw)).toBe(CONSOLE_MIGRATIONS.length);
    } finally {
      store.close();
    }
  });
});

describe('the native binding', () => {
  it('loads the better-sqlite3 build it is given (Electron passes its own ABI build), and fails loudly on a bad one', () => {
    const binding = join(process.cwd(), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const store = new ConsoleDatabase(join(dir, 'bound', 'console.sqlite'), { nativeBinding: binding });
    expect(consoleStoreVersion(store.raw)).toBe(CONSOLE_MIGRATIONS.length);
    store.close();
    expect(
      () => new ConsoleDatabase(join(dir, 'bad', 'console.sqlite'), { nativeBinding: join(dir, 'no.node') }),
    ).toThrow();
  });
});

describe('0001 cache', () => {
  it('keys every cached row by user, and dropping a user drops their cache', () => {
    migrateConsoleStore(db, CONSOLE_MIGRATIONS, 1);
    expect(consoleStoreVersion(db)).toBe(1);
    expect(columns('cache_users')).toEqual(
      expect.arrayContaining(['user_id', 'org_unit_code', 'role', 'last_seq', 'synced_at', 'board_loaded']),
    );
    for (const table of ['cached_org_units', 'cached_cameras', 'cached_cases', 'cached_histories']) {
      expect(columns(table), table).toContain('user_id');
    }
    run(`INSERT INTO cache_users (user_id, org_unit_code, role) VALUES ('u1', '431099', 'county_duty_officer')`);
    run(`INSERT INTO cached_org_units (user_id, code, ord, data) VALUES ('u1', '431099', 0, '{}')`);
    run(
      `INSERT INTO cached_cases (user_id, id, version, on_board, reported_at, data) VALUES ('u1', 'C1', 1, 1, 0, '{}')`,
    );
    // No cached row without its user.
    expect(() => run(`INSERT INTO cached_cameras (user_id, id, ord, data) VALUES ('nobody', 'x', 0, '{}')`)).toThrow(
      /FOREIGN KEY/,
    );
    run(`DELETE FROM cache_users WHERE user_id = 'u1'`);
    expect(db.prepare('SELECT count(*) AS n FROM cached_org_units').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM cached_cases').get()).toEqual({ n: 0 });
  });
});

describe('0002 outbox', () => {
  it('keeps writes in order under a unique (user, key), apart from the cache', () => {
    migrateConsoleStore(db, CONSOLE_MIGRATIONS, 1);
    run(`INSERT INTO cache_users (user_id, org_unit_code, role) VALUES ('u1', '431099', 'county_duty_officer')`);
    migrateConsoleStore(db, CONSOLE_MIGRATIONS, 2);
    expect(consoleStoreVersion(db)).toBe(2);
    expect(columns('outbox')).toEqual(
      expect.arrayContaining(['id', 'user_id', 'kind', 'case_id', 'idempotency_key', 'request', 'state', 'error']),
    );
    const add = (key: string, kind = 'move', caseId: string | null = 'C1') =>
      run(
        `INSERT INTO outbox (user_id, kind, case_id, idempotency_key, request, queued_at) VALUES ('u1', ?, ?, ?, '{}', 1)`,
        kind,
        caseId,
        key,
      );
    expect(Number(add('key-0001').lastInsertRowid)).toBe(1);
    expect(Number(add('key-0002', 'report', null).lastInsertRowid)).toBe(2);
    expect(() => add('key-0001')).toThrow(/UNIQUE/);
    expect(() => add('key-0003', 'move', null)).toThrow(/CHECK/);
    expect(() => add('key-0004', 'delete')).toThrow(/CHECK/);
    // A refusal must say what the hub said.
    expect(() => run(`UPDATE outbox SET state = 'refused' WHERE id = 1`)).toThrow(/CHECK/);
    // Dropping the user's cache never drops their writes.
    run(`DELETE FROM cache_users WHERE user_id = 'u1'`);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
  });
});
