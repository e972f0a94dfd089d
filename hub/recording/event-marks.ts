/**
 * "Around events" recording: a case reported near a camera whose policy is `events` marks that moment on the camera,
 * so retention keeps the footage from pre_seconds before to post_seconds after it. Written in the report's own
 * transaction: the mark exists exactly when the case does.
 */
import type { HubDatabase } from '../db/database.js';
import { addMark, anyEventsPolicy, camerasInBox, effectivePolicies } from './recording-store.js';

/** Cameras within this distance of a report see it (a village gate, a street corner). */
export const MARK_RADIUS_M = 300;

/** The lon/lat box around a point that holds everything within `radiusM` (a case near a camera, or the reverse). */
export function boxAround(at: { lon: number; lat: number }, radiusM: number) {
  const dLat = radiusM / 111_320;
  const dLon = dLat / Math.max(0.1, Math.cos((at.lat * Math.PI) / 180));
  return { minLon: at.lon - dLon, maxLon: at.lon + dLon, minLat: at.lat - dLat, maxLat: at.lat + dLat };
}

export function markCamerasNear(
  db: HubDatabase,
  at: { lon: number; lat: number },
  atMs: number,
  caseId: string,
): number {
  // Nothing to do (and no policy walk) unless some camera or unit records around events at all.
  if (!anyEventsPolicy(db)) return 0;
  const near = camerasInBox(db, boxAround(at, MARK_RADIUS_M));
  if (near.length === 0) return 0;
  const policies = effectivePolicies(db);
  let marked = 0;
  for (const camera of near) {
    if (policies.get(camera.id)?.mode !== 'events') continue;
    addMark(db, camera.id, atMs, `case ${caseId}`.slice(0, 80));
    marked++;
  }
  return marked;
}
