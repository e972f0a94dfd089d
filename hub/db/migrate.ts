/**
 * Numbered migrations run by `PRAGMA user_version`: each one whose number is above the database's version runs in
 * its own transaction together with the version bump, so a crash leaves the database at a whole version.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, upTo = Infinity): number {
  const from = currentVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from > latest) {
    throw new Error(`database is at version ${from}, newer than this hub (${latest}); refusing to touch it`);
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return currentVersion(db);
}
