/**
 * `GET /media/<cameraId>/<streamToken>/index.m3u8` and `GET /media/<cameraId>/<streamToken>/seg/<n>.ts`, and the
 * live HTTP-FLV stream `GET /media/<cameraId>/<streamToken>/live.flv` (flv-route.ts).
 *
 * The token sits in the path, so the playlist's relative segment URIs carry it and hls.js needs no headers; every
 * request, playlist or segment, passes the full access check first. A wildcard route because tokens are longer than
 * the router's 100-character parameter limit. CORS is open (`*`): the token, not the origin, is the credential, and
 * the console plays from its own origin (file:// in Electron, the web host's port in a browser).
 */
import type { FastifyInstance } from 'fastify';
import { GridCommandError } from '../../common/errors.js';
import type { HubContext } from '../hub-context.js';
import { serveLiveFlv } from './flv-route.js';
import { checkMediaAccess, touchView } from '../video-access/media-access.js';

/** A camera id and a stream token as they stand in a media path (shared with the live FLV sockets). */
export const CAMERA_ID_PATTERN = '[A-Za-z0-9_-]{1,64}';
export const STREAM_TOKEN_PATTERN = '[A-Za-z0-9_.-]{20,4200}';
const MEDIA_PATH = new RegExp(
  `^(${CAMERA_ID_PATTERN})/(${STREAM_TOKEN_PATTERN})/(?:index\\.m3u8|(live\\.flv)|seg/(\\d{1,15})\\.ts)$`,
);
const TOKENLESS_PATH = new RegExp(`^${CAMERA_ID_PATTERN}/(?:index\\.m3u8|live\\.flv|seg/\\d{1,15}\\.ts)$`);

export function registerMediaRoutes(app: FastifyInstance, hub: HubContext): void {
  app.get('/media/*', async (request, reply) => {
    void reply.header('access-control-allow-origin', '*').header('cache-control', 'no-store');
    const path = (request.params as { '*': string })['*'];
    const match = MEDIA_PATH.exec(path);
    if (!match) {
      if (TOKENLESS_PATH.test(path)) {
        throw new GridCommandError('stream_token_invalid', 'stream token required');
      }
      throw new GridCommandError('not_found', 'no such media');
    }
    const [, cameraId = '', token = '', flv, seq] = match;
    const access = checkMediaAccess(hub.video.access, { token, cameraId, ip: request.ip });
    const { camera, claims } = access;
    touchView(hub.video.views, access);
    if (flv) return serveLiveFlv(hub, request, reply, access, token);
    if (seq === undefined) {
      const playlist = await hub.video.gateway.playlist(camera, claims.q);
      return reply.type('application/vnd.apple.mpegurl').send(playlist);
    }
    const segment = await hub.video.gateway.segment(camera, claims.q, Number(seq));
    return reply.type('video/mp2t').send(segment);
  });
}
