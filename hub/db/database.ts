/**
 * The hub's one SQLite database, behind typed methods (see the stores beside this file). WAL for concurrent readers,
 * foreign keys on, and synchronous=FULL so that an acknowledged write survives not only a killed process but a
 * power cut in the county's server room.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';
import type { SqlQuery } from './sql.js';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running ABI (Electron needs its own build). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
}

export class HubDatabase {
  readonly raw: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    options: OpenOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.raw = new Database(path, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true } : {}),
    });
    this.raw.pragma('journal_mode = WAL');
    this.raw.pragma('synchronous = FULL');
    this.raw.pragma('foreign_keys = ON');
    this.raw.pragma('busy_timeout = 5000');
    this.raw.pragma('cache_size = -65536');
    if (!options.readonly) migrate(this.raw);
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

  close(): void {
    this.statements.clear();
    if (!this.raw.open) return;
    // Keeps the planner's statistics fresh, as SQLite recommends on closing a long-lived connection.
    if (!this.raw.readonly) this.raw.pragma('optimize');
    this.raw.close();
  }
}
