/**
 * Numbered migrations run by `PRAGMA user_version`, for the hub's database and the console's file alike: each one
 * whose number is above the file's version runs in its own transaction together with the version bump, so a crash
 * leaves the file at a whole version.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/** Who owns the file, for the refusal below ("… newer than this hub"). */
export interface MigrationOwner {
  readonly file: string;
  readonly program: string;
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  owner: MigrationOwner,
  upTo = Infinity,
): number {
  const from = userVersion(db);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (from > latest) {
    // A newer program wrote this file; an older one must not guess at what its tables mean.
    throw new Error(
      `${owner.file} is at version ${from}, newer than this ${owner.program} (${latest}); refusing to touch it`,
    );
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= from || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return userVersion(db);
}
