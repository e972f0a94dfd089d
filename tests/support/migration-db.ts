/**
 * A fresh real SQLite file per test for the migration tests (foreign keys on, as the hub opens it), removed after.
 * Call at the top of a test file; the returned function gives the current test's database.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export function freshMigrationDb(): () => Database.Database {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grid-migrate-'));
    db = new Database(join(dir, 'hub.sqlite'));
    db.pragma('foreign_keys = ON');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => db;
}
