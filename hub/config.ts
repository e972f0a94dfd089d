/** The hub's settings from the environment, shared by `npm run hub`, `npm run web` and the Electron main process. */
import { join, resolve } from 'node:path';
import { hubLogFromEnv, type HubLogOptions } from './logging.js';

export interface HubEnvConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly demo: boolean;
  readonly tokenTtlMs: number | undefined;
  /** GRID_MEDIA_CACHE: where encoded demo clips are kept (default `<data dir>/media-cache`), shareable across data dirs. */
  readonly video?: { readonly media: { readonly cacheDir: string } };
  /** GRID_LOG_LEVEL, GRID_LOG_DIR: the hub's log (hub/logging.ts). */
  readonly log: HubLogOptions;
}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv, defaults: { dataDir: string; port: number }): HubEnvConfig {
  const dataDir = resolve(env.GRID_DATA_DIR ?? defaults.dataDir);
  const port = env.GRID_HUB_PORT === undefined ? defaults.port : Number(env.GRID_HUB_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`GRID_HUB_PORT is not a port: ${env.GRID_HUB_PORT}`);
  const ttlHours = env.GRID_TOKEN_TTL_HOURS === undefined ? undefined : Number(env.GRID_TOKEN_TTL_HOURS);
  if (ttlHours !== undefined && !(ttlHours > 0)) throw new Error(`GRID_TOKEN_TTL_HOURS must be > 0`);
  return {
    host: env.GRID_HUB_HOST ?? '127.0.0.1',
    port,
    dataDir,
    dbPath: join(dataDir, 'hub.sqlite'),
    demo: env.GRID_DEMO !== '0',
    tokenTtlMs: ttlHours === undefined ? undefined : ttlHours * 3600_000,
    log: hubLogFromEnv(env, dataDir),
    ...(env.GRID_MEDIA_CACHE ? { video: { media: { cacheDir: resolve(env.GRID_MEDIA_CACHE) } } } : {}),
  };
}
