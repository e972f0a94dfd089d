/**
 * The playback timeline's case markers: cases reported within the event-mark radius of a camera in [from, to] — the
 * reverse of event-marks.ts (cameras near a case). Scoped like the board, in SQL: a case appears only when a unit of
 * the caller's scope holds it (case_holders), so a township never sees its neighbour's cases on a camera it was lent.
 */
import { MAX_CASE_MARKS, type CaseMark } from '../../common/recording-schemas.js';
import type { CaseStatus } from '../../common/cases.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';
import { boxAround, MARK_RADIUS_M } from './event-marks.js';

interface Row {
  case_no: string;
  category_code: string;
  reported_at: number;
  status: CaseStatus;
  lon: number;
  lat: number;
}

/** Metres between two points (equirectangular: exact enough at 300 m). */
function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const k = 111_320;
  const dx = (a.lon - b.lon) * k * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dy = (a.lat - b.lat) * k;
  return Math.hypot(dx, dy);
}

export function caseMarksNear(
  db: HubDatabase,
  camera: { lon: number; lat: number },
  scopeCode: string,
  fromMs: number,
  toMs: number,
): CaseMark[] {
  const box = boxAround(camera, MARK_RADIUS_M);
  const rows = db.all<Row>(sql`
    SELECT c.case_no, c.category_code, c.reported_at, c.status, c.lon, c.lat FROM cases c
    WHERE c.reported_at >= ${fromMs} AND c.reported_at <= ${toMs}
      AND c.lon BETWEEN ${box.minLon} AND ${box.maxLon} AND c.lat BETWEEN ${box.minLat} AND ${box.maxLat}
      AND EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = c.id AND ${inSubtree(sql`h.org_code`, scopeCode)})
    ORDER BY c.reported_at LIMIT ${MAX_CASE_MARKS}`);
  return rows
    .filter((r) => metresBetween(r, camera) <= MARK_RADIUS_M)
    .map((r) => ({
      id: r.case_no,
      number: r.case_no,
      category: r.category_code,
      reportedAt: new Date(r.reported_at).toISOString(),
      status: r.status,
    }));
}
