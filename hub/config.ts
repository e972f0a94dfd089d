/**
 * The hub's settings from the environment and the config file (GRID_CONFIG, hub/config-file.ts; a variable that is
 * set wins), shared by `npm run hub`, `npm run web` and the Electron main process. The one place a HubEnvConfig is built.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { withConfigFile } from './config-file.js';
import { hubLogFromEnv, type HubLogOptions } from './logging.js';
import { recordingFromEnv } from './recording/recording-config.js';
import type { RecordingOptions } from './recording/recording-services.js';
import { checkExternalMediaTemplate } from './video-access/external-media.js';

export interface HubEnvConfig {
  /** GRID_RECORDING and GRID_RECORDING_* (hub/recording/recording-config.ts); absent: off. */
  readonly recording?: RecordingOptions;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly demo: boolean;
  /** GRID_SIMULATE, GRID_SIMULATE_OUTAGES: the demo's simulators (on unless "0"; only ever in demo mode). */
  readonly simulate: boolean;
  readonly simulateOutages: boolean;
  readonly tokenTtlMs: number | undefined;
  /** GRID_MEDIA_CACHE (default `<data dir>/media-cache`, shareable across data dirs), GRID_FFMPEG, GRID_MEDIA_FONT. */
  readonly video?: {
    readonly media: { readonly cacheDir?: string; readonly ffmpegPath?: string; readonly fontPath?: string };
    readonly externalMedia?: { readonly urlTemplate: string };
  };
  /**
   * GRID_MEDIA_MODE: who serves the wall's streams — the hub's own gateway ("embedded") or a media server the county
   * runs ("external", GRID_MEDIA_EXTERNAL_URL: the ticket URL template; hub/video-access/external-media.ts).
   */
  readonly mediaMode: 'embedded' | 'external';
  /** GRID_LOG_LEVEL, GRID_LOG_DIR, GRID_LOG_KEEP_FILES: the hub's log (hub/logging.ts). */
  readonly log: HubLogOptions;
  /** GRID_METRICS_ALLOW, GRID_METRICS_TOKEN: who may read /metrics besides loopback (hub/http/metrics.ts). */
  readonly metrics: { readonly allow: readonly string[]; readonly token?: string };
  /** GRID_BACKUP_*: scheduled online backups (hub/db/backup.ts); intervalMs 0 = none. */
  readonly backup: {
    readonly dir: string;
    readonly intervalMs: number;
    readonly keep: number;
    readonly maxAgeDays?: number;
  };
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

function numberFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  form: string,
  valid: (n: number) => boolean,
): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`${name} must be ${form}: ${raw}`);
  return value;
}

const listFrom = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function hubConfigFromEnv(
  processEnv: NodeJS.ProcessEnv,
  defaults: { dataDir: string; port: number },
): HubEnvConfig {
  const env = withConfigFile(processEnv);
  const dataDir = resolve(env.GRID_DATA_DIR ?? defaults.dataDir);
  const port =
    numberFrom(env, 'GRID_HUB_PORT', 'a port number 0–65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ??
    defaults.port;
  const ttlHours = numberFrom(env, 'GRID_TOKEN_TTL_HOURS', 'a number of hours > 0', (n) => n > 0);
  const wholeAtLeast1 = (n: number) => Number.isInteger(n) && n >= 1;
  const mediaMode = env.GRID_MEDIA_MODE ?? 'embedded';
  if (mediaMode !== 'embedded' && mediaMode !== 'external') {
    throw new Error(`GRID_MEDIA_MODE must be "embedded" or "external": ${mediaMode}`);
  }
  const externalUrl = env.GRID_MEDIA_EXTERNAL_URL;
  if (mediaMode === 'external' && !externalUrl) {
    throw new Error(
      'GRID_MEDIA_MODE "external" needs GRID_MEDIA_EXTERNAL_URL (the media server\'s ticket URL template)',
    );
  }
  if (mediaMode === 'embedded' && externalUrl) {
    throw new Error('GRID_MEDIA_EXTERNAL_URL is set but GRID_MEDIA_MODE is not "external"');
  }
  const externalMedia = externalUrl ? { urlTemplate: checkExternalMediaTemplate(externalUrl) } : undefined;
  const metricsToken = env.GRID_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 16)
    throw new Error('GRID_METRICS_TOKEN must be a secret of ≥ 16 characters');
  const intervalHours = numberFrom(env, 'GRID_BACKUP_INTERVAL_HOURS', 'hours ≥ 0 (0: off)', (n) => n >= 0) ?? 24;
  const maxAgeDays = numberFrom(env, 'GRID_BACKUP_MAX_AGE_DAYS', 'a number of days > 0', (n) => n > 0);
  const media = {
    ...(env.GRID_MEDIA_CACHE ? { cacheDir: resolve(env.GRID_MEDIA_CACHE) } : {}),
    ...(env.GRID_FFMPEG ? { ffmpegPath: env.GRID_FFMPEG } : {}),
    ...(env.GRID_MEDIA_FONT ? { fontPath: env.GRID_MEDIA_FONT } : {}),
  };
  const demo = env.GRID_DEMO !== '0';
  const tls = tlsFromEnv(env);
  const trustedProxies = parseTrustedProxies(env.GRID_TRUSTED_PROXIES);
  const publicUrl = publicUrlFromEnv(env.GRID_PUBLIC_URL);
  const recording = recordingFromEnv(env);
  return {
    ...(recording ? { recording } : {}),
    host: env.GRID_HUB_HOST ?? '127.0.0.1',
    port,
    dataDir,
    dbPath: join(dataDir, 'hub.sqlite'),
    demo,
    simulate: demo && env.GRID_SIMULATE !== '0',
    simulateOutages: env.GRID_SIMULATE_OUTAGES !== '0',
    tokenTtlMs: ttlHours === undefined ? undefined : ttlHours * 3600_000,
    mediaMode,
    log: {
      ...hubLogFromEnv(env, dataDir),
      keepFiles: numberFrom(env, 'GRID_LOG_KEEP_FILES', 'a whole number ≥ 1', wholeAtLeast1),
    },
    metrics: { allow: listFrom(env.GRID_METRICS_ALLOW), ...(metricsToken ? { token: metricsToken } : {}) },
    backup: {
      dir: resolve(env.GRID_BACKUP_DIR ?? join(dataDir, 'backups')),
      intervalMs: intervalHours * 3600_000,
      keep: numberFrom(env, 'GRID_BACKUP_KEEP', 'a whole number ≥ 1', wholeAtLeast1) ?? 7,
      ...(maxAgeDays === undefined ? {} : { maxAgeDays }),
    },
    ...(Object.keys(media).length > 0 || externalMedia
      ? { video: { media, ...(externalMedia ? { externalMedia } : {}) } }
      : {}),
    ...(tls ? { tls } : {}),
    ...(trustedProxies.length > 0 ? { trustedProxies } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  };
}

/** For the console's entry points (main/ reaches the hub only through this file and server.ts). */
export { takeConfigFlag, withConfigFile } from './config-file.js';
