/**
 * `GET /media/<cameraId>/<streamToken>/live.flv`: the camera's live HTTP-FLV stream, one long response; the same
 * stream over a WebSocket is flv-websocket.ts. Both hand their connection to `watchLiveStream`.
 *
 * A segment request is checked one by one; a continuous stream is checked at connect and then again every
 * `recheckMs` (2 s) with the same check (media-access.ts): the token's expiry, the session (logged out, expired, another
 * user), the account, the camera's scope or loan. The first failed check CUTS the connection — the viewer's picture
 * stops within `recheckMs` of the session ending, the grant ending or the ticket expiring, and the player asks a new
 * ticket (or shows why not). Each passed check touches the view, so the audit records a stream as it records
 * segments: one view from its first to its last authorised moment.
 */
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { HubContext } from '../hub-context.js';
import { checkMediaAccess, touchView, type MediaAccess } from '../video-access/media-access.js';
import type { FlvStream } from './flv-fanout.js';
import { MAX_VIEWER_BACKLOG_BYTES } from './flv-live-stream.js';

export const DEFAULT_LIVE_RECHECK_MS = 2000;

/** One viewer's connection, whatever carries it (an HTTP response, a WebSocket). */
export interface LiveConnection {
  /** Sends bytes; returns how many the connection still holds unsent (a viewer that cannot keep up is cut). */
  send(chunk: Buffer): number;
  /** Ends the connection at once: the player must see the stream stop now, not drain what the socket holds. */
  destroy(): void;
  onClose(listener: () => void): void;
}

/** Joins `connection` to the camera's running stream and re-checks its access until either ends. */
export function watchLiveStream(
  hub: HubContext,
  stream: FlvStream,
  access: MediaAccess,
  request: { token: string; ip: string | undefined; log: FastifyBaseLogger },
  connection: LiveConnection,
): void {
  const { camera } = access;
  let closed = false;
  const cut = () => {
    if (closed) return;
    closed = true;
    clearInterval(recheck);
    leave();
    connection.destroy();
  };
  const leave = stream.join({
    write: (chunk) => !closed && connection.send(chunk) < MAX_VIEWER_BACKLOG_BYTES,
    end: cut,
  });
  const recheck = setInterval(
    () => {
      try {
        const check = { token: request.token, cameraId: camera.id, ip: request.ip };
        touchView(hub.video.views, checkMediaAccess(hub.video.access, check));
      } catch (err) {
        request.log.info({ cameraId: camera.id, code: (err as { code?: string }).code }, 'live stream cut');
        cut();
      }
      // Never less often than half the view's idle time: an open stream is one view, not one per re-check.
    },
    Math.min(hub.video.liveRecheckMs, hub.video.views.idleMs / 2),
  );
  connection.onClose(cut);
}

export async function serveLiveFlv(
  hub: HubContext,
  request: FastifyRequest,
  reply: FastifyReply,
  access: MediaAccess,
  token: string,
): Promise<void> {
  const stream = await hub.video.gateway.liveFlv(access.camera, access.claims.q);
  const res = reply.hijack().raw;
  res.writeHead(200, {
    'content-type': 'video/x-flv',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  res.flushHeaders();
  watchLiveStream(
    hub,
    stream,
    access,
    { token, ip: request.ip, log: request.log },
    {
      send: (chunk) => {
        res.write(chunk);
        return res.writableLength;
      },
      destroy: () => res.destroy(),
      onClose: (listener) => res.on('close', listener),
    },
  );
}
