/**
 * What a service manager, a load balancer and Prometheus ask the hub: `/api/v1/ready` (database writable, migrations
 * current, ffmpeg found, this year's working calendar; 503 `hub_not_ready` naming what failed) and `/metrics` (Prometheus text). Liveness is
 * `/api/v1/health` (org-routes.ts).
 *
 * Who may read /metrics: a client on loopback whose request did not come through a proxy (no Forwarded /
 * X-Forwarded-For header — a reverse proxy on the same machine would otherwise make every outside request look
 * local), an address listed in `metrics.allow`, or a request carrying `Authorization: Bearer <metrics.token>`.
 * The addresses are the TCP peer's, never a forwarded header. Labels carry route patterns, methods and status codes
 * only: no URL, token, user or camera id.
 */
import { accessSync, constants } from 'node:fs';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { countLiveSessions } from '../auth/sessions-store.js';
import { setMeta } from '../db/meta-store.js';
import { userVersion } from '../../node-shared/sqlite/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import type { HubContext } from '../hub-context.js';
import { referenceDataReadiness } from '../reference/reference-admin.js';
import { route } from './route.js';

export interface MetricsAccess {
  /** Client addresses besides loopback allowed to read /metrics. */
  readonly allow?: readonly string[];
  /** A bearer secret that also opens /metrics (for a Prometheus elsewhere). */
  readonly token?: string;
}

export interface HubMetrics {
  readonly registry: Registry;
  /** Called after each automatic supervision pass with the number of supervisions it raised. */
  supervisionPass(raised: number): void;
}

const LATEST = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

const bare = (address: string | undefined) => (address ?? '').replace(/^::ffff:/, '');
const isLoopback = (address: string) => address === '::1' || address.startsWith('127.');
const digest = (text: string) => createHash('sha256').update(text).digest();

export function mayReadMetrics(request: FastifyRequest, access: MetricsAccess): boolean {
  const peer = bare(request.socket.remoteAddress);
  const proxied = request.headers.forwarded !== undefined || request.headers['x-forwarded-for'] !== undefined;
  if (isLoopback(peer) && !proxied) return true;
  if (access.allow?.some((allowed) => bare(allowed) === peer)) return true;
  const header = request.headers.authorization;
  if (access.token && header?.startsWith('Bearer ')) {
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(access.token));
  }
  return false;
}

export function createHubMetrics(hub: HubContext, sockets: () => number): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'grid_hub_process_' });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('grid_hub_write_backlog', 'Writes waiting for the next group commit', () => hub.writes.backlog);
  gauge('grid_hub_sockets', 'Console sockets connected to /console', sockets);
  gauge('grid_hub_sessions', 'Login sessions live (not revoked, not expired)', () =>
    countLiveSessions(hub.db, hub.now()),
  );
  gauge(
    'grid_hub_ffmpeg_processes',
    'ffmpeg processes running (streams and clip encodes)',
    () => hub.video.gateway.runningFfmpeg,
  );
  gauge('grid_hub_stream_viewers', 'Open viewing sessions on the media gateway', () => hub.video.views.openCount);
  const runs = new Counter({
    name: 'grid_hub_supervision_runs_total',
    help: 'Automatic supervision passes completed',
    registers: [registry],
  });
  const raised = new Counter({
    name: 'grid_hub_supervisions_raised_total',
    help: 'Supervisions (督办) raised by the automatic passes',
    registers: [registry],
  });
  return {
    registry,
    supervisionPass(n) {
      runs.inc();
      raised.inc(n);
    },
  };
}

async function readinessChecks(hub: HubContext): Promise<Array<{ name: string; ok: boolean; detail?: string }>> {
  const checks: Array<{ name: string; ok: boolean; detail?: string }> = [];
  try {
    // A real committed write through the same path as every other write: a full disk or a read-only file fails it.
    await hub.writes.run(() => setMeta(hub.db, 'ready_probe_at', new Date(hub.now()).toISOString()));
    checks.push({ name: 'database_writable', ok: true });
  } catch (err) {
    checks.push({ name: 'database_writable', ok: false, detail: (err as Error).message });
  }
  const version = userVersion(hub.db.raw);
  checks.push({ name: 'migrations_current', ok: version === LATEST, detail: `schema ${version} of ${LATEST}` });
  try {
    const ffmpeg = await hub.video.gateway.ffmpegExecutable();
    accessSync(ffmpeg, constants.X_OK);
    checks.push({ name: 'ffmpeg', ok: true });
  } catch (err) {
    checks.push({ name: 'ffmpeg', ok: false, detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  // Deadlines in working time need this year's holidays and make-up days (README, "Reference data"); a missing next
  // year is named but still ready.
  const calendar = referenceDataReadiness(hub);
  checks.push({
    name: 'work_calendar',
    ok: calendar.ok,
    ...(calendar.missingYears.length > 0 ? { detail: `no calendar data for ${calendar.missingYears.join(', ')}` } : {}),
  });
  return checks;
}

export function registerOpsRoutes(app: FastifyInstance, hub: HubContext, metrics: HubMetrics, access: MetricsAccess) {
  route(app, hub, hubRoutes.ready, async () => {
    const checks = await readinessChecks(hub);
    const failing = checks.filter((c) => !c.ok).map((c) => c.name);
    if (failing.length > 0) {
      throw new GridCommandError('hub_not_ready', `not ready: ${failing.join(', ')}`, undefined, undefined, {
        failing: failing.join(','),
        ...Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.name, c.detail ?? 'failed'])),
      });
    }
    return { status: 'ready' as const, checks };
  });

  // Request rate and latency by route pattern (`/api/v1/cases/:caseId`), never the raw URL; unmatched URLs share one
  // label so a scanner cannot grow the series without bound.
  const requests = new Histogram({
    name: 'grid_hub_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    requests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/metrics', async (request, reply) => {
    if (!mayReadMetrics(request, access)) {
      throw new GridCommandError('forbidden', 'metrics are served to loopback, metrics.allow or the metrics token');
    }
    void reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
