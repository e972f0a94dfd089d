/**
 * The check every media request passes (playlist, segment, or an external media server's authorize call): a token
 * this hub signed, not expired, for this camera (and this client address), whose session is still live, whose user
 * still holds a role that views cameras, and for whom the camera is — right now — in scope or lent.
 */
import { GridCommandError, type ErrorCode } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canViewCamera } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import type { HubDatabase } from '../db/database.js';
import { findUserById, publicUser } from '../auth/users-store.js';
import { findSessionById, getCameraWithSources, grantedSetFor } from './access-facts.js';
import { normalizeAddress, verifyStreamToken, type StreamTokenClaims } from './stream-token.js';
import type { ViewSessions } from './view-sessions.js';

export interface MediaAccessDeps {
  readonly db: HubDatabase;
  readonly now: () => number;
  readonly secret: Buffer;
  /** Refuse a token presented from another address than the one it was issued to. */
  readonly bindToAddress: boolean;
}

export interface MediaAccess {
  readonly claims: StreamTokenClaims;
  readonly user: User;
  readonly camera: CameraRecord;
  readonly ip: string | undefined;
}

const refused = (code: ErrorCode, message: string) => new GridCommandError(code, message);

export function checkMediaAccess(
  deps: MediaAccessDeps,
  request: { token: string | undefined; cameraId: string; ip: string | undefined },
): MediaAccess {
  const claims = verifyStreamToken(deps.secret, request.token);
  const now = deps.now();
  if (claims.exp <= now) throw refused('token_expired', 'stream token expired');
  const ip = normalizeAddress(request.ip);
  if (claims.cam !== request.cameraId || (deps.bindToAddress && claims.ip !== undefined && claims.ip !== ip)) {
    throw refused('forbidden', 'this stream token is not for this request');
  }
  const session = findSessionById(deps.db, claims.sid);
  if (!session || session.revokedAt !== null || session.userId !== claims.uid) {
    throw refused('unauthenticated', 'invalid or revoked session');
  }
  if (session.expiresAt <= now) throw refused('unauthenticated', 'session expired');
  const record = findUserById(deps.db, claims.uid);
  if (!record || record.disabled) throw refused('unauthenticated', 'account disabled');
  const user = publicUser(record);
  const camera = getCameraWithSources(deps.db, claims.cam);
  // Grants are only looked up for cameras outside the user's own subtree.
  const lent = camera && !isWithinScope(user.orgUnitCode, camera.orgUnitCode);
  if (
    !camera ||
    !canViewCamera(user, camera, lent ? grantedSetFor(deps.db, camera.id, user.orgUnitCode, now) : undefined)
  ) {
    throw refused('forbidden', 'camera outside your scope');
  }
  return { claims, user, camera, ip };
}

/** An authorised media request is viewing: it opens or extends the (session, camera, quality) view in the audit. */
export function touchView(views: ViewSessions, access: MediaAccess): void {
  const { user, camera, claims } = access;
  views.touch({
    who: { id: user.id, username: user.username, displayName: user.displayName, orgUnitCode: user.orgUnitCode },
    camera,
    sessionId: claims.sid,
    quality: claims.q,
    tokenId: claims.jti,
    ip: access.ip,
  });
}
