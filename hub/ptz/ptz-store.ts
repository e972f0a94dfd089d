/** SQL of PTZ: a camera's driver facts, the loan's steer flag, and the append-only PTZ audit (migration 0026). */
import type { PtzAction, PtzAuditEntry } from '../../common/ptz-schemas.js';
import type { User } from '../../common/schemas.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

/** The camera's ONVIF endpoint and account, for the driver only: never put in a response or a log line. */
export function onvifTargetOf(
  db: HubDatabase,
  cameraId: string,
): { url: string; username: string | null; password: string | null } | null {
  const row = db.get<{ onvif_url: string | null; onvif_username: string | null; onvif_password: string | null }>(sql`
    SELECT onvif_url, onvif_username, onvif_password FROM cameras WHERE id = ${cameraId}`);
  return row?.onvif_url ? { url: row.onvif_url, username: row.onvif_username, password: row.onvif_password } : null;
}

/** The live loan of this camera to exactly this unit, with its steer flag; null when there is none. */
export function liveLoanOf(
  db: HubDatabase,
  cameraId: string,
  unitCode: string,
  now: number,
): { maySteer: boolean } | null {
  const row = db.get<{ may_steer: number }>(sql`
    SELECT max(may_steer) AS may_steer FROM camera_grants
    WHERE grantee_unit_code = ${unitCode} AND camera_id = ${cameraId} AND ended_at IS NULL AND until > ${now}
    HAVING count(*) > 0`);
  return row ? { maySteer: row.may_steer === 1 } : null;
}

export function appendPtzAudit(
  db: HubDatabase,
  entry: { at: number; user: User; camera: CameraRecord; command: PtzAction; detail: Record<string, unknown> },
): void {
  const { user, camera } = entry;
  db.run(sql`
    INSERT INTO ptz_audit (at, user_id, username, user_display_name, user_unit_code, camera_id, camera_code,
                           camera_name, camera_unit_code, command, detail)
    VALUES (${entry.at}, ${user.id}, ${user.username}, ${user.displayName}, ${user.orgUnitCode}, ${camera.id},
            ${camera.code}, ${camera.name}, ${camera.orgUnitCode}, ${entry.command}, ${JSON.stringify(entry.detail)})`);
}

export function listPtzAudit(db: HubDatabase, cameraId: string, limit = 200): PtzAuditEntry[] {
  return db
    .all<{
      at: number;
      username: string;
      user_display_name: string;
      camera_id: string;
      camera_name: string;
      command: PtzAction;
      detail: string;
    }>(
      sql`
      SELECT at, username, user_display_name, camera_id, camera_name, command, detail FROM ptz_audit
      WHERE camera_id = ${cameraId} ORDER BY id DESC LIMIT ${limit}`,
    )
    .map((r) => ({
      at: new Date(r.at).toISOString(),
      username: r.username,
      userDisplayName: r.user_display_name,
      cameraId: r.camera_id,
      cameraName: r.camera_name,
      command: r.command,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
}
