import type { Migration } from './index.js';

/**
 * A history row's machine note as a code and its params (common/cases.ts HISTORY_NOTE_CODES), so the console words
 * it in the viewer's language instead of the hub writing both languages into `note`. Nullable: rows written before
 * keep their old note text, and `note` stays for what a person wrote.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'history-note-codes',
  up(db) {
    db.exec(`
      ALTER TABLE case_history ADD COLUMN note_code TEXT;
      ALTER TABLE case_history ADD COLUMN note_params TEXT;
    `);
  },
};
