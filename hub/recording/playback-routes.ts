/**
 * Recording routes: spans of a camera, playback tickets, and the tokenised VOD playlist and segments under
 * `/playback/<camera>/<token>/index.m3u8` and `…/seg/<id>.ts`. The scope check is live viewing's (a camera the caller
 * cannot watch live answers `forbidden`, existing or not); a ticket writes a `token_issued` row in the view audit with
 * the played range as from–to, the reason and the cited case, and `{"playback":true}` as detail.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { mergeSpans, type TimeSpan } from '../../common/recording-spans.js';
import { MIN_VIEW_REASON_LENGTH } from '../../common/video-schemas.js';
import { roleAllows, scopeCodeOf } from '../../common/scope-policy.js';
import { requireCitedCase } from '../cases/held-case.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { normalizeAddress } from '../video-access/stream-token.js';
import { appendAudit } from '../video-access/view-audit-store.js';
import { viewableCamera } from './camera-scope.js';
import { caseMarksNear } from './case-marks-store.js';
import { registerClipRoutes } from './clip-routes.js';
import { checkPlaybackAccess, signPlaybackToken } from './playback-token.js';
import { segmentInRange, segmentsBetween, type SegmentRow } from './recording-store.js';
import { renderVodPlaylist } from './vod-playlist.js';

const iso = (ms: number) => new Date(ms).toISOString();
const clip = (s: TimeSpan, from: number, to: number) => ({
  from: iso(Math.max(s.startMs, from)),
  to: iso(Math.min(s.endMs, to)),
});

export function spansOf(hub: HubContext, cameraId: string, from: number, to: number) {
  const { spans, gaps } = mergeSpans(segmentsBetween(hub.db, cameraId, from, to), 500);
  return { spans: spans.map((s) => clip(s, from, to)), gaps: gaps.map((s) => clip(s, from, to)) };
}

function baseUrlOf(hub: HubContext, request: FastifyRequest): string {
  if (hub.video.publicBaseUrl) return hub.video.publicBaseUrl.replace(/\/$/, '');
  const host = request.host;
  return /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `${request.protocol}://${host}`
    : '';
}

const PLAYBACK_PATH = /^([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_.-]{20,4200})\/(?:index\.m3u8|seg\/(\d{1,15})\.ts)$/;

export function registerPlaybackRoutes(app: FastifyInstance, hub: HubContext, recordingsRoot: string): void {
  registerClipRoutes(app, hub, recordingsRoot);
  route(app, hub, hubRoutes.cameraRecordings, ({ session, params, query }) => {
    viewableCamera(hub, session.user, params.id);
    return { cameraId: params.id, ...spansOf(hub, params.id, Date.parse(query.from), Date.parse(query.to)) };
  });

  route(app, hub, hubRoutes.cameraCaseMarks, ({ session, params, query }) => {
    const { user } = session;
    if (!roleAllows(user, 'case.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
    const camera = viewableCamera(hub, user, params.id);
    const [lon, lat] = camera.position;
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    return { cameraId: camera.id, cases: caseMarksNear(hub.db, { lon, lat }, scopeCodeOf(user), from, to) };
  });

  route(app, hub, hubRoutes.cameraPlayback, async ({ session, params, body, request }) =>
    hub.writes.run(() => {
      const { user } = session;
      const camera = viewableCamera(hub, user, params.id);
      if (body.caseId !== undefined) requireCitedCase(hub.db, user, body.caseId, 'caseId');
      const reason = body.reason?.trim() ?? '';
      if (camera.sensitive && [...reason].length < MIN_VIEW_REASON_LENGTH && !body.caseId) {
        throw new GridCommandError('reason_required', 'a reason or a case number is required', 'reason', undefined, {
          minLength: MIN_VIEW_REASON_LENGTH,
        });
      }
      const from = Date.parse(body.from);
      const to = Date.parse(body.to);
      const { spans } = spansOf(hub, camera.id, from, to);
      if (spans.length === 0) throw new GridCommandError('not_found', 'nothing was recorded in this range');
      const now = hub.now();
      const exp = Math.min(now + hub.video.streamTokenTtlMs, session.expiresAt);
      const jti = randomBytes(9).toString('base64url');
      const address = normalizeAddress(request.ip);
      const token = signPlaybackToken(hub.video.access.secret, {
        v: 1,
        sid: session.sessionId,
        uid: user.id,
        cam: camera.id,
        from,
        to,
        exp,
        ...(hub.video.access.bindToAddress && address ? { ip: address } : {}),
        jti,
      });
      appendAudit(hub.db, {
        kind: 'token_issued',
        at: now,
        who: { id: user.id, username: user.username, displayName: user.displayName, orgUnitCode: user.orgUnitCode },
        camera,
        quality: 'main',
        reason: reason || null,
        caseId: body.caseId ?? null,
        sessionId: session.sessionId,
        tokenId: jti,
        ip: address,
        from,
        to,
        detail: JSON.stringify({ playback: true }),
      });
      const path = `/playback/${encodeURIComponent(camera.id)}/${token}/index.m3u8`;
      return { url: `${baseUrlOf(hub, request)}${path}`, expiresAt: iso(exp), spans };
    }),
  );

  app.get('/playback/*', async (request, reply) => {
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store');
    const match = PLAYBACK_PATH.exec((request.params as { '*': string })['*']);
    if (!match) throw new GridCommandError('not_found', 'no such recording');
    const [, cameraId = '', token, seq] = match;
    const { claims } = checkPlaybackAccess(hub.video.access, { token, cameraId, ip: request.ip });
    if (seq === undefined) {
      const segments = segmentsBetween(hub.db, cameraId, claims.from, claims.to);
      return reply.type('application/vnd.apple.mpegurl').send(renderVodPlaylist(segments));
    }
    // Only a segment of this camera inside the ticket's range: the token is not a key to the whole archive.
    const row = segmentInRange(hub.db, Number(seq), cameraId, claims.from, claims.to);
    if (!row) throw new GridCommandError('not_found', 'segment not in this recording');
    let data: Buffer;
    try {
      data = readFileSync(join(recordingsRoot, row.path));
    } catch {
      throw new GridCommandError('not_found', 'segment no longer available');
    }
    return reply.type('video/mp2t').send(data);
  });
}

export type { SegmentRow };
