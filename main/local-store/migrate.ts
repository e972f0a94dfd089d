/** The console store's migrations (./migrations), run by the shared runner (node-shared/sqlite/migrate.ts). */
import type Database from 'better-sqlite3';
import { runMigrations, userVersion, type Migration } from '../../node-shared/sqlite/migrate.js';
import { CONSOLE_MIGRATIONS } from './migrations/index.js';

export const CONSOLE_FILE = { file: 'console store', program: 'console' } as const;

export const consoleStoreVersion = userVersion;

export function migrateConsoleStore(
  db: Database.Database,
  migrations: readonly Migration[] = CONSOLE_MIGRATIONS,
  upTo = Infinity,
): number {
  return runMigrations(db, migrations, CONSOLE_FILE, upTo);
}
