/** Migration 0024 on a real SQLite file brought to the version just before it (as in migrations.test.ts). */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../common/search-text.js';
import { currentVersion, migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';
import { freshMigrationDb } from '../support/migration-db.js';

let db: Database.Database;
const currentDb = freshMigrationDb();
beforeEach(() => {
  db = currentDb();
});

const unit = (code: string, name: string, level: string, kind: string) =>
  db
    .prepare(`INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES (?, ?, ?, ?, 112.2, 25.9)`)
    .run(code, name, level, kind);

const GRID = '431099001001001';
const REPORTED = Date.parse('2019-03-05T09:30:00+08:00');

function insertCase(id: number, description: string, snapshot: object) {
  db.prepare(
    `
    INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                       handling_level, lon, lat, description, reported_at, snapshot)
    VALUES (?, ?, 1, 'closed', 'routine', 'public', '0201', ?, '431099001', 'township', 112.2, 25.9, ?, ?, ?)`,
  ).run(id, `20190305-${String(id).padStart(6, '0')}`, GRID, description, REPORTED + id, JSON.stringify(snapshot));
}

const matches = (words: string): number[] => {
  const parsed = parseSearchQuery(words);
  if (parsed.kind !== 'text') throw new Error(`not words: ${words}`);
  return (
    db
      .prepare(`SELECT rowid % 2147483648 AS id FROM case_search WHERE case_search MATCH ? ORDER BY rowid`)
      .all(parsed.match) as Array<{ id: number }>
  ).map((r) => r.id);
};

describe('0024 case-search', () => {
  it('indexes the cases already stored: description, place, reporter and results, keyed by report time', () => {
    migrate(db, MIGRATIONS, 23);
    unit('431099', 'X县', 'county', 'county');
    unit('431099001', '城关镇', 'township', 'township');
    unit('431099001001', '东门社区', 'village', 'community');
    unit(GRID, '东门第一网格', 'grid', 'grid');
    insertCase(1, '楼道堆放杂物占道', { reporters: [{ name: '欧阳振华', phone: '13912345678' }] });
    insertCase(2, '夜间施工噪音', { legs: [{ feedback: { result: '已责令停工整改' } }] });
    migrate(db, MIGRATIONS, 24);
    expect(currentVersion(db)).toBe(24);

    expect(matches('占道')).toEqual([1]);
    expect(matches('噪音')).toEqual([2]);
    expect(matches('东门社区')).toEqual([1, 2]); // the place, from the org tree
    expect(matches('欧阳振华')).toEqual([1]);
    expect(matches('1391234')).toEqual([1]);
    expect(matches('停工整改')).toEqual([2]);
    expect(matches('整改停工')).toEqual([]);
    // The row id is the sort key: report second × 2^31 + case id.
    const keys = db.prepare(`SELECT rowid AS k FROM case_search ORDER BY rowid`).safeIntegers().all() as Array<{
      k: bigint;
    }>;
    expect(keys.map((r) => r.k)).toEqual(
      [1n, 2n].map((id) => BigInt(Math.floor((REPORTED + Number(id)) / 1000)) * 2n ** 31n + id),
    );
  });

  it('adds the filter indexes the search walks', () => {
    migrate(db, MIGRATIONS, 24);
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'`).all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['cases_search_category', 'cases_search_supervised', 'cases_search_late']),
    );
  });
});
