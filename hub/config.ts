/** The hub's settings from the environment, shared by `npm run hub`, `npm run web` and the Electron main process. */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
  /** GRID_TLS_CERT + GRID_TLS_KEY (PEM files): the hub serves HTTPS/WSS itself. */
  readonly tls?: HubTls;
  /** GRID_TRUSTED_PROXIES: addresses/CIDRs whose X-Forwarded-For/-Proto/-Host the hub believes (a reverse proxy). */
  readonly trustedProxies?: readonly string[];
  /** GRID_PUBLIC_URL: the origin clients reach the hub at (behind a proxy); stream ticket URLs are built on it. */
  readonly publicUrl?: string;
}

export interface HubTls {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** One trusted-proxy entry: an IPv4/IPv6 address, optionally with a CIDR prefix length. Names are refused. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new Error(`GRID_TRUSTED_PROXIES: not an address or CIDR: ${entry}`);
    }
  }
  return entries;
}

function tlsFromEnv(env: NodeJS.ProcessEnv): HubTls | undefined {
  const { GRID_TLS_CERT: cert, GRID_TLS_KEY: key } = env;
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error('GRID_TLS_CERT and GRID_TLS_KEY go together (PEM files)');
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (err) {
      throw new Error(`${name} cannot be read: ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
        cause: err,
      });
    }
  };
  return { cert: read('GRID_TLS_CERT', cert), key: read('GRID_TLS_KEY', key) };
}

function publicUrlFromEnv(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (err) {
    throw new Error(`GRID_PUBLIC_URL is not a URL: ${raw}`, { cause: err });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('GRID_PUBLIC_URL must be http(s)');
  return url.origin;
}

export function hubConfigFromEnv(env: NodeJS.ProcessEnv, defaults: { dataDir: string; port: number }): HubEnvConfig {
  const dataDir = resolve(env.GRID_DATA_DIR ?? defaults.dataDir);
  const port = env.GRID_HUB_PORT === undefined ? defaults.port : Number(env.GRID_HUB_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`GRID_HUB_PORT is not a port: ${env.GRID_HUB_PORT}`);
  const ttlHours = env.GRID_TOKEN_TTL_HOURS === undefined ? undefined : Number(env.GRID_TOKEN_TTL_HOURS);
  if (ttlHours !== undefined && !(ttlHours > 0)) throw new Error(`GRID_TOKEN_TTL_HOURS must be > 0`);
  const tls = tlsFromEnv(env);
  const trustedProxies = parseTrustedProxies(env.GRID_TRUSTED_PROXIES);
  const publicUrl = publicUrlFromEnv(env.GRID_PUBLIC_URL);
  return {
    host: env.GRID_HUB_HOST ?? '127.0.0.1',
    port,
    dataDir,
    dbPath: join(dataDir, 'hub.sqlite'),
    demo: env.GRID_DEMO !== '0',
    tokenTtlMs: ttlHours === undefined ? undefined : ttlHours * 3600_000,
    log: hubLogFromEnv(env, dataDir),
    ...(tls ? { tls } : {}),
    ...(trustedProxies.length > 0 ? { trustedProxies } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(env.GRID_MEDIA_CACHE ? { video: { media: { cacheDir: resolve(env.GRID_MEDIA_CACHE) } } } : {}),
  };
}
