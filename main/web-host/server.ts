/**
 * The web host: the same renderer and the same console service as Electron, for a plain browser on this machine.
 * Each browser session (an httpOnly, SameSite=Strict cookie) gets its own ConsoleService, standing where Electron's
 * main process would; calls arrive as POST /rpc/<method>, pushes leave as Server-Sent Events.
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConsoleService } from '../console-service.js';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.js';
import { dispatchConsoleCall } from '../dispatch-call.js';
import { readStaticFile } from './static-files.js';
import { openBasemap, registerTileRoutes } from '../map/tile-route.js';

const COOKIE = 'gc_session';

export interface WebHostOptions {
  readonly hubUrl: string;
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  /**
   * The console store (offline cache + outbox, main/local-store/) all browser sessions share: rows are keyed by
   * user, so sessions of different users never see each other's, and an outbox outlives the session that queued
   * it (its user's next sign-in replays it). None: every call goes straight to the hub.
   */
  readonly storePath?: string;
  /** Optional offline basemap (MBTiles), served at /tiles/… (GRID_MBTILES). */
  readonly mbtilesPath?: string;
}

export interface WebHost {
  readonly url: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const services = new Map<string, ConsoleService>();
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });

  const sessionOf = (request: FastifyRequest, reply: FastifyReply): ConsoleService => {
    const match = /(?:^|;\s*)gc_session=([A-Za-z0-9_-]{43})/.exec(request.headers.cookie ?? '');
    let id = match?.[1];
    if (!id || !services.has(id)) {
      id = randomBytes(32).toString('base64url');
      services.set(id, new ConsoleService({ hubUrl: options.hubUrl, storePath: options.storePath }));
      void reply.header('set-cookie', `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`);
    }
    return services.get(id)!;
  };

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.post<{ Params: { method: string } }>('/rpc/:method', async (request, reply) => {
    // A page from another origin must not drive this console, even on loopback.
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${request.headers.host}`) {
      return reply.status(403).send({ ok: false, error: { code: 'forbidden', message: 'cross-origin call refused' } });
    }
    const service = sessionOf(request, reply);
    const result = await dispatchConsoleCall(service, request.params.method, request.body);
    // A binary answer (the map's events) goes out as bytes: JSON would spell a Uint8Array as {"0":…} and base64
    // would add a third. Refusals stay JSON, so the bridge tells the two apart by content type.
    if (result.ok && result.value instanceof Uint8Array) {
      const { buffer, byteOffset, byteLength } = result.value;
      return reply
        .header('cache-control', 'no-store')
        .type('application/octet-stream')
        .send(Buffer.from(buffer, byteOffset, byteLength));
    }
    return reply.header('cache-control', 'no-store').send(result);
  });

  app.get('/rpc/events', (request, reply) => {
    const service = sessionOf(request, reply);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...(reply.getHeader('set-cookie') ? { 'set-cookie': String(reply.getHeader('set-cookie')) } : {}),
    });
    reply.raw.write(': connected\n\n');
    const unsubscribe = service.onPush((push, payload) =>
      reply.raw.write(`data: ${JSON.stringify({ push, payload })}\n\n`),
    );
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  const basemap = openBasemap(options.mbtilesPath);
  registerTileRoutes(app, basemap);

  app.get('/*', async (request, reply) => {
    const file = await readStaticFile(options.rendererDir, request.url);
    if (!file) return reply.status(404).type('text/plain').send('not found');
    if (file.contentType.startsWith('text/html')) sessionOf(request, reply);
    return reply.type(file.contentType).send(file.body);
  });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const service of services.values()) service.close();
      services.clear();
      await app.close();
      basemap?.close();
    },
  };
}
