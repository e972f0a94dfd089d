/**
 * SQL of recording (migration 0028): the segment index, policies and event marks. Paths are relative to the
 * recordings root so a county can move the folder; the recorder turns them into files.
 */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface SegmentRow {
  readonly id: number;
  readonly cameraId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly path: string;
  readonly bytes: number;
}

interface Row {
  id: number;
  camera_id: string;
  start_ms: number;
  end_ms: number;
  path: string;
  bytes: number;
}

const toSegment = (r: Row): SegmentRow => ({
  id: r.id,
  cameraId: r.camera_id,
  startMs: r.start_ms,
  endMs: r.end_ms,
  path: r.path,
  bytes: r.bytes,
});

export function insertSegment(db: HubDatabase, s: Omit<SegmentRow, 'id'>): void {
  db.run(sql`
    INSERT INTO recording_segments (camera_id, start_ms, end_ms, path, bytes)
    VALUES (${s.cameraId}, ${s.startMs}, ${s.endMs}, ${s.path}, ${s.bytes})
    ON CONFLICT (path) DO NOTHING`);
}

/** Segments of a camera overlapping [fromMs, toMs), in time order. */
export function segmentsBetween(db: HubDatabase, cameraId: string, fromMs: number, toMs: number): SegmentRow[] {
  return db
    .all<Row>(
      sql`SELECT * FROM recording_segments
          WHERE camera_id = ${cameraId} AND start_ms < ${toMs} AND end_ms > ${fromMs}
          ORDER BY start_ms`,
    )
    .map(toSegment);
}

export function allSegmentPaths(db: HubDatabase): Map<string, number> {
  const rows = db.all<{ id: number; path: string }>(sql`SELECT id, path FROM recording_segments`);
  return new Map(rows.map((r) => [r.path, r.id]));
}

export function deleteSegment(db: HubDatabase, id: number): void {
  db.run(sql`DELETE FROM recording_segments WHERE id = ${id}`);
}

export function totalBytes(db: HubDatabase): number {
  return db.get<{ n: number | null }>(sql`SELECT sum(bytes) AS n FROM recording_segments`)?.n ?? 0;
}

/** The oldest segments first (retention and quota delete from the front of this list). */
export function oldestSegments(db: HubDatabase, limit: number): SegmentRow[] {
  return db.all<Row>(sql`SELECT * FROM recording_segments ORDER BY start_ms, id LIMIT ${limit}`).map(toSegment);
}

export type RecordingMode = 'off' | 'continuous' | 'events';

export interface RecordingPolicy {
  readonly mode: RecordingMode;
  readonly preSeconds: number;
  readonly postSeconds: number;
}

export function setPolicy(
  db: HubDatabase,
  target: { cameraId: string } | { unitCode: string },
  policy: RecordingPolicy,
  now: number,
  /** The administrator's username; null when the hub sets it itself (GRID_RECORDING_CAMERAS). */
  updatedBy: string | null = null,
): void {
  const cameraId = 'cameraId' in target ? target.cameraId : null;
  const unitCode = 'unitCode' in target ? target.unitCode : null;
  db.transaction(() => {
    db.run(sql`DELETE FROM recording_policies WHERE camera_id IS ${cameraId} AND unit_code IS ${unitCode}`);
    db.run(sql`
      INSERT INTO recording_policies (camera_id, unit_code, mode, pre_seconds, post_seconds, updated_at, updated_by)
      VALUES (${cameraId}, ${unitCode}, ${policy.mode}, ${policy.preSeconds}, ${policy.postSeconds}, ${now},
        ${updatedBy})`);
  });
}

/**
 * The policy in force for every camera in service that has one: its own row, else its nearest ancestor unit's.
 * Walking the unit tree in SQL (recursive CTE) keeps this one query however deep the county's tree is. A retired
 * camera refuses every stream, so it is not recorded either (and takes no place under GRID_RECORDING_MAX_CAMERAS).
 */
export function effectivePolicies(db: HubDatabase): Map<string, RecordingPolicy> {
  const rows = db.all<{ camera_id: string; mode: RecordingMode; pre_seconds: number; post_seconds: number }>(sql`
    WITH RECURSIVE up (camera_id, unit_code, depth) AS (
      SELECT id, org_unit_code, 1 FROM cameras WHERE retired_at IS NULL
      UNION ALL
      SELECT up.camera_id, o.parent_code, up.depth + 1 FROM up JOIN org_units o ON o.code = up.unit_code
      WHERE o.parent_code IS NOT NULL
    ),
    candidates AS (
      SELECT c.id AS camera_id, 0 AS depth, p.mode, p.pre_seconds, p.post_seconds
        FROM cameras c JOIN recording_policies p ON p.camera_id = c.id WHERE c.retired_at IS NULL
      UNION ALL
      SELECT up.camera_id, up.depth, p.mode, p.pre_seconds, p.post_seconds
        FROM up JOIN recording_policies p ON p.unit_code = up.unit_code
    )
    SELECT camera_id, mode, pre_seconds, post_seconds FROM candidates c
    WHERE depth = (SELECT min(depth) FROM candidates d WHERE d.camera_id = c.camera_id)
    ORDER BY camera_id`);
  return new Map(
    rows.map((r) => [r.camera_id, { mode: r.mode, preSeconds: r.pre_seconds, postSeconds: r.post_seconds }]),
  );
}

export function addMark(db: HubDatabase, cameraId: string, atMs: number, reason: string): void {
  db.run(sql`INSERT INTO recording_marks (camera_id, at_ms, reason) VALUES (${cameraId}, ${atMs}, ${reason})`);
}

/** Whether a mark's keep-window [at − pre, at + post] overlaps [startMs, endMs). */
export function isNearMark(
  db: HubDatabase,
  cameraId: string,
  startMs: number,
  endMs: number,
  policy: RecordingPolicy,
): boolean {
  const row = db.get<{ one: number }>(sql`
    SELECT 1 AS one FROM recording_marks
    WHERE camera_id = ${cameraId} AND at_ms > ${startMs - policy.postSeconds * 1000}
      AND at_ms < ${endMs + policy.preSeconds * 1000}
    LIMIT 1`);
  return row !== undefined;
}

/** Does any camera or unit record around events at all? (Reports skip the policy walk when none does.) */
export function anyEventsPolicy(db: HubDatabase): boolean {
  return db.get(sql`SELECT 1 AS one FROM recording_policies WHERE mode = 'events' LIMIT 1`) !== undefined;
}

/** Cameras inside a lon/lat box (a report's neighbourhood). */
export function camerasInBox(
  db: HubDatabase,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
): Array<{ id: string; lon: number; lat: number }> {
  return db.all<{ id: string; lon: number; lat: number }>(sql`
    SELECT id, lon, lat FROM cameras
    WHERE lat BETWEEN ${box.minLat} AND ${box.maxLat} AND lon BETWEEN ${box.minLon} AND ${box.maxLon}`);
}

/** One segment of this camera overlapping [fromMs, toMs): what a playback ticket may fetch, nothing else. */
export function segmentInRange(
  db: HubDatabase,
  id: number,
  cameraId: string,
  fromMs: number,
  toMs: number,
): { path: string } | undefined {
  return db.get<{ path: string }>(sql`
    SELECT path FROM recording_segments WHERE id = ${id} AND camera_id = ${cameraId}
      AND start_ms < ${toMs} AND end_ms > ${fromMs}`);
}

export function cameraExists(db: HubDatabase, cameraId: string): boolean {
  return db.get(sql`SELECT 1 AS one FROM cameras WHERE id = ${cameraId}`) !== undefined;
}

/** A camera's main stream source (never leaves the hub), or undefined for an unknown camera. */
export function cameraMainStream(db: HubDatabase, cameraId: string): string | undefined {
  return db.get<{ main_stream: string }>(sql`SELECT main_stream FROM cameras WHERE id = ${cameraId}`)?.main_stream;
}

/** A camera's segments that ended in [fromMs, beforeMs), oldest first (the events keep-window's sweep). */
export function segmentsEndedBetween(
  db: HubDatabase,
  cameraId: string,
  fromMs: number,
  beforeMs: number,
): SegmentRow[] {
  return db
    .all<Row>(
      sql`
      SELECT id, camera_id, start_ms, end_ms, path, bytes FROM recording_segments
      WHERE camera_id = ${cameraId} AND end_ms >= ${fromMs} AND end_ms < ${beforeMs} ORDER BY start_ms`,
    )
    .map(toSegment);
}
