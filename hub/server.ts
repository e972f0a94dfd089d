/**
 * The county hub: HTTP (fastify) + socket.io on one port, over one SQLite database. `createHub` is what the CLI,
 * the Electron main process (embedded hub) and the tests all call.
 */
import Fastify from 'fastify';
import { Server as SocketServer } from 'socket.io';
import type { AddressInfo } from 'node:net';
import { AuthService } from './auth/auth-service.js';
import { RateLimiter } from './auth/rate-limiter.js';
import { HubDatabase } from './db/database.js';
import { countDemoPasswordUsers } from './db/users-store.js';
import { startCameraSimulator } from './demo/camera-simulator.js';
import { seedDemoCountyIfEmpty } from './demo/seed-demo.js';
import type { HubContext } from './hub-context.js';
import { registerAuthRoutes } from './http/auth-routes.js';
import { installErrorHandling } from './http/errors.js';
import { registerReadRoutes } from './http/read-routes.js';
import { ConsoleRealtime } from './realtime/console-namespace.js';

export interface HubOptions {
  /** SQLite file; created and migrated if missing. */
  readonly dbPath: string;
  readonly host?: string;
  readonly port?: number;
  /** Demo mode: seeds X County on first start and allows the published demo passwords. */
  readonly demo?: boolean;
  readonly tokenTtlMs?: number;
  readonly loginLimits?: { perAddress: number; perUsername: number; windowMs: number };
  readonly nativeBinding?: string;
  readonly now?: () => number;
  readonly log?: boolean;
  /** Demo only: run the simulators that keep the demo county moving (off in tests, which want exact pushes). */
  readonly simulate?: boolean;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly context: HubContext;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export async function createHub(options: HubOptions): Promise<Hub> {
  const now = options.now ?? Date.now;
  const demo = options.demo ?? false;
  const db = new HubDatabase(options.dbPath, { nativeBinding: options.nativeBinding });
  try {
    if (demo) await seedDemoCountyIfEmpty(db, now);
    const onDemoPasswords = countDemoPasswordUsers(db);
    if (!demo && onDemoPasswords > 0) {
      throw new Error(
        `${onDemoPasswords} account(s) still use the published demo password; refusing to start outside demo mode ` +
          '(set GRID_DEMO=1 for a demo, or change those passwords first)',
      );
    }
  } catch (err) {
    db.close();
    throw err;
  }

  const app = Fastify({ logger: options.log ?? false, bodyLimit: 1024 * 1024, trustProxy: false });
  const io = new SocketServer(app.server, { serveClient: false, cors: { origin: false } });
  const auth = new AuthService(db, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now);
  const limits = options.loginLimits ?? { perAddress: 30, perUsername: 10, windowMs: 60_000 };
  const context: HubContext = {
    db,
    auth,
    realtime: new ConsoleRealtime(io, auth, now),
    demo,
    now,
    loginLimitByAddress: new RateLimiter(limits.perAddress, limits.windowMs, now),
    loginLimitByUsername: new RateLimiter(limits.perUsername, limits.windowMs, now),
  };

  installErrorHandling(app);
  registerAuthRoutes(app, context);
  registerReadRoutes(app, context);

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const stopSimulators = demo && options.simulate ? [startCameraSimulator(context)] : [];
  const { port, address } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    port,
    context,
    async close() {
      stopSimulators.forEach((stop) => stop());
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await app.close();
      db.close();
    },
  };
}
