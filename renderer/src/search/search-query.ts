/**
 * The search form's state → the query the hub takes (common/search-schemas.ts), and the check the hub would make on
 * the words (common/search-text.ts) so a single character is refused before the round trip. Pure.
 */
import type { CaseGrade, CaseSource, CaseStatus } from '../../../common/cases.js';
import type { SearchQuery, SearchSort } from '../../../common/search-schemas.js';
import { parseSearchQuery } from '../../../common/search-text.js';

export interface SearchForm {
  readonly q: string;
  /** Beijing dates, 'YYYY-MM-DD', both included. */
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly category?: string;
  readonly grade?: CaseGrade;
  readonly status?: CaseStatus;
  readonly source?: CaseSource;
  readonly unit?: string;
  readonly overdue: boolean;
  readonly supervised: boolean;
  readonly sort: SearchSort;
}

export const EMPTY_FORM: SearchForm = { q: '', overdue: false, supervised: false, sort: 'newest' };

/** The day after a Beijing date (the hub's `to` is exclusive). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function queryOf(form: SearchForm, page: { after?: string; limit?: number } = {}): SearchQuery {
  const q = form.q.trim();
  return {
    ...(q ? { q } : {}),
    ...(form.fromDate ? { from: form.fromDate } : {}),
    ...(form.toDate ? { to: nextDay(form.toDate) } : {}),
    ...(form.category ? { category: form.category } : {}),
    ...(form.grade ? { grade: form.grade } : {}),
    ...(form.status ? { status: form.status } : {}),
    ...(form.source ? { source: form.source } : {}),
    ...(form.unit ? { unit: form.unit } : {}),
    ...(form.overdue ? { overdue: 'true' } : {}),
    ...(form.supervised ? { supervised: 'true' } : {}),
    sort: form.sort,
    ...(page.after ? { after: page.after } : {}),
    ...(page.limit ? { limit: page.limit } : {}),
  };
}

/** The words are searchable (empty, a case number, or CJK words of two characters or more). */
export const wordsAccepted = (q: string): boolean => parseSearchQuery(q).kind !== 'tooShort';
