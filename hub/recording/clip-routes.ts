/**
 * `POST /api/v1/cameras/:id/clips`: a recorded range cut to a watermarked MP4 and attached to a case, through the
 * evidence store (hub/evidence/: the same checks, processing and storage as an upload). Both the camera (live
 * viewing's scope) and the case (readable by the caller) are checked before ffmpeg runs; a refusal writes nothing.
 * The export is audited in the view audit like a playback ticket, with the attachment id as detail.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { caseHolders } from '../../common/cases/case-holders.js';
import { GridCommandError } from '../../common/errors.js';
import { isOrgCode } from '../../common/org.js';
import { MAX_CLIP_MS } from '../../common/recording-schemas.js';
import { roleAllows } from '../../common/scope-policy.js';
import { readableCase } from '../cases/moves.js';
import { ATTACHMENT_LIMITS } from '../evidence/attachment-limits.js';
import { prepareUpload } from '../evidence/case-attachments.js';
import type { HubContext } from '../hub-context.js';
import { refuseWhenOverloaded, route } from '../http/route.js';
import { paperFontPaths } from '../paper/pdf-render.js';
import { normalizeAddress } from '../video-access/stream-token.js';
import { appendAudit } from '../video-access/view-audit-store.js';
import { cutClip } from './clip-export.js';
import { viewableCamera } from './camera-scope.js';
import { segmentsBetween } from './recording-store.js';

/** A clip may be longer than a handheld video upload (60 s): ten minutes at the recorder's bitrate. */
const CLIP_LIMITS = {
  ...ATTACHMENT_LIMITS,
  video: { maxBytes: 200 * 1024 * 1024, maxSeconds: Math.ceil(MAX_CLIP_MS / 1000) + 5 },
};

export function registerClipRoutes(app: FastifyInstance, hub: HubContext, recordingsRoot: string): void {
  route(app, hub, hubRoutes.cameraClipExport, async ({ session, params, body, request }) => {
    const { user } = session;
    if (!roleAllows(user, 'case.read') || !(roleAllows(user, 'case.report') || roleAllows(user, 'console.use'))) {
      throw new GridCommandError('forbidden', 'not permitted for your role');
    }
    const camera = viewableCamera(hub, user, params.id);
    const c = readableCase(hub, user, body.caseId);
    const from = Date.parse(body.from);
    const to = Date.parse(body.to);
    const segments = segmentsBetween(hub.db, camera.id, from, to);
    if (segments.length === 0) throw new GridCommandError('not_found', 'nothing was recorded in this range');
    // The papers' Noto Sans SC (an npm dependency, always there): the watermark names the exporter and the camera
    // in Chinese, which the system fonts ffmpeg finds here cannot draw.
    const font = paperFontPaths().regular;
    refuseWhenOverloaded(hub);
    const ffmpegPath = await hub.video.gateway.ffmpegExecutable();
    const now = hub.now();
    // Beijing time, as the console shows it.
    const stamp = `${new Date(now + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')} 北京时间`;
    const bytes = await cutClip({
      ffmpegPath,
      font,
      root: recordingsRoot,
      segments,
      fromMs: from,
      toMs: to,
      watermark: `${user.displayName}（${user.username}）导出 ${stamp} ${camera.name} ${camera.code}`,
    });
    const fileName = `clip-${camera.code}-${new Date(from).toISOString().replace(/[:.]/g, '')}.mp4`;
    const prepared = await prepareUpload(
      hub.db,
      CLIP_LIMITS,
      user,
      { caseId: c.id, kind: 'video', fileName, bytes, cameraId: camera.id, capturedAt: from },
      hub.now,
      ffmpegPath,
    );
    try {
      const attachment = await hub.writes.run(() => {
        const added = prepared.existing ?? prepared.commit();
        appendAudit(hub.db, {
          kind: 'token_issued',
          at: now,
          who: { id: user.id, username: user.username, displayName: user.displayName, orgUnitCode: user.orgUnitCode },
          camera,
          quality: 'main',
          reason: body.reason?.trim() || null,
          caseId: c.id,
          sessionId: session.sessionId,
          ip: normalizeAddress(request.ip),
          from,
          to,
          detail: JSON.stringify({ export: added.id }),
        });
        return added;
      });
      hub.realtime.publishToUnits(caseHolders(c).filter(isOrgCode), 'case.attachment', { caseId: c.id, attachment });
      return attachment;
    } finally {
      prepared.cleanup();
    }
  });
}
