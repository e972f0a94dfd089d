/** The hub's migrations (./migrations), run by the shared runner (node-shared/sqlite/migrate.ts). */
import type Database from 'better-sqlite3';
import { runMigrations, userVersion, type Migration } from '../../node-shared/sqlite/migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export const HUB_FILE = { file: 'database', program: 'hub' } as const;

export const currentVersion = userVersion;

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, upTo = Infinity): number {
  return runMigrations(db, migrations, HUB_FILE, upTo);
}
