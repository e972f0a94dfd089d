/**
 * The search result as CSV rows (the file itself is written by common/csv.ts): headings in the UI language, codes
 * as the names people read, times in Beijing time to the second like the KPI export. Pure, so tests build the file
 * from real hits without a browser.
 */
import type { CsvCell } from '../../../common/csv.js';
import type { SearchHit } from '../../../common/search-schemas.js';

// Local, not base/format.ts: this file stays free of i18n and the DOM so tests build files in Node (as audit-csv.ts).
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Beijing date and time to the second, as the KPI export writes it: 2026-05-12 14:03:22. */
export function formatStamp(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export const SEARCH_CSV_COLUMNS = [
  'caseNo',
  'reportedAt',
  'category',
  'grade',
  'status',
  'source',
  'place',
  'leadUnit',
  'description',
  'dueAt',
  'closedAt',
  'overdue',
  'supervisions',
] as const;
export type SearchCsvColumn = (typeof SEARCH_CSV_COLUMNS)[number];

/** The words of the file: a heading per column, yes/no for the overdue flag, and the code → name lookups. */
export interface SearchCsvWords {
  readonly headings: Readonly<Record<SearchCsvColumn, string>>;
  readonly yes: string;
  readonly no: string;
  category(code: string): string;
  grade(grade: SearchHit['grade']): string;
  status(status: SearchHit['status']): string;
  source(source: SearchHit['source']): string;
  unit(code: string): string;
}

const stamp = (ms: number | null) => (ms === null ? null : formatStamp(ms));

export function searchCsvRows(hits: readonly SearchHit[], words: SearchCsvWords): CsvCell[][] {
  return [
    SEARCH_CSV_COLUMNS.map((column) => words.headings[column]),
    ...hits.map((h) => [
      h.caseNo,
      formatStamp(h.reportedAt),
      words.category(h.categoryCode),
      words.grade(h.grade),
      words.status(h.status),
      words.source(h.source),
      words.unit(h.gridCode),
      h.leadUnitCode ? words.unit(h.leadUnitCode) : null,
      h.excerpt,
      stamp(h.dueAt),
      stamp(h.closedAt),
      h.overdue ? words.yes : words.no,
      h.supervisionCount,
    ]),
  ];
}
