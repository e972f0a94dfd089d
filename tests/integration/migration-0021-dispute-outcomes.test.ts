/** Migration 0021 on a real SQLite file at version 15 (the last one before it on this branch). */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';
import { freshMigrationDb } from '../support/migration-db.js';

let db: Database.Database;
const currentDb = freshMigrationDb();
beforeEach(() => {
  db = currentDb();
});

const insertCase = (id: number, category: string, snapshot: object) =>
  db
    .prepare(
      `INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                          handling_level, lon, lat, description, reported_at, snapshot)
       VALUES (?, ?, 1, 'closed', 'routine', 'grid_worker', ?, '431099', '431099', 'county', 112.2, 25.9, 'x', 0, ?)`,
    )
    .run(id, `C${id}`, category, JSON.stringify(snapshot));

describe('0021 dispute-outcomes', () => {
  it('copies the outcomes already in dispute snapshots, checks its values and goes with its case', () => {
    migrate(db, MIGRATIONS, 15);
    db.prepare(
      `INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9)`,
    ).run();
    insertCase(1, '0404', { disputeOutcome: { path: 'judicial_confirmation', outcome: 'mediated', at: 5 } });
    insertCase(2, '0404', {});
    insertCase(3, '0201', {});
    migrate(db, MIGRATIONS, 21);
    expect(db.prepare('SELECT * FROM case_dispute_outcomes').all()).toEqual([
      { case_id: 1, path: 'judicial_confirmation', outcome: 'mediated', recorded_at: 5 },
    ]);
    expect(() =>
      db.prepare(`INSERT INTO case_dispute_outcomes VALUES (2, 'arbitration', 'mediated', 1)`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO case_dispute_outcomes VALUES (9, 'litigation', 'failed_litigation', 1)`).run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM cases WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM case_dispute_outcomes').get()).toEqual({ n: 0 });
  });
});
