/**
 * The video wall's hub side, built once in server.ts: stream-token key, media gateway, viewing sessions, and the
 * timers that end idle views. `registerVideoRoutes` adds its HTTP routes; `close` stops ffmpeg processes and audits
 * the views still open.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';
import { DEFAULT_LIVE_RECHECK_MS } from '../media/flv-route.js';
import { MediaGateway, type MediaGatewayOptions } from '../media/media-gateway.js';
import { registerMediaRoutes } from '../media/media-routes.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerGrantRoutes } from './grant-routes.js';
import { checkExternalMediaTemplate, type ExternalMedia } from './external-media.js';
import type { MediaAccessDeps } from './media-access.js';
import { loadOrCreateStreamSecret } from './stream-secret.js';
import { registerStreamRoutes } from './stream-routes.js';
import { ViewSessions } from './view-sessions.js';
import { silentProgress, type Progress } from '../progress.js';

export interface VideoOptions {
  /** Lifetime of a stream token (default 5 min); clients refresh before it ends. */
  readonly streamTokenTtlMs?: number;
  /** How often a live (FLV) stream's access is checked again; a failed check cuts it (media/flv-route.ts). */
  readonly liveRecheckMs?: number;
  /** Refuse a stream token used from another address than the one it was issued to (default on). */
  readonly bindTokensToClientAddress?: boolean;
  /** Base of ticket URLs when clients reach the hub through another address than the one they called. */
  readonly publicBaseUrl?: string;
  /** A view ends this long after its last media request (default 30 s). */
  readonly viewIdleMs?: number;
  /** Encode the demo clips right after start rather than on the first demo stream request. */
  readonly warmClipsOnStart?: boolean;
  readonly media?: MediaGatewayOptions;
  /** External media mode: tickets point at this media server, which asks the hub's authorize endpoints. */
  readonly externalMedia?: ExternalMedia;
}

export interface VideoServices {
  readonly gateway: MediaGateway;
  readonly views: ViewSessions;
  readonly access: MediaAccessDeps;
  readonly streamTokenTtlMs: number;
  readonly liveRecheckMs: number;
  readonly publicBaseUrl: string | undefined;
  readonly externalMedia: ExternalMedia | undefined;
  close(): Promise<void>;
}

export const DEFAULT_STREAM_TOKEN_TTL_MS = 5 * 60_000;

/** Two ordinary demo cameras get a live encoder with a clock, for latency measurement, unless configured. */
function defaultLiveEncoded(db: HubDatabase): string[] {
  return db
    .all<{ id: string }>(
      sql`
      SELECT id FROM cameras WHERE main_stream LIKE 'demo:%' AND sensitive = 0 ORDER BY code LIMIT 2`,
    )
    .map((r) => r.id);
}

export function createVideoServices(
  deps: {
    db: HubDatabase;
    now: () => number;
    dataDir: string;
    demo: boolean;
    onSourceStatus: (cameraId: string, online: boolean) => void;
    log: FastifyBaseLogger;
    /** Where the clip warm-up reports its progress (the CLI's terminal). */
    progress?: Progress;
  },
  options: VideoOptions = {},
): VideoServices {
  const media: MediaGatewayOptions = {
    ...options.media,
    liveEncodedCameraIds: options.media?.liveEncodedCameraIds ?? (deps.demo ? defaultLiveEncoded(deps.db) : []),
  };
  const gateway = new MediaGateway(
    { dataDir: deps.dataDir, now: deps.now, onSourceStatus: deps.onSourceStatus, log: deps.log },
    media,
  );
  const viewIdleMs = options.viewIdleMs ?? 30_000;
  const views = new ViewSessions(deps.db, deps.now, viewIdleMs);
  views.recover();
  const sweeper = setInterval(() => views.sweep(), Math.max(200, Math.min(viewIdleMs / 2, 5000)));
  sweeper.unref();
  // Clips not encoded now are encoded when first asked for; the log says why the warm-up stopped.
  if (options.warmClipsOnStart) {
    const clips = gateway.clips;
    const missing = Array.from({ length: clips.spec.count }, (_, k) => k).filter((k) => !clips.isClipReady(k));
    const step =
      missing.length > 0
        ? (deps.progress ?? silentProgress).step('demo clips: encoding', missing.length, 'clips')
        : null;
    clips
      .readyAll((k) => missing.includes(k) && step?.advance())
      .then(() => step?.done())
      .catch((err: unknown) => deps.log.warn({ err }, 'demo clip warm-up failed'));
  }

  return {
    gateway,
    views,
    access: {
      db: deps.db,
      now: deps.now,
      secret: loadOrCreateStreamSecret(deps.dataDir),
      bindToAddress: options.bindTokensToClientAddress ?? true,
    },
    streamTokenTtlMs: options.streamTokenTtlMs ?? DEFAULT_STREAM_TOKEN_TTL_MS,
    liveRecheckMs: options.liveRecheckMs ?? DEFAULT_LIVE_RECHECK_MS,
    publicBaseUrl: options.publicBaseUrl,
    externalMedia: options.externalMedia
      ? { urlTemplate: checkExternalMediaTemplate(options.externalMedia.urlTemplate) }
      : undefined,
    async close() {
      clearInterval(sweeper);
      views.closeAll();
      await gateway.close();
    },
  };
}

export function registerVideoRoutes(app: FastifyInstance, hub: HubContext): void {
  registerStreamRoutes(app, hub);
  registerGrantRoutes(app, hub);
  registerAuditRoutes(app, hub);
  registerMediaRoutes(app, hub);
}
