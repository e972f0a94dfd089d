/** The `shift_handovers` and `handover_cases` tables, and the open-case query a handover freezes. */
import { OPEN_STATUSES } from '../../common/cases.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql, sqlJoin, type SqlFragment } from '../db/sql.js';

/** Statuses in which a case's deadline runs (the supervision timer's rule): past `due_at` there means overdue. */
const RUNNING_STATUSES = ['dispatched', 'in_progress'] as const;
const statusIn = (statuses: readonly string[]) => sqlJoin(statuses.map((status) => sql`${status}`));

export interface OpenCaseRow {
  case_no: string;
  status: string;
  grade: string;
  category_code: string;
  due_at: number | null;
  overdue: number;
  serious: number;
}

/**
 * Open cases a unit of the scope holds (case-holders.ts, the board's rule) that are serious, or whose deadline ran
 * out while it still runs; overdue first (most overdue first), then serious ones newest first. `limit + 1` rows
 * are read so the caller can tell a cut list.
 */
export function openSeriousOrOverdue(db: HubDatabase, scopeCode: string, now: number, limit: number): OpenCaseRow[] {
  return db.all<OpenCaseRow>(sql`
    SELECT c.case_no, c.status, c.grade, c.category_code, c.due_at,
      (c.due_at IS NOT NULL AND c.due_at < ${now} AND c.status IN (${statusIn(RUNNING_STATUSES)})) AS overdue,
      (c.grade = 'serious') AS serious
    FROM (SELECT DISTINCT case_id FROM case_holders INDEXED BY case_holders_open
          WHERE open = 1 AND ${inSubtree(sql`org_code`, scopeCode)}) h
    JOIN cases c ON c.id = h.case_id
    WHERE c.closed_at IS NULL AND c.status IN (${statusIn(OPEN_STATUSES)})
      AND (c.grade = 'serious' OR (c.due_at IS NOT NULL AND c.due_at < ${now} AND c.status IN (${statusIn(RUNNING_STATUSES)})))
    ORDER BY overdue DESC, CASE WHEN overdue THEN c.due_at END ASC, c.reported_at DESC
    LIMIT ${limit + 1}`);
}

export interface HandoverRow {
  id: string;
  room_code: string;
  written_by: string;
  written_by_name: string;
  written_at: number;
  shift_id: string | null;
  note: string;
  truncated: number;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: number | null;
  case_count: number;
}

const SELECT_HANDOVER = sql`
  SELECT h.id, h.room_code, h.written_by, w.display_name AS written_by_name, h.written_at, h.shift_id, h.note,
         h.truncated, h.acknowledged_by, a.display_name AS acknowledged_by_name, h.acknowledged_at,
         (SELECT count(*) FROM handover_cases hc WHERE hc.handover_id = h.id) AS case_count
  FROM shift_handovers h JOIN users w ON w.id = h.written_by LEFT JOIN users a ON a.id = h.acknowledged_by`;

export interface NewHandover {
  readonly id: string;
  readonly roomCode: string;
  readonly by: string;
  readonly at: number;
  readonly shiftId: string | null;
  readonly note: string;
  readonly truncated: boolean;
  readonly cases: readonly OpenCaseRow[];
}

export function insertHandover(db: HubDatabase, h: NewHandover): void {
  db.run(sql`
    INSERT INTO shift_handovers (id, room_code, written_by, written_at, shift_id, note, truncated)
    VALUES (${h.id}, ${h.roomCode}, ${h.by}, ${h.at}, ${h.shiftId}, ${h.note}, ${h.truncated ? 1 : 0})`);
  h.cases.forEach((c, position) =>
    db.run(sql`
      INSERT INTO handover_cases (handover_id, position, case_no, status, grade, category_code, due_at, overdue, serious)
      VALUES (${h.id}, ${position}, ${c.case_no}, ${c.status}, ${c.grade}, ${c.category_code}, ${c.due_at},
              ${c.overdue ? 1 : 0}, ${c.serious ? 1 : 0})`),
  );
}

export function getHandover(db: HubDatabase, id: string): HandoverRow | undefined {
  return db.get<HandoverRow>(sql`${SELECT_HANDOVER} WHERE h.id = ${id}`);
}

export function handoverCases(db: HubDatabase, id: string): OpenCaseRow[] {
  return db.all<OpenCaseRow>(sql`
    SELECT case_no, status, grade, category_code, due_at, overdue, serious FROM handover_cases
    WHERE handover_id = ${id} ORDER BY position`);
}

/** Acknowledges a handover not yet acknowledged; false when someone already did. */
export function acknowledgeHandover(db: HubDatabase, id: string, by: string, at: number): boolean {
  return (
    db.run(sql`
      UPDATE shift_handovers SET acknowledged_by = ${by}, acknowledged_at = ${at}
      WHERE id = ${id} AND acknowledged_by IS NULL`).changes > 0
  );
}

export interface HandoverSearch {
  /** Exactly this room, or (null) every room of the scope. */
  readonly room: string | null;
  readonly scopeCode: string;
  readonly from?: number;
  readonly to?: number;
  readonly officer?: string;
  readonly text?: string;
  readonly limit: number;
}

/** `LIKE` needs its own wildcards escaped, so a search for "100%" finds that text and nothing else. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function searchHandovers(db: HubDatabase, q: HandoverSearch): HandoverRow[] {
  const where: SqlFragment[] = [q.room ? sql`h.room_code = ${q.room}` : inSubtree(sql`h.room_code`, q.scopeCode)];
  if (q.from !== undefined) where.push(sql`h.written_at >= ${q.from}`);
  if (q.to !== undefined) where.push(sql`h.written_at < ${q.to}`);
  if (q.officer) {
    const like = likeContaining(q.officer);
    where.push(sql`(h.written_by = ${q.officer} OR h.acknowledged_by = ${q.officer}
      OR w.display_name LIKE ${like} ESCAPE '\\' OR a.display_name LIKE ${like} ESCAPE '\\'
      OR w.username = ${q.officer} OR a.username = ${q.officer})`);
  }
  if (q.text) where.push(sql`h.note LIKE ${likeContaining(q.text)} ESCAPE '\\'`);
  return db.all<HandoverRow>(sql`${SELECT_HANDOVER}
    WHERE ${sqlJoin(where, ' AND ')} ORDER BY h.written_at DESC, h.id LIMIT ${q.limit}`);
}
