/**
 * Case search and archive (issue 15 §1): the query (words or a case number, filters, order, a keyset cursor) and the
 * page of hits. Hits carry the columns the list and the CSV show; a hit opens with the case detail route (whole
 * timeline). Counting every hit of a common word over a million cases is what made the lost first attempt slow, so
 * the total is counted only up to SEARCH_COUNT_CAP and shown as "1,000+" beyond it.
 */
import { z } from 'zod';
import { CaseGrade, CaseId, CaseSource, CaseStatus, CategoryCode, EpochMs, UnitCode } from './cases.js';
import { BoundedDateOrTime } from './time-range.js';

export const SEARCH_COUNT_CAP = 1000;
export const SEARCH_PAGE_DEFAULT = 50;
/** The largest page: the CSV export reads the result in pages of this size. */
export const SEARCH_PAGE_MAX = 500;
/** The CSV export stops after this many rows (a county's year of one category fits). */
export const SEARCH_EXPORT_MAX = 20_000;

export const SEARCH_SORTS = ['newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Where the next page starts: the last hit's report time (ms) and its row id, "1700000000000.42". */
export const SearchCursor = z.string().regex(/^\d{1,15}\.\d{1,12}$/, 'not a search cursor');

export const SearchQuery = z.strictObject({
  /** Words of the description, place, reporter or results (each CJK word ≥ 2 characters), or a case number. */
  q: z.string().trim().max(100).optional(),
  /** Reported in [from, to). */
  from: BoundedDateOrTime.optional(),
  to: BoundedDateOrTime.optional(),
  category: CategoryCode.optional(),
  grade: CaseGrade.optional(),
  status: CaseStatus.optional(),
  source: CaseSource.optional(),
  /** Cases held by this unit (or a unit under it, or this department); cut by the caller's scope like the rest. */
  unit: UnitCode.optional(),
  /** Closed late, or open and past its deadline now. */
  overdue: z.stringbool().optional(),
  /** Supervised (督办) at least once. */
  supervised: z.stringbool().optional(),
  sort: z.enum(SEARCH_SORTS).default('newest'),
  after: SearchCursor.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(SEARCH_PAGE_DEFAULT),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.strictObject({
  caseNo: CaseId,
  reportedAt: EpochMs,
  status: CaseStatus,
  grade: CaseGrade,
  source: CaseSource,
  categoryCode: CategoryCode,
  gridCode: z.string(),
  leadUnitCode: UnitCode.nullable(),
  /** The description's first characters (the drawer shows it whole). */
  excerpt: z.string(),
  dueAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable(),
  overdue: z.boolean(),
  supervisionCount: z.number().int().nonnegative(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchPage = z.strictObject({
  hits: z.array(SearchHit),
  /** The cursor of the next page; absent on the last. */
  next: SearchCursor.optional(),
  /** Hits counted on the first page only, up to SEARCH_COUNT_CAP (`capped`: there are more). */
  total: z.number().int().nonnegative().optional(),
  capped: z.boolean().optional(),
});
export type SearchPage = z.infer<typeof SearchPage>;
