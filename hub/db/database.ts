/**
 * The hub's one SQLite database, behind typed methods (see the stores of each feature folder): the shared base
 * (node-shared/sqlite) with the hub's migrations and a 64 MiB page cache for the map's event queries.
 */
import { SqliteDatabase, type SqliteOpenOptions } from '../../node-shared/sqlite/database.js';
import { HUB_FILE } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type OpenOptions = SqliteOpenOptions;

export class HubDatabase extends SqliteDatabase {
  constructor(path: string, options: OpenOptions = {}) {
    super(path, { migrations: MIGRATIONS, owner: HUB_FILE, cacheKiB: 65_536 }, options);
  }
}
