import type { Migration } from './index.js';

/**
 * The 督办单's numbers (issue 15 §5): one per supervision, allocated when the notice is first printed and never
 * changed, from a county-wide sequence per year of the 督办 (督办〔2026〕第0012号). The counter is its own row so a
 * number is never handed out twice, even after a notice went with its supervision (an import rolled back: the
 * notice row follows its supervision by cascade, the counter stays where it was).
 */
export const migration0022: Migration = {
  version: 22,
  name: 'supervision-notices',
  up(db) {
    db.exec(`
      CREATE TABLE supervision_notice_counters (
        county_code TEXT NOT NULL,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
        last_seq INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (county_code, year)
      ) STRICT;
      CREATE TABLE supervision_notices (
        supervision_id INTEGER PRIMARY KEY REFERENCES supervisions (id) ON DELETE CASCADE,
        county_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq > 0),
        issued_at INTEGER NOT NULL,
        issued_by TEXT NOT NULL,
        UNIQUE (county_code, year, seq)
      ) STRICT;
    `);
  },
};
