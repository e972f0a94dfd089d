import type { Migration } from './index.js';
import { caseHolders } from '../../../common/cases/case-holders.js';
import { BOARD_OPEN_STATUSES } from '../../../common/cases/board-rule.js';
import type { CaseSnapshot } from '../../../common/cases.js';

/**
 * Which org units hold each case (common/cases/case-holders.ts), one row per case × holder, rewritten with the case.
 * The board and the change feed cut a scope by code prefix on this table, the same rule the pushes follow — a case
 * dispatched to another township's unit is on that unit's board and in its feed, not only in its live pushes.
 *
 * `open` and `closed_at` copy the case's board facts (common/cases/board-rule.ts) so each half of the board query
 * reads one partial index: open cases by holder, and the day's closed cases by closing time.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'case-holders',
  up(db) {
    db.exec(`
      CREATE TABLE case_holders (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        org_code TEXT NOT NULL,
        open INTEGER NOT NULL,
        closed_at INTEGER,
        PRIMARY KEY (case_id, org_code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_holders_open ON case_holders (org_code, case_id) WHERE open = 1;
      CREATE INDEX case_holders_closed ON case_holders (closed_at, org_code) WHERE closed_at IS NOT NULL;
    `);
    const insert = db.prepare('INSERT INTO case_holders (case_id, org_code, open, closed_at) VALUES (?, ?, ?, ?)');
    // In pages: better-sqlite3 cannot write while a read iterates on the same connection.
    const page = db.prepare('SELECT id, closed_at, snapshot FROM cases WHERE id > ? ORDER BY id LIMIT 2000');
    for (let after = 0; ;) {
      const rows = page.all(after) as Array<{ id: number; closed_at: number | null; snapshot: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const snapshot = JSON.parse(row.snapshot) as CaseSnapshot;
        const open = BOARD_OPEN_STATUSES.includes(snapshot.status) && row.closed_at === null ? 1 : 0;
        for (const code of caseHolders(snapshot)) insert.run(row.id, code, open, row.closed_at);
      }
      after = rows.at(-1)!.id;
    }
  },
};
