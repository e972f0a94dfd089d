/**
 * The check every media request passes (playlist, segment, or an external media server's authorize call): a token
 * this hub signed, not expired, for this camera (and this client address), whose session is still live, whose user
 * still holds a role that views cameras, and for whom the camera is — right now — in scope or lent.
 */
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canViewCamera } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import type { HubDatabase } from '../db/database.js';
import { findUserById, publicUser } from '../auth/users-store.js';
import { findSessionById, getCameraWithSources, grantedSetFor } from './access-facts.js';
import { normalizeAddress, verifyStreamToken, type StreamTokenClaims } from './stream-token.js';

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

const refused = (code: string, message: string, status: number) =>
  new GridCommandError(code, message, undefined, status);

export function checkMediaAccess(
  deps: MediaAccessDeps,
  request: { token: string | undefined; cameraId: string; ip: string | undefined },
): MediaAccess {
  const claims = verifyStreamToken(deps.secret, request.token);
  const now = deps.now();
  if (claims.exp <= now) throw refused('token_expired', '播放凭证已过期 / stream token expired', 401);
  const ip = normalizeAddress(request.ip);
  if (claims.cam !== request.cameraId || (deps.bindToAddress && claims.ip !== undefined && claims.ip !== ip)) {
    throw refused('forbidden', '播放凭证不适用于此请求 / this stream token is not for this request', 403);
  }
  const session = findSessionById(deps.db, claims.sid);
  if (!session || session.revokedAt !== null || session.userId !== claims.uid) {
    throw refused('unauthenticated', '会话无效或已注销 / invalid or revoked session', 401);
  }
  if (session.expiresAt <= now) throw refused('unauthenticated', '会话已过期 / session expired', 401);
  const record = findUserById(deps.db, claims.uid);
  if (!record || record.disabled) throw refused('unauthenticated', '账号已停用 / account disabled', 401);
  const user = publicUser(record);
  const camera = getCameraWithSources(deps.db, claims.cam);
  // Grants are only looked up for cameras outside the user's own subtree.
  const lent = camera && !isWithinScope(user.orgUnitCode, camera.orgUnitCode);
  if (
    !camera ||
    !canViewCamera(user, camera, lent ? grantedSetFor(deps.db, camera.id, user.orgUnitCode, now) : undefined)
  ) {
    throw refused('forbidden', '无权查看此摄像机 / camera outside your scope', 403);
  }
  return { claims, user, camera, ip };
}
