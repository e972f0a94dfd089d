/**
 * Case-bound grants (借调): the county lends a township (or village) room one camera outside its scope, for one case
 * and until a set time. A grant applies to users of exactly the grantee unit, the room that asked, not to the units
 * below it. It ends at `until`, when revoked, or when its case closes (`endGrantsForCase`, called by the cases code).
 * Media requests look grants up live, so an ended grant stops the stream at the next segment.
 */
import { randomUUID } from 'node:crypto';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope, levelOfCode } from '../../common/org.js';
import { canAct, roleAllows } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { CameraGrant, CameraGrantRequest } from '../../common/video-schemas.js';
import { getCamera } from '../cameras/cameras-store.js';
import { requireCitedCase, unitHoldsCase } from '../cases/held-case.js';
import { getOrgUnit } from '../org/org-units-store.js';
import type { HubContext } from '../hub-context.js';
import { endGrant, findGrant, insertGrant, listGrants, openGrantIdsForCase, toGrant } from './grants-store.js';
import { appendAudit } from './view-audit-store.js';

export const MAX_GRANT_MS = 30 * 24 * 3600_000;
const RECENTLY_ENDED_MS = 7 * 24 * 3600_000;

const forbidden = (message: string) => new GridCommandError('forbidden', message);
const invalid = (field: string, message: string) => new GridCommandError('validation_failed', message, field);

const who = (u: User) => ({ id: u.id, username: u.username, displayName: u.displayName, orgUnitCode: u.orgUnitCode });

export function createGrant(hub: HubContext, user: User, body: CameraGrantRequest): CameraGrant {
  if (!roleAllows(user, 'camera.grant')) throw forbidden('your role cannot lend cameras');
  const camera = getCamera(hub.db, body.cameraId);
  if (!camera || !canAct(user, 'camera.grant', camera.orgUnitCode)) {
    throw forbidden('you can only lend cameras in your own area');
  }
  const grantee = getOrgUnit(hub.db, body.granteeUnitCode);
  const level = levelOfCode(body.granteeUnitCode);
  if (!grantee || (level !== 'township' && level !== 'village')) {
    throw invalid('granteeUnitCode', 'lend to a township or village room');
  }
  if (isWithinScope(grantee.code, camera.orgUnitCode)) {
    throw invalid('granteeUnitCode', 'the camera is already in that unit’s area');
  }
  // A grant bound to a case ends when the case does, so the case must be real, open, and one the grantee works on.
  if (body.caseId !== undefined) {
    const c = requireCitedCase(hub.db, user, body.caseId, 'caseId');
    if (!unitHoldsCase(grantee.code, c)) {
      throw new GridCommandError('case_not_held', `Case ${c.id} is not held by ${grantee.code}`, 'caseId', 400);
    }
  }
  const now = hub.now();
  const until = Date.parse(body.until);
  if (!(until > now) || until - now > MAX_GRANT_MS) {
    throw invalid('until', 'until must lie within the next 30 days');
  }
  const id = randomUUID();
  hub.db.transaction(() => {
    insertGrant(hub.db, {
      id,
      cameraId: camera.id,
      granteeUnitCode: grantee.code,
      caseId: body.caseId ?? null,
      by: user.id,
      at: now,
      until,
      maySteer: body.maySteer === true,
    });
    appendAudit(hub.db, {
      kind: 'grant_created',
      at: now,
      who: who(user),
      camera,
      caseId: body.caseId ?? null,
      from: now,
      to: until,
      detail: JSON.stringify({ grantId: id, granteeUnitCode: grantee.code, maySteer: body.maySteer === true }),
    });
  });
  return toGrant(hub.db, findGrant(hub.db, id)!, now);
}

export function revokeGrant(hub: HubContext, user: User, grantId: string): CameraGrant {
  const row = findGrant(hub.db, grantId);
  const camera = row && getCamera(hub.db, row.camera_id);
  if (!row || !camera || !canAct(user, 'camera.grant', camera.orgUnitCode)) {
    throw forbidden('you cannot revoke this grant');
  }
  const now = hub.now();
  hub.db.transaction(() => {
    if (!endGrant(hub.db, grantId, now, 'revoked', user.id)) {
      throw new GridCommandError('conflict', 'the grant has already ended');
    }
    appendAudit(hub.db, {
      kind: 'grant_ended',
      at: now,
      who: who(user),
      camera,
      caseId: row.case_id,
      from: row.granted_at,
      to: now,
      detail: JSON.stringify({ grantId, granteeUnitCode: row.grantee_unit_code, endReason: 'revoked' }),
    });
  });
  return toGrant(hub.db, findGrant(hub.db, grantId)!, now);
}

/**
 * Ends every open grant bound to `caseId` (the same string the grant was created with); returns how many. Call it in
 * the transaction that closes the case, or right after; the grantee loses the stream at its next media request.
 */
export function endGrantsForCase(hub: Pick<HubContext, 'db' | 'now'>, caseId: string): number {
  const now = hub.now();
  return hub.db.transaction(() => {
    let ended = 0;
    for (const id of openGrantIdsForCase(hub.db, caseId)) {
      const row = findGrant(hub.db, id);
      const camera = row && getCamera(hub.db, row.camera_id);
      if (!row || !camera || !endGrant(hub.db, id, now, 'case_closed', null)) continue;
      appendAudit(hub.db, {
        kind: 'grant_ended',
        at: now,
        who: null,
        camera,
        caseId,
        from: row.granted_at,
        to: now,
        detail: JSON.stringify({ grantId: id, granteeUnitCode: row.grantee_unit_code, endReason: 'case_closed' }),
      });
      ended++;
    }
    return ended;
  });
}

export function listGrantsFor(hub: HubContext, user: User): CameraGrant[] {
  if (!roleAllows(user, 'camera.view') && !roleAllows(user, 'camera.grant')) {
    throw forbidden('not permitted for your role');
  }
  const now = hub.now();
  const grants = roleAllows(user, 'camera.grant');
  return listGrants(hub.db, { orgUnitCode: user.orgUnitCode, grants }, now, RECENTLY_ENDED_MS).map((row) =>
    toGrant(hub.db, row, now),
  );
}
