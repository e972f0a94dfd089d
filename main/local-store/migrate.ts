/**
 * The console store's migrations, run by `PRAGMA user_version` like the hub's: each one above the file's version
 * runs in its own transaction together with the version bump, so a crash leaves the file at a whole version.
 */
import type Database from 'better-sqlite3';
import { CONSOLE_MIGRATIONS, type ConsoleMigration } from './migrations/index.js';

export function consoleStoreVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrateConsoleStore(
  db: Database.Database,
  migrations: readonly ConsoleMigration[] = CONSOLE_MIGRATIONS,
  upTo = Infinity,
): number {
  const from = consoleStoreVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from > latest) {
    // A newer console wrote this file; an older one must not guess at its outbox.
    throw new Error(`console store is at version ${from}, newer than this console (${latest}); refusing to touch it`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return consoleStoreVersion(db);
}
