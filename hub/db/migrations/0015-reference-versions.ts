import type { Migration } from './index.js';
import { shippedReferenceTables } from '../../../node-shared/reference-data.js';

/**
 * Reference data in the database (common/reference-versions.ts): every version of the taxonomy and deadline table,
 * append-only (who, when, why), and the working-calendar years an administrator imported (they override the
 * `chinese-days` package's). Version 1 is the shipped resources/taxonomy.json and deadlines.json, effective from the
 * beginning of time: a hub upgraded with cases already stored judged them by exactly those files, and a case without
 * `refVersion` in its snapshot means version 1.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'reference-versions',
  up(db) {
    db.exec(`
      CREATE TABLE reference_versions (
        version INTEGER PRIMARY KEY,
        effective_from INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT,
        reason TEXT NOT NULL,
        taxonomy TEXT NOT NULL,
        deadlines TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER reference_versions_append_only_update BEFORE UPDATE ON reference_versions
        BEGIN SELECT RAISE(ABORT, 'reference versions are append-only'); END;
      CREATE TRIGGER reference_versions_append_only_delete BEFORE DELETE ON reference_versions
        BEGIN SELECT RAISE(ABORT, 'reference versions are append-only'); END;
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        holidays TEXT NOT NULL,
        makeup_workdays TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        note TEXT
      ) STRICT;
    `);
    const { taxonomy, deadlines } = shippedReferenceTables();
    db.prepare(
      `INSERT INTO reference_versions (version, effective_from, created_at, created_by, reason, taxonomy, deadlines)
       VALUES (1, 0, ?, NULL, 'shipped resources/taxonomy.json and resources/deadlines.json', ?, ?)`,
    ).run(Date.now(), JSON.stringify(taxonomy), JSON.stringify(deadlines));
  },
};
