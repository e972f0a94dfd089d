/**
 * One SQLite file behind typed stores, shared by the hub's database and the console's own file: WAL for concurrent
 * readers, foreign keys on, synchronous=FULL so that an acknowledged write survives not only a killed process but a
 * power cut, a cache of prepared statements keyed by their text, and the file's migrations run on open.
 *
 * The file is created owner-only (0600) before SQLite opens it: it holds password hashes, session tokens and
 * queued user actions. SQLite gives the -wal and -shm files the main file's mode.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMigrations, type Migration, type MigrationOwner } from './migrate.js';
import type { SqlQuery } from './sql.js';

export interface SqliteOpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron's main process needs its own build). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
}

export interface SqliteSchema {
  readonly migrations: readonly Migration[];
  readonly owner: MigrationOwner;
  /** Page cache in KiB; SQLite's default (2 MiB) when unset. */
  readonly cacheKiB?: number;
}

export const FILE_MODE = 0o600;

/** Creates the file owner-only, or narrows an existing one, so no other local account can read it. */
export function ensurePrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'a', FILE_MODE));
  chmodSync(path, FILE_MODE);
}

export class SqliteDatabase {
  readonly raw: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    schema: SqliteSchema,
    options: SqliteOpenOptions = {},
  ) {
    if (path !== ':memory:' && !options.readonly) ensurePrivateFile(path);
    this.raw = new Database(path, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true } : {}),
    });
    try {
      this.raw.pragma('journal_mode = WAL');
      this.raw.pragma('synchronous = FULL');
      this.raw.pragma('foreign_keys = ON');
      // Several connections of one process (web sessions, a read-only tool) may share the file.
      this.raw.pragma('busy_timeout = 5000');
      if (schema.cacheKiB) this.raw.pragma(`cache_size = -${Math.trunc(schema.cacheKiB)}`);
      if (!options.readonly) runMigrations(this.raw, schema.migrations, schema.owner);
    } catch (err) {
      // A half-opened file must not stay locked by a connection nobody holds.
      this.raw.close();
      throw err;
    }
  }

  private statement(query: SqlQuery): Database.Statement {
    let stmt = this.statements.get(query.text);
    if (!stmt) {
      stmt = this.raw.prepare(query.text);
      this.statements.set(query.text, stmt);
    }
    return stmt;
  }

  all<Row>(query: SqlQuery): Row[] {
    return this.statement(query).all(...query.params) as Row[];
  }

  get<Row>(query: SqlQuery): Row | undefined {
    return this.statement(query).get(...query.params) as Row | undefined;
  }

  run(query: SqlQuery): Database.RunResult {
    return this.statement(query).run(...query.params);
  }

  transaction<T>(work: () => T): T {
    return this.raw.transaction(work)();
  }

  /**
   * A transaction that may be lost on a power cut without harm (synchronous=NORMAL: no fsync of its own; the next
   * FULL commit makes the WAL durable up to it). Nested, it is part of the outer one.
   */
  relaxed<T>(work: () => T): T {
    if (this.raw.inTransaction) return this.raw.transaction(work)();
    this.raw.pragma('synchronous = NORMAL');
    try {
      return this.raw.transaction(work)();
    } finally {
      this.raw.pragma('synchronous = FULL');
    }
  }

  get open(): boolean {
    return this.raw.open;
  }

  close(): void {
    this.statements.clear();
    if (!this.raw.open) return;
    // Keeps the planner's statistics fresh, as SQLite recommends on closing a long-lived connection.
    if (!this.raw.readonly) this.raw.pragma('optimize');
    this.raw.close();
  }
}
