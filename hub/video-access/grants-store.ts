/** SQL of case-bound camera grants (see camera-grants.ts for the rules). */
import type { CameraGrant } from '../../common/video-schemas.js';
import { getCamera } from '../cameras/cameras-store.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql, type SqlFragment } from '../db/sql.js';

export interface GrantRow {
  id: string;
  camera_id: string;
  grantee_unit_code: string;
  grantee_unit_name: string;
  case_id: string | null;
  granted_by_name: string;
  granted_at: number;
  until: number;
  ended_at: number | null;
  end_reason: 'revoked' | 'case_closed' | null;
  may_steer: number;
}

const SELECT_GRANT = sql`
  SELECT g.id, g.camera_id, g.grantee_unit_code, o.name AS grantee_unit_name, g.case_id,
         u.display_name AS granted_by_name, g.granted_at, g.until, g.ended_at, g.end_reason,
         g.may_steer
  FROM camera_grants g
  JOIN org_units o ON o.code = g.grantee_unit_code
  JOIN users u ON u.id = g.granted_by
  JOIN cameras c ON c.id = g.camera_id`;

const iso = (ms: number) => new Date(ms).toISOString();

export function toGrant(db: HubDatabase, row: GrantRow, now: number): CameraGrant {
  const camera = getCamera(db, row.camera_id);
  if (!camera) throw new Error(`grant ${row.id} names a missing camera`);
  return {
    id: row.id,
    camera,
    granteeUnitCode: row.grantee_unit_code,
    granteeUnitName: row.grantee_unit_name,
    caseId: row.case_id,
    grantedBy: row.granted_by_name,
    grantedAt: iso(row.granted_at),
    until: iso(row.until),
    endedAt: row.ended_at === null ? null : iso(row.ended_at),
    endReason: row.end_reason,
    active: row.ended_at === null && row.until > now,
    maySteer: row.may_steer === 1,
  };
}

export function insertGrant(
  db: HubDatabase,
  g: {
    id: string;
    cameraId: string;
    granteeUnitCode: string;
    caseId: string | null;
    by: string;
    at: number;
    until: number;
    maySteer: boolean;
  },
): void {
  db.run(sql`
    INSERT INTO camera_grants (id, camera_id, grantee_unit_code, case_id, granted_by, granted_at, until, may_steer)
    VALUES (${g.id}, ${g.cameraId}, ${g.granteeUnitCode}, ${g.caseId}, ${g.by}, ${g.at}, ${g.until},
            ${g.maySteer ? 1 : 0})`);
}

export function findGrant(db: HubDatabase, id: string): GrantRow | undefined {
  return db.get<GrantRow>(sql`${SELECT_GRANT} WHERE g.id = ${id}`);
}

/** Ends a grant that has not ended yet; false when it already had. */
export function endGrant(
  db: HubDatabase,
  id: string,
  at: number,
  reason: 'revoked' | 'case_closed',
  by: string | null,
): boolean {
  return (
    db.run(sql`
      UPDATE camera_grants SET ended_at = ${at}, end_reason = ${reason}, ended_by = ${by}
      WHERE id = ${id} AND ended_at IS NULL`).changes === 1
  );
}

/** Grants not yet ended that name this case (whether or not `until` has passed). */
export function openGrantIdsForCase(db: HubDatabase, caseId: string): string[] {
  return db
    .all<{ id: string }>(sql`SELECT id FROM camera_grants WHERE case_id = ${caseId} AND ended_at IS NULL`)
    .map((r) => r.id);
}

/**
 * What a user sees of grants: a granting unit the grants on cameras in its subtree, a grantee the grants lent to its
 * own unit. Live grants plus those that ended in the last `recentMs`.
 */
export function listGrants(
  db: HubDatabase,
  who: { orgUnitCode: string; grants: boolean },
  now: number,
  recentMs: number,
): GrantRow[] {
  const whose: SqlFragment = who.grants
    ? inSubtree(sql`c.org_unit_code`, who.orgUnitCode)
    : sql`g.grantee_unit_code = ${who.orgUnitCode}`;
  const since = now - recentMs;
  return db.all<GrantRow>(sql`
    ${SELECT_GRANT} WHERE ${whose} AND coalesce(g.ended_at, g.until) > ${since}
    ORDER BY g.granted_at DESC LIMIT 500`);
}
