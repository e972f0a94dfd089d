import type { Migration } from './index.js';

/**
 * Every import of the old platform's history is a batch: who ran it, when, the sha256 of the file and what became
 * of its lines. Cases remember their batch so an administrator can roll a mistaken import back whole. Cases
 * imported before this migration (and the demo county's seeded history) have no batch: they stay as they are.
 * Case history stays append-only except for the rows of a batch being rolled back.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'import-batches',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        username TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        sha256 TEXT NOT NULL,
        lines INTEGER NOT NULL DEFAULT 0,
        accepted INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        refused INTEGER NOT NULL DEFAULT 0,
        -- importing: lines still landing (or the hub stopped midway: what landed stays, and can be rolled back).
        -- rolling_back: only ever inside the rollback's own transaction (see the trigger below).
        status TEXT NOT NULL CHECK (status IN ('importing', 'done', 'rolling_back', 'rolled_back')),
        rolled_back_at INTEGER,
        rolled_back_by TEXT
      ) STRICT;
      CREATE INDEX import_batches_started ON import_batches (started_at);
      ALTER TABLE cases ADD COLUMN import_batch_id TEXT REFERENCES import_batches (id);
      CREATE INDEX cases_import_batch ON cases (import_batch_id) WHERE import_batch_id IS NOT NULL;

      -- History stays append-only, with one exception: the rows of a batch's cases while that batch is being rolled
      -- back (the batch row itself keeps who rolled it back and when).
      DROP TRIGGER case_history_no_delete;
      CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
        WHEN NOT EXISTS (
          SELECT 1 FROM cases c JOIN import_batches b ON b.id = c.import_batch_id
          WHERE c.id = OLD.case_id AND b.status = 'rolling_back')
        BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END;
    `);
  },
};
