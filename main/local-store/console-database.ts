/**
 * The console's own SQLite file (`console.sqlite`): the signed-in users' cached org tree, cameras, board and case
 * histories, and the outbox of writes made while the hub was unreachable. Same shape as the hub's database (typed
 * stores beside this file, `sql` tagged templates, numbered migrations).
 *
 * synchronous=FULL by default because the outbox holds acknowledged user actions ("queued" was answered): a power
 * cut right after must not lose them. Writes that can be lost without harm — the cache (refetched from the hub),
 * and the end of an outbox row (a row replayed again gets the hub's stored answer under its idempotency key) — run
 * `relaxed` (synchronous=NORMAL: no fsync of their own; the next FULL commit makes the WAL durable up to it), which
 * keeps a replay bound by the hub rather than by this disk's fsyncs (~4 ms each here).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlQuery } from '../../hub/db/sql.js';
import { migrateConsoleStore } from './migrate.js';

export interface ConsoleStoreOptions {
  /** Path of a better_sqlite3.node built for the running ABI: Electron's main process needs its own build. */
  readonly nativeBinding?: string;
}

export class ConsoleDatabase {
  readonly raw: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly path: string,
    options: ConsoleStoreOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.raw = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      this.raw.pragma('journal_mode = WAL');
      this.raw.pragma('synchronous = FULL');
      this.raw.pragma('foreign_keys = ON');
      // The web host may open the same file from several browser sessions of one process.
      this.raw.pragma('busy_timeout = 5000');
      migrateConsoleStore(this.raw);
    } catch (err) {
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

  /** A transaction that may be lost on a power cut without harm (see above); nested: part of the outer one. */
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
    this.raw.pragma('optimize');
    this.raw.close();
  }
}
