/**
 * Stream tickets (`POST /api/v1/cameras/:id/stream`) and the token check external media servers call
 * (`POST /api/v1/media/authorize` for MediaMTX-style hooks, `/api/v1/media/authorize/zlmediakit` for ZLMediaKit,
 * `GET /api/v1/media/authorize/nginx` for nginx's auth_request). An external server's authorised request counts as
 * viewing exactly like a request to the hub's own `/media`: it opens or extends the view in the audit.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canViewCamera, roleAllows } from '../../common/scope-policy.js';
import { MIN_VIEW_REASON_LENGTH, STREAM_QUALITIES, type StreamQuality } from '../../common/video-schemas.js';
import type { AuthenticatedSession } from '../auth/auth-service.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import { requireCitedCase } from '../cases/held-case.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { getCameraWithSources, grantedSetFor } from './access-facts.js';
import { externalPathMatcher, externalStreamUrl } from './external-media.js';
import { checkMediaAccess, touchView } from './media-access.js';
import { normalizeAddress, signStreamToken } from './stream-token.js';
import { appendAudit } from './view-audit-store.js';

const forbidden = () => new GridCommandError('forbidden', 'camera outside your scope');

/** The origin clients reached the hub at (only an origin-shaped Host is trusted; else the URL stays relative). */
function baseUrlOf(hub: HubContext, request: FastifyRequest): string {
  if (hub.video.publicBaseUrl) return hub.video.publicBaseUrl.replace(/\/$/, '');
  const host = request.host;
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `${request.protocol}://${host}`
    : '';
}

interface TicketInput {
  quality: StreamQuality;
  reason?: string;
  caseId?: string;
}

export function issueStreamTicket(
  hub: HubContext,
  session: AuthenticatedSession,
  cameraId: string,
  body: TicketInput,
  ip: string | undefined,
): { camera: CameraRecord; path: string; token: string; quality: StreamQuality; expiresAt: string } {
  const { user } = session;
  const now = hub.now();
  const camera = getCameraWithSources(hub.db, cameraId);
  // Unknown and out-of-scope cameras get the same answer, so ids cannot be probed for existence.
  if (!roleAllows(user, 'camera.view') || !camera) throw forbidden();
  const lent = !isWithinScope(user.orgUnitCode, camera.orgUnitCode);
  if (!canViewCamera(user, camera, lent ? grantedSetFor(hub.db, camera.id, user.orgUnitCode, now) : undefined)) {
    throw forbidden();
  }
  // A cited case goes into the view audit and can stand in for the reason: it must be real, open and the user's.
  if (body.caseId !== undefined) requireCitedCase(hub.db, user, body.caseId, 'caseId');
  const reason = body.reason?.trim() ?? '';
  if (camera.sensitive && [...reason].length < MIN_VIEW_REASON_LENGTH && !body.caseId) {
    throw new GridCommandError(
      'reason_required',
      `a reason of at least ${MIN_VIEW_REASON_LENGTH} characters or a case number is required`,
      'reason',
      undefined,
      { minLength: MIN_VIEW_REASON_LENGTH },
    );
  }

  const exp = Math.min(now + hub.video.streamTokenTtlMs, session.expiresAt);
  const jti = randomBytes(9).toString('base64url');
  const address = normalizeAddress(ip);
  const token = signStreamToken(hub.video.access.secret, {
    v: 1,
    sid: session.sessionId,
    uid: user.id,
    cam: camera.id,
    q: body.quality,
    exp,
    ...(hub.video.access.bindToAddress && address ? { ip: address } : {}),
    jti,
  });
  appendAudit(hub.db, {
    kind: 'token_issued',
    at: now,
    who: { id: user.id, username: user.username, displayName: user.displayName, orgUnitCode: user.orgUnitCode },
    camera,
    quality: body.quality,
    reason: reason || null,
    caseId: body.caseId ?? null,
    sessionId: session.sessionId,
    tokenId: jti,
    ip: address,
    from: now,
    to: exp,
    ...(lent ? { detail: JSON.stringify({ viaGrant: true }) } : {}),
  });
  return {
    camera,
    path: `/media/${encodeURIComponent(camera.id)}/${token}/index.m3u8`,
    token,
    quality: body.quality,
    expiresAt: new Date(exp).toISOString(),
  };
}

/** `<cameraId>` or `<cameraId>/<quality>` (MediaMTX path), `<cameraId>_<quality>` (ZLMediaKit stream id). */
function streamFromPath(path: string | undefined): { cameraId: string; quality?: StreamQuality } {
  const [first = '', second] = (path ?? '').replace(/^\/+/, '').split('/');
  const suffix = STREAM_QUALITIES.find((q) => first.endsWith(`_${q}`));
  if (suffix) return { cameraId: first.slice(0, -suffix.length - 1), quality: suffix };
  return { cameraId: first, quality: STREAM_QUALITIES.find((q) => q === second) };
}

/** The external server's check: the same as the hub's own media requests, plus the quality the path names. */
function authorizeExternal(
  hub: HubContext,
  token: string | undefined,
  stream: { cameraId: string; quality?: StreamQuality },
  ip: string | undefined,
) {
  const access = checkMediaAccess(hub.video.access, { token, cameraId: stream.cameraId, ip });
  if (stream.quality && stream.quality !== access.claims.q) {
    throw new GridCommandError('forbidden', 'token is for the other stream');
  }
  touchView(hub.video.views, access);
}

const tokenFromQuery = (query: string | undefined) => new URLSearchParams(query ?? '').get('token') ?? undefined;

export function registerStreamRoutes(app: FastifyInstance, hub: HubContext): void {
  // Through the group commit: a wall loading 36 tiles asks 36 tickets at once, and their audit rows share one fsync.
  route(app, hub, hubRoutes.cameraStream, async ({ body, session, request, params }) => {
    const ticket = await hub.writes.run(() => issueStreamTicket(hub, session, params.id, body, request.ip));
    const external = hub.video.externalMedia;
    if (external) {
      const url = externalStreamUrl(external.urlTemplate, ticket.token, ticket.camera.id, ticket.quality);
      return { url, expiresAt: ticket.expiresAt };
    }
    // Started with the ticket, so the player's first request finds it running: the transport the player opens. An FLV
    // tile does not need the HLS stream, which for a live-encoded camera is a second encode nobody would watch.
    if (body.transport === 'flv') {
      hub.video.gateway
        .liveFlv(ticket.camera, body.quality)
        .catch((err: unknown) => request.log.info({ err, cameraId: ticket.camera.id }, 'flv warm-up refused'));
    } else hub.video.gateway.warm(ticket.camera, body.quality);
    return { url: `${baseUrlOf(hub, request)}${ticket.path}`, expiresAt: ticket.expiresAt };
  });

  // MediaMTX (authMethod: http) posts {user, password, token, ip, action, path, protocol, id, query}; 2xx allows.
  route(app, hub, hubRoutes.mediaAuthorize, ({ body }) => {
    if (body.action !== undefined && body.action !== 'read' && body.action !== 'playback') {
      throw new GridCommandError('forbidden', 'only reading streams is authorised here');
    }
    const token = body.token || body.password || tokenFromQuery(body.query);
    authorizeExternal(hub, token, streamFromPath(body.cameraId ?? body.path), body.ip);
    return { ok: true as const };
  });

  // ZLMediaKit's on_play hook: always HTTP 200, `code` 0 allows.
  route(app, hub, hubRoutes.mediaAuthorizeZlm, ({ body }) => {
    try {
      authorizeExternal(hub, tokenFromQuery(body.params), streamFromPath(body.stream), body.ip);
      return { code: 0, msg: 'success' };
    } catch (err) {
      return { code: -1, msg: err instanceof GridCommandError ? err.code : 'refused' };
    }
  });

  // nginx auth_request: a bodiless GET carrying the client's request line in X-Original-URI (and the client's address
  // in X-Real-IP); 2xx allows, 401/403 are passed on to the client. The path is read back with the ticket URL's own
  // template, so a segment beside the playlist is the same stream.
  const readPath = hub.video.externalMedia ? externalPathMatcher(hub.video.externalMedia.urlTemplate) : null;
  route(app, hub, hubRoutes.mediaAuthorizeNginx, ({ request }) => {
    const uri = request.headers['x-original-uri'];
    const stream = typeof uri === 'string' && readPath ? readPath(uri) : null;
    if (!stream) throw new GridCommandError('stream_token_invalid', 'no stream token in the forwarded request');
    const ip = request.headers['x-real-ip'];
    authorizeExternal(hub, stream.token, stream, typeof ip === 'string' ? ip : undefined);
    return { ok: true as const };
  });
}
