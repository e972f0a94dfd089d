/**
 * The few indexed lookups a stream check needs, read fresh from the database on every media request (each is a
 * primary-key or partial-index probe, microseconds) so a revoked session, a moved user or an ended grant is refused at
 * the very next playlist or segment.
 */
import { getCamera, type CameraRecord } from '../cameras/cameras-store.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface SessionState {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export function findSessionById(db: HubDatabase, id: string): SessionState | undefined {
  const row = db.get<{ id: string; user_id: string; expires_at: number; revoked_at: number | null }>(sql`
    SELECT id, user_id, expires_at, revoked_at FROM sessions WHERE id = ${id}`);
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/** A camera with its stream sources: for the hub's own use only, never for a response. */
export function getCameraWithSources(db: HubDatabase, id: string): CameraRecord | undefined {
  const camera = getCamera(db, id);
  if (!camera) return undefined;
  const row = db.get<{ main_stream: string; sub_stream: string }>(sql`
    SELECT main_stream, sub_stream FROM cameras WHERE id = ${id}`);
  return row && { ...camera, mainStream: row.main_stream, subStream: row.sub_stream };
}

/** Is the camera lent to exactly this unit right now (grant not ended, `until` ahead)? */
export function isCameraLentTo(db: HubDatabase, cameraId: string, unitCode: string, now: number): boolean {
  return (
    db.get(sql`
      SELECT 1 AS ok FROM camera_grants
      WHERE grantee_unit_code = ${unitCode} AND camera_id = ${cameraId} AND ended_at IS NULL AND until > ${now}
      LIMIT 1`) !== undefined
  );
}

/** The grant set `canViewCamera` takes, cut to the one camera asked about. */
export function grantedSetFor(db: HubDatabase, cameraId: string, unitCode: string, now: number): ReadonlySet<string> {
  return isCameraLentTo(db, cameraId, unitCode, now) ? new Set([cameraId]) : new Set();
}
