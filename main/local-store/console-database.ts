/**
 * The console's own SQLite file (`console.sqlite`): the signed-in users' cached org tree, cameras, board and case
 * histories, and the outbox of writes made while the hub was unreachable. Same shape as the hub's database (typed
 * stores beside this file, `sql` tagged templates, numbered migrations: one base in node-shared/sqlite).
 *
 * synchronous=FULL by default because the outbox holds acknowledged user actions ("queued" was answered): a power
 * cut right after must not lose them. Writes that can be lost without harm — the cache (refetched from the hub),
 * and the end of an outbox row (a row replayed again gets the hub's stored answer under its idempotency key) — run
 * `relaxed` (synchronous=NORMAL: no fsync of their own; the next FULL commit makes the WAL durable up to it), which
 * keeps a replay bound by the hub rather than by this disk's fsyncs (~4 ms each here).
 */
import { SqliteDatabase, type SqliteOpenOptions } from '../../node-shared/sqlite/database.js';
import { CONSOLE_FILE } from './migrate.js';
import { CONSOLE_MIGRATIONS } from './migrations/index.js';

export type ConsoleStoreOptions = Pick<SqliteOpenOptions, 'nativeBinding'>;

/** The shared base (node-shared/sqlite) with the console's migrations; `relaxed` is the base's. */
export class ConsoleDatabase extends SqliteDatabase {
  constructor(path: string, options: ConsoleStoreOptions = {}) {
    super(path, { migrations: CONSOLE_MIGRATIONS, owner: CONSOLE_FILE }, options);
  }
}
