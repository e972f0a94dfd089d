/**
 * Playback tokens: signed like stream tokens (hub/video-access/stream-token.ts, the same secret) under their own
 * domain string, so a live token can never be replayed as a playback one or the other way round. They bind user ×
 * session × camera × [from, to] (× client address) and expire like live tickets; every request re-checks the session
 * and the scope against the database (checkPlaybackAccess).
 */
import { z } from 'zod';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canViewCamera } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import { findUserById, publicUser } from '../auth/users-store.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import { findSessionById, getCameraWithSources, grantedSetFor } from '../video-access/access-facts.js';
import type { MediaAccessDeps } from '../video-access/media-access.js';
import { signedTokens } from '../video-access/signed-token.js';
import { normalizeAddress } from '../video-access/stream-token.js';

const Claims = z.strictObject({
  v: z.literal(1),
  sid: z.string().min(1),
  uid: z.string().min(1),
  cam: z.string().min(1),
  from: z.number().int(),
  to: z.number().int(),
  exp: z.number().int().positive(),
  ip: z.string().optional(),
  jti: z.string().min(1),
});
export type PlaybackClaims = z.infer<typeof Claims>;

const tokens = signedTokens('gcpb1.', Claims, 'playback token');

export const signPlaybackToken = (secret: Buffer, claims: PlaybackClaims): string => tokens.sign(secret, claims);

export const verifyPlaybackToken = (secret: Buffer, token: string | undefined): PlaybackClaims =>
  tokens.verify(secret, token);

/** The same checks as a live media request (media-access.ts), for a playback token. */
export function checkPlaybackAccess(
  deps: MediaAccessDeps,
  request: { token: string | undefined; cameraId: string; ip: string | undefined },
): { claims: PlaybackClaims; user: User; camera: CameraRecord } {
  const claims = verifyPlaybackToken(deps.secret, request.token);
  const now = deps.now();
  if (claims.exp <= now) throw new GridCommandError('token_expired', 'playback token expired');
  const ip = normalizeAddress(request.ip);
  if (claims.cam !== request.cameraId || (deps.bindToAddress && claims.ip !== undefined && claims.ip !== ip)) {
    throw new GridCommandError('forbidden', 'this playback token is not for this request');
  }
  const session = findSessionById(deps.db, claims.sid);
  if (!session || session.revokedAt !== null || session.userId !== claims.uid || session.expiresAt <= now) {
    throw new GridCommandError('unauthenticated', 'invalid or revoked session');
  }
  const record = findUserById(deps.db, claims.uid);
  if (!record || record.disabled) throw new GridCommandError('unauthenticated', 'account disabled');
  const user = publicUser(record);
  const camera = getCameraWithSources(deps.db, claims.cam);
  const lent = camera && !isWithinScope(user.orgUnitCode, camera.orgUnitCode);
  if (
    !camera ||
    !canViewCamera(user, camera, lent ? grantedSetFor(deps.db, camera.id, user.orgUnitCode, now) : undefined)
  ) {
    throw new GridCommandError('forbidden', 'camera outside your scope');
  }
  return { claims, user, camera };
}
