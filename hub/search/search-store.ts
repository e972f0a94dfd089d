/**
 * The case search's queries (issue 15 §1). Three shapes, each walking one index in the order of the result and
 * stopping after a page (keyset paging, no OFFSET):
 * - words: the FTS index (`case_search`), whose row ids are the cases' sort keys, walked newest (or oldest) first;
 * - a case number: the unique index on case_no, by its date prefix;
 * - filters only: an index on the report time (of a category, of the supervised or possibly-late cases, or all).
 * Every shape keeps a case only when a unit of the caller's scope holds it (case_holders, as the board cuts), so a
 * search never returns a case outside the scope.
 */
import type { CaseGrade, CaseSource, CaseStatus } from '../../common/cases.js';
import type { SearchHit, SearchSort } from '../../common/search-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql, sqlJoin, type SqlFragment } from '../db/sql.js';

export type SearchMode = { kind: 'all' } | { kind: 'caseNo'; prefix: string } | { kind: 'text'; match: string };

export interface SearchCriteria {
  readonly scopeCode: string;
  readonly mode: SearchMode;
  readonly from?: number;
  readonly to?: number;
  readonly category?: string;
  readonly grade?: CaseGrade;
  readonly status?: CaseStatus;
  readonly source?: CaseSource;
  readonly unit?: string;
  readonly overdue?: boolean;
  readonly supervised?: boolean;
  readonly sort: SearchSort;
  /** The last hit of the previous page. */
  readonly after?: { reportedAt: number; id: number };
  readonly now: number;
}

interface HitRow {
  id: number;
  case_no: string;
  reported_at: number;
  status: CaseStatus;
  grade: CaseGrade;
  source: CaseSource;
  category_code: string;
  grid_code: string;
  lead_unit_code: string | null;
  excerpt: string;
  due_at: number | null;
  closed_at: number | null;
  overdue: number;
  supervision_count: number;
}

const HIT_COLUMNS = (now: number) => sql`
  c.id, c.case_no, c.reported_at, c.status, c.grade, c.source, c.category_code, c.grid_code, c.lead_unit_code,
  substr(c.description, 1, 120) AS excerpt, c.due_at, c.closed_at, c.supervision_count,
  (c.closed_on_time = 0 OR (c.closed_at IS NULL AND c.due_at < ${now})) AS overdue`;

/** The case a holder row must belong to: `c.id`, or on the word path the FTS row id's low bits (no row fetch). */
const heldIn = (caseId: SqlFragment, code: string) =>
  sql`EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = ${caseId} AND ${inSubtree(sql`h.org_code`, code)})`;

/** The scope and unit cuts: they need only the case id, so on the word path they run before the case row is read. */
function holderConditions(q: SearchCriteria, caseId: SqlFragment): SqlFragment[] {
  return [heldIn(caseId, q.scopeCode), ...(q.unit ? [heldIn(caseId, q.unit)] : [])];
}

/** The filters on the case's own columns (`cases c`). */
function caseConditions(q: SearchCriteria): SqlFragment[] {
  const where: SqlFragment[] = [];
  if (q.from !== undefined) where.push(sql`c.reported_at >= ${q.from}`);
  if (q.to !== undefined) where.push(sql`c.reported_at < ${q.to}`);
  if (q.category) where.push(sql`c.category_code = ${q.category}`);
  if (q.grade) where.push(sql`c.grade = ${q.grade}`);
  if (q.status) where.push(sql`c.status = ${q.status}`);
  if (q.source) where.push(sql`c.source = ${q.source}`);
  if (q.supervised) where.push(sql`c.supervision_count > 0`);
  if (q.overdue) {
    // The first term is the partial index's own condition (cases_search_late), so the planner may walk it.
    where.push(sql`(c.closed_on_time = 0 OR (c.closed_at IS NULL AND c.due_at IS NOT NULL))`);
    where.push(sql`(c.closed_on_time = 0 OR c.due_at < ${q.now})`);
  }
  return where;
}

/** The FTS sort key of a cursor, computed in SQL (CAST: JS numbers are bound as REAL). */
const cursorKey = (after: { reportedAt: number; id: number }) =>
  sql`((CAST(${after.reportedAt} AS INTEGER) / 1000) * 2147483648 + CAST(${after.id} AS INTEGER))`;

const FTS_CASE_ID = sql`(case_search.rowid % 2147483648)`;

/**
 * The page (or, `counting`, the rows a count walks). A count by words with no filter on the case's columns
 * reads no case row at all: the FTS index and the holders answer it.
 */
function pageQuery(q: SearchCriteria, limit: number, counting = false): SqlFragment {
  const columns = counting ? sql`1` : HIT_COLUMNS(q.now);
  const desc = q.sort === 'newest';
  const filters = caseConditions(q);
  if (q.mode.kind === 'text') {
    const where = [sql`case_search MATCH ${q.mode.match}`, ...holderConditions(q, FTS_CASE_ID), ...filters];
    if (q.after) {
      where.push(
        desc ? sql`case_search.rowid < ${cursorKey(q.after)}` : sql`case_search.rowid > ${cursorKey(q.after)}`,
      );
    }
    const order = sql`ORDER BY case_search.rowid ${desc ? sql`DESC` : sql`ASC`} LIMIT ${limit}`;
    if (filters.length === 0 && counting) {
      return sql`SELECT 1 FROM case_search WHERE ${sqlJoin(where, ' AND ')} ${order}`;
    }
    // CROSS JOIN keeps the FTS table outermost: its row-id order is the result's order, so the walk stops at a page.
    return sql`
      SELECT ${columns} FROM case_search CROSS JOIN cases c ON c.id = ${FTS_CASE_ID}
      WHERE ${sqlJoin(where, ' AND ')} ${order}`;
  }
  const where = [...holderConditions(q, sql`c.id`), ...filters];
  if (q.mode.kind === 'caseNo') where.push(sql`c.case_no >= ${q.mode.prefix} AND c.case_no < ${q.mode.prefix + ':'}`);
  if (q.after) {
    const { reportedAt, id } = q.after;
    where.push(
      desc
        ? sql`c.reported_at <= ${reportedAt} AND (c.reported_at < ${reportedAt} OR c.id < ${id})`
        : sql`c.reported_at >= ${reportedAt} AND (c.reported_at > ${reportedAt} OR c.id > ${id})`,
    );
  }
  return sql`
    SELECT ${columns} FROM cases c WHERE ${sqlJoin(where, ' AND ')}
    ORDER BY c.reported_at ${desc ? sql`DESC` : sql`ASC`}, c.id ${desc ? sql`DESC` : sql`ASC`} LIMIT ${limit}`;
}

const toHit = (r: HitRow): SearchHit => ({
  caseNo: r.case_no,
  reportedAt: r.reported_at,
  status: r.status,
  grade: r.grade,
  source: r.source,
  categoryCode: r.category_code,
  gridCode: r.grid_code,
  leadUnitCode: r.lead_unit_code,
  excerpt: r.excerpt,
  dueAt: r.due_at,
  closedAt: r.closed_at,
  overdue: r.overdue === 1,
  supervisionCount: r.supervision_count,
});

/** One page of hits and, when there are more, the cursor of the next. */
export function searchCases(
  db: HubDatabase,
  q: SearchCriteria,
  limit: number,
): { hits: SearchHit[]; next?: { reportedAt: number; id: number } } {
  const rows = db.all<HitRow>(pageQuery(q, limit + 1));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    hits: page.map(toHit),
    ...(rows.length > limit && last ? { next: { reportedAt: last.reported_at, id: last.id } } : {}),
  };
}

/** How many hits there are, counted up to `cap` + 1 (more than `cap` reads as "cap+"). */
export function countCases(db: HubDatabase, q: SearchCriteria, cap: number): number {
  const walk = pageQuery({ ...q, after: undefined }, cap + 1, true);
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${walk})`)!.n;
}

/** The plan SQLite picks for a page (the bench prints it beside the timings). */
export function searchPlan(db: HubDatabase, q: SearchCriteria, limit: number, counting = false): string[] {
  const query = pageQuery(q, limit + 1, counting);
  return db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`).map((row) => row.detail);
}
