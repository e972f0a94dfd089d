/**
 * The web host: the same renderer and the same console service as Electron, for a plain browser on this machine.
 * Each signed-in browser (an httpOnly, SameSite=Strict cookie) gets its own ConsoleService, standing where
 * Electron's main process would; calls arrive as POST /rpc/<method>, pushes leave as Server-Sent Events. A browser
 * that has not signed in costs nothing but a cookie id (console-sessions.ts).
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { GridCommandError } from '../../common/errors.js';
import { hubRoutes } from '../../common/contract.js';
import { EVIDENCE_UPLOAD_CALL_LIMIT } from '../../common/contract-evidence.js';
import { HubClient } from '../hub-client.js';
import { HubHealthProbe } from '../hub-health.js';
import { ConsoleSessions, newSessionId } from './console-sessions.js';
import { buildContentSecurityPolicy, withMetaPolicy } from '../content-security-policy.js';
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
  /** A signed-in session with no call and no open event stream for this long is signed out (default 30 min). */
  readonly idleTimeoutMs?: number;
  /** Signed-in sessions at most; further logins answer `web_sessions_full` (default 200). */
  readonly maxSessions?: number;
  /** How often the one shared probe asks the hub's /health (default 5 s). */
  readonly healthIntervalMs?: number;
  /** Host names served besides 127.0.0.1, localhost and [::1] (GRID_WEB_HOSTNAMES); any other Host gets 421. */
  readonly hostnames?: readonly string[];
  /** Media servers other than the hub the wall plays from (GRID_MEDIA_URLS): named in the CSP, nothing wider. */
  readonly mediaUrls?: readonly string[];
}

export interface WebHostStats {
  /** Signed-in sessions (each holds a console service). */
  readonly sessions: number;
  /** /health requests the shared probe has sent to the hub. */
  readonly healthProbes: number;
}

export interface WebHost {
  readonly url: string;
  stats(): WebHostStats;
  close(): Promise<void>;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_MAX_SESSIONS = 200;
const COOKIE_ATTRIBUTES = 'HttpOnly; SameSite=Strict; Path=/';

const LARGE_BODY_CALLS = [
  ['admin.orgImport', hubRoutes.orgImport],
  ['admin.cameraImport', hubRoutes.cameraImport],
  // A case's photo, video or PDF as base64 (common/contract-evidence.ts).
  ['evidence.upload', { bodyLimit: EVIDENCE_UPLOAD_CALL_LIMIT }],
] as const;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const healthProbe = new HubHealthProbe(new HubClient(options.hubUrl), options.healthIntervalMs ?? 5000);
  const sessions = new ConsoleSessions({
    hubUrl: options.hubUrl,
    storePath: options.storePath,
    healthProbe,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
  });
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });

  const cookieOf = (request: FastifyRequest): string | undefined =>
    /(?:^|;\s*)gc_session=([A-Za-z0-9_-]{43})/.exec(request.headers.cookie ?? '')?.[1];
  /** The browser's cookie id; one is made (and set) if it has none. Nothing is kept for it until it signs in. */
  const browserId = (request: FastifyRequest, reply: FastifyReply): string => {
    const existing = cookieOf(request);
    if (existing) return existing;
    const id = newSessionId();
    void reply.header('set-cookie', `${COOKIE}=${id}; ${COOKIE_ATTRIBUTES}`);
    return id;
  };

  /** A login makes a console service, kept under a new cookie id only if the hub accepts the password. */
  const login = async (request: FastifyRequest, reply: FastifyReply) => {
    if (sessions.full) {
      const error = new GridCommandError('web_sessions_full', 'This web console has no room for another session');
      return reply.status(503).send({ ok: false, error: { code: error.code, message: error.message } });
    }
    const service = sessions.candidate();
    const result = await dispatchConsoleCall(service, 'session.login', request.body);
    if (!result.ok) {
      sessions.discard(service);
      return reply.send(result);
    }
    const id = sessions.admit(service, cookieOf(request));
    return reply.header('set-cookie', `${COOKIE}=${id}; ${COOKIE_ATTRIBUTES}`).send(result);
  };

  // DNS rebinding: a page on attacker.example whose name is made to resolve to 127.0.0.1 is same-origin with
  // itself, so the Origin check alone lets it in. Only the names this host serves are answered, on every route.
  const served = new Set(['127.0.0.1', 'localhost', '[::1]', ...(options.hostnames ?? []).map((n) => n.toLowerCase())]);
  app.addHook('onRequest', async (request, reply) => {
    const name = /^(\[[0-9a-f:.]+\]|[^:]+)(?::\d+)?$/i.exec(request.headers.host ?? '')?.[1]?.toLowerCase();
    if (name === undefined || !served.has(name)) {
      return reply.status(421).send({
        ok: false,
        error: { code: 'host_not_allowed', message: 'This web console does not serve that host name' },
      });
    }
  });

  // The page may reach exactly the hub it is joined to (video, sockets) and the configured media servers.
  const cspSources = { hubUrls: [options.hubUrl], mediaUrls: options.mediaUrls ?? [] };
  const headerPolicy = buildContentSecurityPolicy({ ...cspSources, target: 'header' });
  const metaPolicy = buildContentSecurityPolicy({ ...cspSources, target: 'meta' });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', headerPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
  });

  /** `fixed`: the call a static route stands for (its own, larger body limit); otherwise the path names it. */
  const rpc =
    (fixed?: string) => async (request: FastifyRequest<{ Params: { method?: string } }>, reply: FastifyReply) => {
      const method = fixed ?? request.params.method ?? '';
      // A page from another origin must not drive this console, even on loopback.
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${request.headers.host}`) {
        return reply
          .status(403)
          .send({ ok: false, error: { code: 'forbidden', message: 'cross-origin call refused' } });
      }
      void reply.header('cache-control', 'no-store');
      const id = cookieOf(request);
      const service = sessions.use(id);
      if (!service && method === 'session.login') return login(request, reply);
      // Not signed in: the shared anonymous service answers (session.current → null, connection.status, refusals).
      const result = await dispatchConsoleCall(service ?? sessions.anonymous, method, request.body);
      if (service && method === 'session.logout' && id) {
        sessions.end(id);
        void reply.header('set-cookie', `${COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`);
      }
      // A binary answer (the map's events) goes out as bytes: JSON would spell a Uint8Array as {"0":…} and base64
      // would add a third. Refusals stay JSON, so the bridge tells the two apart by content type.
      if (result.ok && result.value instanceof Uint8Array) {
        const { buffer, byteOffset, byteLength } = result.value;
        return reply.type('application/octet-stream').send(Buffer.from(buffer, byteOffset, byteLength));
      }
      return reply.send(result);
    };
  app.post('/rpc/:method', rpc());
  // A county's org tree or camera registry is larger than any other call: these two take the hub's own import limit.
  for (const [name, route] of LARGE_BODY_CALLS) app.post(`/rpc/${name}`, { bodyLimit: route.bodyLimit }, rpc(name));

  app.get('/rpc/events', (request, reply) => {
    const id = browserId(request, reply);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...(reply.getHeader('set-cookie') ? { 'set-cookie': String(reply.getHeader('set-cookie')) } : {}),
    });
    reply.raw.write(': connected\n\n');
    const detach = sessions.attach(id, {
      send: (push, payload) => reply.raw.write(`data: ${JSON.stringify({ push, payload })}\n\n`),
      // The session is over: the browser's EventSource reconnects, as a browser not signed in.
      end: () => reply.raw.end(),
    });
    const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      detach();
    });
  });

  const basemap = openBasemap(options.mbtilesPath);
  registerTileRoutes(app, basemap);

  app.get('/*', async (request, reply) => {
    const file = await readStaticFile(options.rendererDir, request.url);
    if (!file) return reply.status(404).type('text/plain').send('not found');
    if (!file.contentType.startsWith('text/html')) return reply.type(file.contentType).send(file.body);
    browserId(request, reply);
    // The built meta tag names loopback only; a page's meta and header policies both apply, so it gets this host's.
    return reply.type(file.contentType).send(withMetaPolicy(file.body.toString('utf8'), metaPolicy));
  });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ sessions: sessions.size, healthProbes: healthProbe.probes }),
    async close() {
      sessions.close();
      healthProbe.close();
      await app.close();
      basemap?.close();
    },
  };
}
