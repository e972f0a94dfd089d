import type { Migration } from './index.js';
import { rebuildCaseSearch } from '../../search/search-index-store.js';

/**
 * Case search (issue 15 §1): the word index and the indexes the filters walk in report order.
 *
 * `case_search` is a contentless FTS5 table (the text lives in `cases`; only the index is stored) whose row id is the
 * case's sort key (hub/search/search-index-store.ts), over bigram tokens (common/search-text.ts) with unicode61.
 * `contentless_delete` lets a case's row be replaced when its results change.
 *
 * The filter indexes each serve a filter-only search newest first (chosen with EXPLAIN QUERY PLAN in
 * bench/case-search.ts): a category's cases by report time (with grade, status and source, so a category's filters
 * are checked on the index without reading a case row), the supervised ones, and those that were or may be late
 * (closed late, or open with a deadline — whether an open one is past it depends on the hour, so it is checked on the
 * few rows this partial index holds).
 */
export const migration0024: Migration = {
  version: 24,
  name: 'case-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE case_search USING fts5(
        body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE INDEX cases_search_category ON cases (category_code, reported_at, grade, status, source);
      CREATE INDEX cases_search_supervised ON cases (reported_at) WHERE supervision_count > 0;
      CREATE INDEX cases_search_late ON cases (reported_at)
        WHERE closed_on_time = 0 OR (closed_at IS NULL AND due_at IS NOT NULL);
    `);
    rebuildCaseSearch(db);
  },
};
