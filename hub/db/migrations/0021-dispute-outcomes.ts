import type { Migration } from './index.js';

/**
 * How each dispute ended (common/dispute-outcomes.ts), one row per 矛盾纠纷 case that has an outcome, mirrored from
 * the snapshot by the cases store, so the KPIs count the seed's Table 2 (non-litigation vs litigation by year,
 * judicial confirmations, mediation success) without reading snapshots. Deleting a case (an import rolled back)
 * takes its row with it. Outcomes already in snapshots are copied over.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'dispute-outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE case_dispute_outcomes (
        case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
        path TEXT NOT NULL CHECK (path IN ('people_mediation', 'administrative_mediation', 'video_mediation',
                                            'judicial_confirmation', 'litigation')),
        outcome TEXT NOT NULL CHECK (outcome IN ('mediated', 'failed_litigation', 'withdrawn')),
        recorded_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO case_dispute_outcomes (case_id, path, outcome, recorded_at)
        SELECT id, json_extract(snapshot, '$.disputeOutcome.path'), json_extract(snapshot, '$.disputeOutcome.outcome'),
               json_extract(snapshot, '$.disputeOutcome.at')
        FROM cases WHERE category_code LIKE '04%' AND json_extract(snapshot, '$.disputeOutcome') IS NOT NULL;
    `);
  },
};
