/**
 * Cases in SQLite: the snapshot as JSON plus the columns queries filter on, the append-only history, and the change
 * feed. Every write here runs inside the caller's transaction (GroupCommit), never on its own.
 */
import type { CaseHistoryRow, CaseView } from '../../common/case-api.js';
import { BOARD_CLOSED_STATUSES, BOARD_OPEN_STATUSES } from '../../common/cases/board-rule.js';
import { caseHolders } from '../../common/cases/case-holders.js';
import { CLOSED_STATUSES, currentLeadLeg, OPEN_STATUSES, type CaseSnapshot } from '../../common/cases.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql, sqlJoin } from '../db/sql.js';
import { writeDisputeOutcome } from './dispute-outcomes-store.js';
import { indexCase } from '../search/search-index-store.js';

export interface CaseRow {
  id: number;
  case_no: string;
  lon: number;
  lat: number;
  description: string;
  photos: string;
  snapshot: string;
}

export interface NewCase {
  readonly snapshot: Omit<CaseSnapshot, 'id'>;
  readonly description: string;
  readonly location: { lon: number; lat: number };
  readonly photos: readonly string[];
  readonly externalId?: string;
  /** The import batch (import_batches) that brought the case in. */
  readonly importBatchId?: string;
}

export const toView = (row: CaseRow): CaseView => ({
  ...(JSON.parse(row.snapshot) as CaseSnapshot),
  caseNo: row.case_no,
  description: row.description,
  location: { lon: row.lon, lat: row.lat },
  photos: JSON.parse(row.photos) as string[],
});

/** Case numbers read like the county's: date of report (Beijing) + running number, e.g. 20261128-000042. */
function caseNumber(id: number, reportedAt: number): string {
  const day = new Date(reportedAt + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${String(id).padStart(6, '0')}`;
}

/**
 * Columns that mirror the snapshot, for queries and KPIs. `effectiveDueAt` is the lead's deadline with pauses
 * applied (the caller has the calendar); on-time is judged against it.
 */
function mirrored(s: Omit<CaseSnapshot, 'id'>, effectiveDueAt: number | undefined) {
  const closed = CLOSED_STATUSES.includes(s.status) && s.closedAt !== undefined;
  const dueAt = effectiveDueAt ?? s.dueAt ?? null;
  return {
    status: s.status,
    grade: s.grade,
    categoryCode: s.categoryCode,
    ownerUnitCode: s.ownerUnitCode,
    handlingLevel: s.handlingLevel,
    leadUnitCode: currentLeadLeg(s)?.unitCode ?? null,
    filedAt: s.filedAt ?? null,
    dueAt,
    closedAt: closed ? s.closedAt! : null,
    closedLevel: closed ? s.handlingLevel : null,
    closedOnTime: closed ? (dueAt === null || s.closedAt! <= dueAt ? 1 : 0) : null,
    supervisionCount: s.supervisionCount,
    reworkCount: s.reworkCount,
    rating: s.rating?.score ?? null,
  };
}

/**
 * Rewrites the case's rows in `case_holders` (common/cases/case-holders.ts) with its board facts: the table the board
 * and the change feed cut scopes on, so they hold exactly the cases the pushes go to.
 */
function writeHolders(db: HubDatabase, caseNo: string, s: Omit<CaseSnapshot, 'id'>, closedAt: number | null): void {
  const row = db.get<{ id: number }>(sql`SELECT id FROM cases WHERE case_no = ${caseNo}`);
  if (!row) return;
  // The word index follows every write of the case (its results and reporters change with moves).
  indexCase(db.raw, row.id);
  const open = BOARD_OPEN_STATUSES.includes(s.status) && closedAt === null ? 1 : 0;
  db.run(sql`DELETE FROM case_holders WHERE case_id = ${row.id}`);
  for (const code of caseHolders(s)) {
    db.run(
      sql`INSERT INTO case_holders (case_id, org_code, open, closed_at) VALUES (${row.id}, ${code}, ${open}, ${closedAt})`,
    );
  }
}

const statusIn = (statuses: readonly string[]) => sqlJoin(statuses.map((status) => sql`${status}`));

/** Inserts a case; its id (the case number) is only known here. Returns the stored view. */
/** The row id the next inserted case gets. */
function nextRowId(db: HubDatabase): number {
  // A bare max() over the rowid is answered from the b-tree's end; wrapped in coalesce() it would scan the table.
  return (db.get<{ last: number | null }>(sql`SELECT max(id) AS last FROM cases`)?.last ?? 0) + 1;
}

/** The number insertCase will give the next case reported at `reportedAt` (same transaction, nothing in between). */
export function nextCaseNo(db: HubDatabase, reportedAt: number): string {
  return caseNumber(nextRowId(db), reportedAt);
}

export function insertCase(db: HubDatabase, c: NewCase, effectiveDueAt?: number): CaseView {
  const rowId = nextRowId(db);
  const caseNo = caseNumber(rowId, c.snapshot.reportedAt);
  const snapshot: CaseSnapshot = { ...c.snapshot, id: caseNo };
  const m = mirrored(snapshot, effectiveDueAt);
  db.run(sql`
    INSERT INTO cases (id, case_no, external_id, import_batch_id, version, status, grade, source, category_code, grid_code, owner_unit_code,
                       handling_level, lon, lat, description, photos, lead_unit_code, reported_at, filed_at, due_at, closed_at,
                       closed_level, closed_on_time, supervision_count, rework_count, rating, snapshot)
    VALUES (${rowId}, ${caseNo}, ${c.externalId ?? null}, ${c.importBatchId ?? null}, ${snapshot.version}, ${m.status}, ${m.grade}, ${snapshot.source},
            ${m.categoryCode}, ${snapshot.gridCode}, ${m.ownerUnitCode}, ${m.handlingLevel}, ${c.location.lon},
            ${c.location.lat}, ${c.description}, ${JSON.stringify(c.photos)}, ${m.leadUnitCode}, ${snapshot.reportedAt},
            ${m.filedAt}, ${m.dueAt}, ${m.closedAt}, ${m.closedLevel}, ${m.closedOnTime}, ${m.supervisionCount}, ${m.reworkCount},
            ${m.rating}, ${JSON.stringify(snapshot)})`);
  writeHolders(db, caseNo, snapshot, m.closedAt);
  if (snapshot.disputeOutcome) writeDisputeOutcome(db, caseNo, snapshot.disputeOutcome);
  return { ...snapshot, caseNo, description: c.description, location: c.location, photos: [...c.photos] };
}

/** Writes a moved snapshot, guarded by the version it was moved from (a second guard behind the caller's check). */
export function saveCase(
  db: HubDatabase,
  snapshot: CaseSnapshot,
  fromVersion: number,
  effectiveDueAt?: number,
): boolean {
  const m = mirrored(snapshot, effectiveDueAt);
  const saved =
    db.run(sql`
      UPDATE cases SET version = ${snapshot.version}, status = ${m.status}, grade = ${m.grade},
        category_code = ${m.categoryCode}, owner_unit_code = ${m.ownerUnitCode}, handling_level = ${m.handlingLevel},
        lead_unit_code = ${m.leadUnitCode}, filed_at = ${m.filedAt}, due_at = ${m.dueAt}, closed_at = ${m.closedAt},
        closed_level = ${m.closedLevel}, closed_on_time = ${m.closedOnTime},
        supervision_count = ${m.supervisionCount}, rework_count = ${m.reworkCount}, rating = ${m.rating},
        snapshot = ${JSON.stringify(snapshot)}
      WHERE case_no = ${snapshot.id} AND version = ${fromVersion}`).changes === 1;
  if (saved) writeHolders(db, snapshot.id, snapshot, m.closedAt);
  if (saved && snapshot.disputeOutcome) writeDisputeOutcome(db, snapshot.id, snapshot.disputeOutcome);
  return saved;
}

export function getCase(db: HubDatabase, caseNo: string): CaseView | undefined {
  const row = db.get<CaseRow>(
    sql`SELECT id, case_no, lon, lat, description, photos, snapshot FROM cases WHERE case_no = ${caseNo}`,
  );
  return row && toView(row);
}

export function caseIdByExternalId(db: HubDatabase, externalId: string): string | undefined {
  return db.get<{ case_no: string }>(sql`SELECT case_no FROM cases WHERE external_id = ${externalId}`)?.case_no;
}

export function appendHistory(db: HubDatabase, entry: CaseHistoryRow): void {
  db.run(sql`
    INSERT INTO case_history (case_id, version, at, actor_user_id, actor_role, actor_unit_code, move, from_status,
                              to_status, leg_id, unit_code, note, note_code, note_params)
    SELECT id, ${entry.version}, ${entry.at}, ${entry.actor.userId}, ${entry.actor.role}, ${entry.actor.orgUnitCode},
           ${entry.move}, ${entry.from}, ${entry.to}, ${entry.legId ?? null}, ${entry.unitCode ?? null}, ${entry.note ?? null},
           ${entry.noteCode ?? null}, ${entry.noteParams ? JSON.stringify(entry.noteParams) : null}
    FROM cases WHERE case_no = ${entry.caseId}`);
}

export function listHistory(db: HubDatabase, caseNo: string): CaseHistoryRow[] {
  return db
    .all<{
      version: number;
      at: number;
      actor_user_id: string;
      actor_role: CaseHistoryRow['actor']['role'];
      actor_unit_code: string;
      move: CaseHistoryRow['move'];
      from_status: CaseHistoryRow['from'];
      to_status: CaseHistoryRow['to'];
      leg_id: string | null;
      unit_code: string | null;
      note: string | null;
      note_code: CaseHistoryRow['noteCode'] | null;
      note_params: string | null;
    }>(
      sql`
      SELECT h.version, h.at, h.actor_user_id, h.actor_role, h.actor_unit_code, h.move, h.from_status, h.to_status,
             h.leg_id, h.unit_code, h.note, h.note_code, h.note_params
      FROM case_history h JOIN cases c ON c.id = h.case_id WHERE c.case_no = ${caseNo} ORDER BY h.id`,
    )
    .map((r) => ({
      caseId: caseNo,
      version: r.version,
      at: r.at,
      actor: { userId: r.actor_user_id, role: r.actor_role, orgUnitCode: r.actor_unit_code },
      move: r.move,
      from: r.from_status,
      to: r.to_status,
      ...(r.leg_id ? { legId: r.leg_id } : {}),
      ...(r.unit_code ? { unitCode: r.unit_code } : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.note_code ? { noteCode: r.note_code } : {}),
      ...(r.note_params ? { noteParams: JSON.parse(r.note_params) as Record<string, string> } : {}),
    }));
}

/** Records a change in the feed; returns its sequence number. */
/** The supervision record of a 督办 move (the KPI counts them per unit), in the move's transaction. */
export function appendSupervision(
  db: HubDatabase,
  caseNo: string,
  entry: { unitCode: string; at: number; automatic: boolean; note: string | null },
): void {
  db.run(sql`
    INSERT INTO supervisions (case_id, unit_code, at, automatic, note)
    SELECT id, ${entry.unitCode}, ${entry.at}, ${entry.automatic ? 1 : 0}, ${entry.note} FROM cases WHERE case_no = ${caseNo}`);
}

export function appendChange(db: HubDatabase, caseNo: string, gridCode: string, at: number): number {
  db.run(
    sql`INSERT INTO case_changes (case_id, grid_code, at) SELECT id, ${gridCode}, ${at} FROM cases WHERE case_no = ${caseNo}`,
  );
  return Number(db.get<{ seq: number }>(sql`SELECT last_insert_rowid() AS seq`)!.seq);
}

export function lastChangeSeq(db: HubDatabase): number {
  return db.get<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM case_changes`)?.seq ?? 0;
}

/** The latest state of every case of the scope changed after `since`, oldest change first. */
export function changesSince(
  db: HubDatabase,
  scopeCode: string,
  since: number,
  limit: number,
): Array<{ seq: number; case: CaseView }> {
  return db
    .all<CaseRow & { seq: number }>(
      // The feed is walked from `since` on its rowid (NOT INDEXED keeps the planner off the per-case index, which
      // would scan every case); each change is kept when a holder of its case lies in the scope (case-holders.ts).
      sql`
      SELECT t.seq, c.id, c.case_no, c.lon, c.lat, c.description, c.photos, c.snapshot FROM (
        SELECT max(ch.seq) AS seq, ch.case_id FROM case_changes ch NOT INDEXED
        WHERE ch.seq > ${since}
          AND EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = ch.case_id AND ${inSubtree(sql`h.org_code`, scopeCode)})
        GROUP BY ch.case_id ORDER BY seq LIMIT ${limit}
      ) t CROSS JOIN cases c ON c.id = t.case_id ORDER BY t.seq`,
    )
    .map((row) => ({ seq: row.seq, case: toView(row) }));
}

/**
 * The board (common/cases/board-rule.ts) of the scope: cases a unit of the scope holds (case-holders.ts) that are
 * open, or closed since `closedSince`; newest report first.
 */
export function listBoard(db: HubDatabase, scopeCode: string, closedSince: number, limit: number): CaseView[] {
  // Two indexed halves (open cases by holder; closed ones by closing time) instead of one OR that scans the scope.
  // A case held by several units of the scope appears once: the halves pick distinct case ids.
  return db
    .all<CaseRow>(
      sql`
      SELECT c.id, c.case_no, c.lon, c.lat, c.description, c.photos, c.snapshot FROM (
        SELECT DISTINCT case_id FROM case_holders INDEXED BY case_holders_open
        WHERE open = 1 AND ${inSubtree(sql`org_code`, scopeCode)}
        UNION
        SELECT DISTINCT case_id FROM case_holders INDEXED BY case_holders_closed
        WHERE closed_at IS NOT NULL AND closed_at >= ${closedSince} AND ${inSubtree(sql`org_code`, scopeCode)}
      ) h JOIN cases c ON c.id = h.case_id
      WHERE (c.closed_at IS NULL AND c.status IN (${statusIn(BOARD_OPEN_STATUSES)}))
         OR (c.closed_at >= ${closedSince} AND c.status IN (${statusIn(BOARD_CLOSED_STATUSES)}))
      ORDER BY c.reported_at DESC LIMIT ${limit}`,
    )
    .map(toView);
}

/** Open cases of the same category reported near a point since `since` (duplicate candidates). */
/** An open case near a new report, as the duplicate hint needs it: columns only, no snapshot to parse. */
export interface NearbyOpenCase {
  readonly caseId: string;
  readonly location: { lon: number; lat: number };
  readonly reportedAt: number;
  readonly status: CaseView['status'];
}

export function openCasesNear(
  db: HubDatabase,
  categoryCode: string,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
  since: number,
): NearbyOpenCase[] {
  return db
    .all<{ case_no: string; lon: number; lat: number; reported_at: number; status: CaseView['status'] }>(
      sql`
      SELECT case_no, lon, lat, reported_at, status FROM cases
      WHERE category_code = ${categoryCode} AND reported_at >= ${since} AND closed_at IS NULL
        AND status IN (${statusIn(OPEN_STATUSES)})
        AND lon BETWEEN ${box.minLon} AND ${box.maxLon} AND lat BETWEEN ${box.minLat} AND ${box.maxLat}`,
    )
    .map((row) => ({
      caseId: row.case_no,
      location: { lon: row.lon, lat: row.lat },
      reportedAt: row.reported_at,
      status: row.status,
    }));
}

/** Open legs past their deadline and not yet supervised since they fell due (the supervision timer's work list). */
export function overdueOpenCaseIds(db: HubDatabase, now: number, limit: number): string[] {
  return db
    .all<{ case_no: string }>(
      sql`
      SELECT case_no FROM cases WHERE closed_at IS NULL AND due_at IS NOT NULL AND due_at < ${now}
        AND status IN ('dispatched', 'in_progress') ORDER BY due_at LIMIT ${limit}`,
    )
    .map((r) => r.case_no);
}
