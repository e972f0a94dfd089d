/**
 * The live FLV stream over a WebSocket: `ws(s)://<hub>/media/<cameraId>/<streamToken>/live.flv`, the bytes of the
 * HTTP-FLV response (flv-route.ts) as binary messages. Why a second carrier: a browser opens at most six HTTP/1.1
 * connections to one host and an HTTP-FLV response never ends, so a seventh FLV tile — and every playlist, snapshot
 * and API call behind it — would wait for ever. WebSockets do not come out of that pool: a whole wall plays FLV.
 *
 * The same checks as every media request, before the upgrade is answered: a refused stream gets its HTTP status
 * (401/403/503) and no WebSocket. Then `watchLiveStream` re-checks every 2 s and closes the socket at the first failed
 * check, exactly as it cuts an HTTP-FLV response. The client's address is the one Fastify gives a request (the hub's
 * trusted proxies applied), so a token bound to one console's address is refused from another here as well.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import proxyAddr from '@fastify/proxy-addr';
import { WebSocketServer, type WebSocket } from 'ws';
import { ERROR_STATUS, GridCommandError } from '../../common/errors.js';
import type { HubContext } from '../hub-context.js';
import { checkMediaAccess, touchView } from '../video-access/media-access.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import type { StreamQuality } from '../../common/video-schemas.js';
import { watchLiveStream } from './flv-route.js';
import type { FlvStream } from './flv-fanout.js';
import { CAMERA_ID_PATTERN, STREAM_TOKEN_PATTERN } from './media-routes.js';

const LIVE_FLV_PATH = new RegExp(`^/media/(${CAMERA_ID_PATTERN})/(${STREAM_TOKEN_PATTERN})/live\\.flv$`);
const TOKENLESS_PATH = new RegExp(`^/media/${CAMERA_ID_PATTERN}/live\\.flv$`);
/** socket.io's own upgrades (hub/server.ts); any other upgrade is refused here. */
const SOCKET_IO_PATH = /^\/socket\.io\//;
/** A stream still starting (no keyframe yet) is waited for this many times (each `startTimeoutMs`) before refusing. */
const START_ATTEMPTS = 3;

export interface LiveFlvSockets {
  /** Closes every live socket, and every upgrade still waiting for its stream (the hub is stopping). */
  close(): void;
}

export function attachLiveFlvSockets(
  server: Server,
  hub: HubContext,
  trustedProxies: readonly string[] | undefined,
): LiveFlvSockets {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 1024 });
  const trust = trustedProxies?.length ? proxyAddr.compile([...trustedProxies]) : null;
  const clientIp = (req: IncomingMessage) => (trust ? proxyAddr(req, trust) : req.socket.remoteAddress);
  /** Upgrades waiting for their stream's first keyframe: not sockets yet, but the hub's stop must end them too. */
  const waiting = new Set<Duplex>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (SOCKET_IO_PATH.test(path)) return;
    const match = LIVE_FLV_PATH.exec(path);
    if (!match) return refuse(socket, TOKENLESS_PATH.test(path) ? ERROR_STATUS.stream_token_invalid : 404);
    socket.on('error', () => socket.destroy()); // a client gone mid-handshake is not the hub's error
    const [, cameraId = '', token = ''] = match;
    const ip = clientIp(req);
    let access;
    try {
      access = checkMediaAccess(hub.video.access, { token, cameraId, ip });
      touchView(hub.video.views, access);
    } catch (err) {
      return refuse(socket, statusOf(err));
    }
    const granted = access;
    waiting.add(socket);
    void startStream(hub, granted.camera, granted.claims.q, socket).then(
      (stream) => {
        waiting.delete(socket);
        if (socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => {
          watchLiveStream(hub, stream, granted, { token, ip, log: hub.log }, socketConnection(ws));
        });
      },
      (err: unknown) => {
        waiting.delete(socket);
        hub.log.info({ cameraId, code: (err as { code?: string }).code }, 'live socket refused');
        refuse(socket, statusOf(err));
      },
    );
  });

  return {
    close() {
      for (const socket of waiting) socket.destroy();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** The camera's stream once it has a keyframe; a slow start is waited for while the client still waits. */
async function startStream(
  hub: HubContext,
  camera: CameraRecord,
  quality: StreamQuality,
  socket: Duplex,
): Promise<FlvStream> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await hub.video.gateway.liveFlv(camera, quality);
    } catch (err) {
      const starting = err instanceof GridCommandError && err.code === 'stream_starting';
      if (!starting || attempt >= START_ATTEMPTS || socket.destroyed) throw err;
    }
  }
}

function socketConnection(ws: WebSocket) {
  return {
    send: (chunk: Buffer) => {
      ws.send(chunk, { binary: true });
      return ws.bufferedAmount;
    },
    // terminate, not close: no closing handshake to wait for, the picture stops now.
    destroy: () => ws.terminate(),
    onClose: (listener: () => void) => void ws.on('close', listener),
  };
}

function statusOf(err: unknown): number {
  return err instanceof GridCommandError ? ERROR_STATUS[err.code] : 500;
}

/** Answers an upgrade with a plain HTTP status and closes the connection: no WebSocket, nothing streamed. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Refused'}\r\nConnection: close\r\n\r\n`);
}
