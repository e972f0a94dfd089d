/**
 * The county hub: HTTP (fastify) + socket.io on one port, over one SQLite database. `createHub` is what the CLI,
 * the Electron main process (embedded hub) and the tests all call.
 */
import Fastify from 'fastify';
import { Server as SocketServer } from 'socket.io';
import type { AddressInfo } from 'node:net';
import { AuthService } from './auth/auth-service.js';
import { FailureThrottle } from './auth/rate-limiter.js';
import { HubDatabase } from './db/database.js';
import { GroupCommit } from './db/group-commit.js';
import { CasePublisher } from './cases/case-publisher.js';
import { ReferenceSource } from './reference/reference-source.js';
import { registerReferenceRoutes } from './reference/reference-routes.js';
import { registerEvidenceRoutes, type EvidenceOptions } from './evidence/evidence-routes.js';
import { startSupervisionTimer } from './cases/supervision-timer.js';
import { seedDemoHistoryIfMissing } from './demo/seed-history.js';
import { startReportSimulator } from './demo/report-simulator.js';
import { registerCaseRoutes } from './cases/case-routes.js';
import { registerDeskRoutes } from './cases/desk-routes.js';
import { registerRatingRoutes } from './department-ratings/rating-routes.js';
import { registerImportBatchRoutes } from './cases/import-batches.js';
import { registerImportRoute } from './cases/import-route.js';
import { registerMapRoutes } from './map/map-routes.js';
import { registerPaperRoutes } from './paper/paper-routes.js';
import { attachmentPhotoSource } from './paper/attachment-photos.js';
import type { CasePhotoSource } from './paper/case-photo-source.js';
import { registerWallLayoutRoutes } from './wall-layouts/wall-layout-routes.js';
import { registerShiftRoutes } from './shift/shift-routes.js';
import { registerSearchRoutes } from './search/search-routes.js';
import { GridLocator } from './org/grid-locator.js';
import { countDemoPasswordUsers } from './auth/users-store.js';
import { startCameraSimulator } from './demo/camera-simulator.js';
import { seedDemoCountyIfEmpty } from './demo/seed-demo.js';
import type { HubContext } from './hub-context.js';
import { DEFAULT_LOGIN_LIMITS, registerAuthRoutes, type LoginLimits } from './auth/auth-routes.js';
import { installErrorHandling } from './http/errors.js';
import { registerOpenApiRoute } from './http/openapi.js';
import { createHubLogger, type HubLogger, type HubLogOptions } from './logging.js';
import { registerOrgRoutes } from './org/org-routes.js';
import { registerUserRoutes } from './users/user-routes.js';
import { registerCountyAdminRoutes } from './org/county-admin-routes.js';
import { ConsoleRealtime } from './realtime/console-namespace.js';
import { dirname } from 'node:path';
import { reportCameraStatus } from './cameras/camera-status.js';
import { createVideoServices, registerVideoRoutes, type VideoOptions } from './video-access/video-services.js';
import { createHubMetrics, registerOpsRoutes, type MetricsAccess } from './http/ops-routes.js';
import { startBackupSchedule, type BackupSchedule } from './db/backup.js';
import { markDatabaseInUse } from './db/data-dir-lock.js';
import type { Progress } from './progress.js';
import { registerPlaybackRoutes } from './recording/playback-routes.js';
import { registerRecordingPolicyRoutes } from './recording/policy-routes.js';
import { createRecordingServices, type RecordingOptions } from './recording/recording-services.js';
import { registerPtzRoutes } from './ptz/ptz-routes.js';
import type { PtzOptions } from './ptz/ptz-service.js';
import { attachLiveFlvSockets } from './media/flv-websocket.js';

export interface HubOptions {
  /** SQLite file; created and migrated if missing. */
  readonly dbPath: string;
  readonly host?: string;
  readonly port?: number;
  /** Demo mode: seeds X County on first start and allows the published demo passwords. */
  readonly demo?: boolean;
  readonly tokenTtlMs?: number;
  readonly loginLimits?: Partial<LoginLimits>;
  readonly nativeBinding?: string;
  readonly now?: () => number;
  /** Logging (hub/logging.ts): level, folder of the rolling file, stdout or a stream; secrets redacted from every
   * line. Absent or false: silent (tests). */
  readonly log?: HubLogOptions | false;
  /** Writes queued for commit beyond which intake and moves answer 503 + Retry-After (default 5,000). */
  readonly maxWriteBacklog?: number;
  /** How often overdue legs are supervised automatically (ms); 0 turns the timer off. Default 30 s. */
  readonly supervisionIntervalMs?: number;
  /** Demo only: run the simulators that keep the demo county moving (off in tests, which want exact pushes). */
  readonly simulate?: boolean;
  /** Demo only, with `simulate`: cameras drop off and come back (default on); end-to-end tests turn it off so a
   * tile under test never goes offline by chance (GRID_SIMULATE_OUTAGES=0). */
  readonly simulateOutages?: boolean;
  /** Video wall: stream-token lifetime, media gateway (clips, ffmpeg), view idle time. */
  readonly video?: VideoOptions;
  /** PTZ lock timeout (tests shorten it). */
  readonly ptz?: PtzOptions;
  /** Who may read /metrics besides an unproxied loopback client (hub/http/ops-routes.ts). */
  readonly metrics?: MetricsAccess;
  /** Scheduled online backups (hub/db/backup.ts); absent or intervalMs 0: none. */
  readonly backup?: BackupSchedule;
  /** Where first-start work (demo seed, history import, clip encoding) reports progress; default silent. */
  readonly progress?: Progress;
  /** Serve HTTPS (and so WSS) with this PEM certificate and key (GRID_TLS_CERT, GRID_TLS_KEY). */
  readonly tls?: { readonly cert: Buffer | string; readonly key: Buffer | string };
  /**
   * Reverse proxies (addresses/CIDRs, GRID_TRUSTED_PROXIES) whose X-Forwarded-For/-Proto/-Host are believed, so
   * `request.ip` — login throttling, stream-token binding, media checks, logs and audits — is the real client's.
   * From any other peer the headers are ignored: a client cannot forge its address. None: no header is believed.
   */
  readonly trustedProxies?: readonly string[];
  /** The origin clients reach the hub at (GRID_PUBLIC_URL), when it is not the one it listens on (a proxy). */
  readonly publicUrl?: string;
  /** First start's steps as they advance (the desktop app's start-up screen): county seeded, history imported. */
  readonly onProgress?: (progress: HubStartProgress) => void;
  /** Case attachments (hub/evidence/): limits other than resources/attachment-limits.json, another ffmpeg. */
  readonly evidence?: EvidenceOptions;
  /** The case sheet's photos (hub/paper/case-photo-source.ts); default the case's photo and snapshot attachments. */
  readonly paperPhotos?: CasePhotoSource;
  /** Recording and playback (hub/recording/): off unless `enabled` (GRID_RECORDING=on). */
  readonly recording?: RecordingOptions;
}

/** One step of a hub's start: `done` of `total` units of work (the county: 0/1 → 1/1; the history: chunks). */
export interface HubStartProgress {
  readonly step: 'county' | 'history' | 'clips';
  readonly done: number;
  readonly total: number;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  /** Every route fastify registered (method, URL): what tests hold the OpenAPI document against. */
  readonly routes: ReadonlyArray<{ readonly method: string; readonly url: string }>;
  readonly context: HubContext;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export async function createHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const demo = options.demo ?? false;
  const db = new HubDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  // `restore` refuses to replace a database a hub has open.
  const releaseDatabase = markDatabaseInUse(options.dbPath);
  try {
    if (demo) {
      options.onProgress?.({ step: 'county', done: 0, total: 1 });
      await seedDemoCountyIfEmpty(db, now, [], options.progress);
      options.onProgress?.({ step: 'county', done: 1, total: 1 });
    }
    const onDemoPasswords = countDemoPasswordUsers(db);
    if (!demo && onDemoPasswords > 0) {
      throw new Error(
        `${onDemoPasswords} account(s) still use the published demo password; refusing to start outside demo mode ` +
          '(set GRID_DEMO=1 for a demo, or change those passwords first)',
      );
    }
  } catch (err) {
    db.close();
    releaseDatabase();
    throw err;
  }

  let hubLogger: HubLogger | null = null;
  try {
    if (options.log) hubLogger = await createHubLogger(options.log);
  } catch (err) {
    db.close();
    releaseDatabase();
    throw err;
  }
  const app = Fastify({
    ...(hubLogger ? { loggerInstance: hubLogger.logger } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
    // One HTTPS server carries the API, the media and socket.io's WSS (attached to app.server below).
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  });
  // A console behind a cut link (no FIN, no RST) learns it from the missing ping: within 15 s rather than socket.io's
  // default 45 s, so the room sees "offline" while it still matters. A ping every 10 s costs ~100 frames/s at 1,000.
  const io = new SocketServer(app.server, {
    serveClient: false,
    cors: { origin: false },
    pingInterval: 10_000,
    pingTimeout: 5_000,
    // Other upgrades are the live FLV sockets' (media/flv-websocket.ts), which may wait for a stream's first
    // keyframe before answering: engine.io must not end them after its default second.
    destroyUpgrade: false,
  });
  const auth = new AuthService(db, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now);
  const limits: LoginLimits = { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits };
  const video = createVideoServices(
    {
      db,
      now,
      dataDir: dirname(options.dbPath),
      demo,
      log: app.log,
      onSourceStatus: (cameraId, online) => void reportCameraStatus(context, cameraId, online),
      ...(options.progress ? { progress: options.progress } : {}),
    },
    {
      warmClipsOnStart: demo && options.simulate,
      ...(options.publicUrl ? { publicBaseUrl: options.publicUrl } : {}),
      ...options.video,
    },
  );
  const realtime = new ConsoleRealtime(io, auth, now);
  const context: HubContext = {
    db,
    log: app.log,
    writes: new GroupCommit(db),
    maxWriteBacklog: options.maxWriteBacklog ?? 5000,
    reference: new ReferenceSource(db),
    gridLocator: GridLocator.fromDatabase(db),
    auth,
    realtime,
    cases: new CasePublisher(realtime),
    demo,
    now,
    loginThrottle: {
      byAddress: new FailureThrottle(limits.perAddress, limits.windowMs, now),
      byAddressUser: new FailureThrottle(limits.perAddressUser, limits.windowMs, now),
      limits,
    },
    video,
  };
  const liveSockets = attachLiveFlvSockets(app.server, context, options.trustedProxies);

  try {
    if (demo) seedDemoHistoryIfMissing(context, options.progress, options.onProgress);
  } catch (err) {
    await video.close();
    db.close();
    releaseDatabase();
    await hubLogger?.close();
    throw err;
  }

  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (r) => [r.method].flat().forEach((method) => routes.push({ method, url: r.url })));
  installErrorHandling(app);
  registerOpenApiRoute(app);
  registerAuthRoutes(app, context);
  registerOrgRoutes(app, context);
  registerCaseRoutes(app, context);
  registerDeskRoutes(app, context);
  registerImportRoute(app, context);
  registerImportBatchRoutes(app, context);
  registerVideoRoutes(app, context);
  registerPtzRoutes(app, context, options.ptz);
  registerMapRoutes(app, context);
  registerWallLayoutRoutes(app, context);
  registerShiftRoutes(app, context);
  registerSearchRoutes(app, context);
  registerUserRoutes(app, context);
  registerCountyAdminRoutes(app, context);
  registerReferenceRoutes(app, context);
  registerEvidenceRoutes(app, context, options.evidence);
  registerPaperRoutes(app, context, options.paperPhotos ?? attachmentPhotoSource(context.db));
  registerRatingRoutes(app, context);
  const recording = createRecordingServices(
    { db, now, log: app.log, dataDir: dirname(options.dbPath) },
    () => video.gateway.ffmpegExecutable(),
    options.recording,
  );
  registerPlaybackRoutes(app, context, recording.root);
  registerRecordingPolicyRoutes(app, context, recording);
  const metrics = createHubMetrics(context, () => realtime.namespace.sockets.size);
  registerOpsRoutes(app, context, metrics, options.metrics ?? {});

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const stopSimulators =
    demo && options.simulate
      ? [...(options.simulateOutages === false ? [] : [startCameraSimulator(context)]), startReportSimulator(context)]
      : [];
  const stopTimers = [
    ...(options.supervisionIntervalMs === 0
      ? []
      : [startSupervisionTimer(context, options.supervisionIntervalMs, (n) => metrics.supervisionPass(n))]),
    ...(options.backup && options.backup.intervalMs > 0 ? [startBackupSchedule(db.raw, options.backup, app.log)] : []),
  ];
  await recording.start();
  const { port, address } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    context,
    routes,
    async close() {
      stopSimulators.forEach((stop) => stop());
      await Promise.all(stopTimers.map((stop) => stop()));
      realtime.close();
      liveSockets.close();
      // io.close() closes the HTTP server too, which waits for every connection: a client's keep-alive connection
      // (a console's health probe) would hold it for the keep-alive timeout (72 s), and with it the desktop app's
      // quit. In-flight requests get 2 s to finish, then every connection ends.
      const force = setTimeout(() => app.server.closeAllConnections(), 2000);
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await app.close();
      clearTimeout(force);
      await recording.close();
      await video.close();
      db.close();
      releaseDatabase();
      await hubLogger?.close();
    },
  };
}
