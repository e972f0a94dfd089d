/**
 * Both SQLite files hold secrets (the hub: password hashes and session tokens; the console: queued user actions),
 * so each is created owner-only, and an older file left readable by others is narrowed when opened.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubDatabase } from '../../hub/db/database.js';
import { sql } from '../../hub/db/sql.js';
import { ConsoleDatabase } from '../../main/local-store/console-database.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'grid-file-mode-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const opens = [
  { file: 'hub.sqlite', open: (path: string) => new HubDatabase(path) },
  { file: 'console.sqlite', open: (path: string) => new ConsoleDatabase(path) },
] as const;

describe('database file mode', () => {
  for (const { file, open } of opens) {
    it(`creates ${file} and its write-ahead log readable by the owner only`, () => {
      const path = join(dir, 'nested', file);
      const db = open(path);
      try {
        db.run(sql`CREATE TABLE probe (x)`);
        db.run(sql`INSERT INTO probe VALUES (${1})`);
        expect(mode(path)).toBe(0o600);
        expect(mode(`${path}-wal`)).toBe(0o600);
        expect(mode(`${path}-shm`)).toBe(0o600);
      } finally {
        db.close();
      }
    });

    it(`narrows an existing world-readable ${file} to 0600 and keeps its data`, () => {
      const path = join(dir, file);
      open(path).close();
      chmodSync(path, 0o644);
      const db = open(path);
      try {
        expect(mode(path)).toBe(0o600);
        expect(db.get<{ v: number }>(sql`SELECT 1 AS v`)).toEqual({ v: 1 });
      } finally {
        db.close();
      }
    });
  }
});
