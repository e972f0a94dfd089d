/**
 * The hub's log: pino (fastify's logger) to stdout and to a rolling file in the data folder, so a county server
 * keeps a record of what happened even when nobody watched the console. Files roll daily and at 20 MB; the last
 * 14 are kept (`<dir>/hub.<yyyy-MM-dd>.<n>.log`, `<dir>/current.log` points at the active one).
 *
 * Secrets never reach a line: tokens travel in headers (redacted), in the media path (`/media/<camera>/<token>/…`,
 * masked by the request serializer) or in query strings (token-like parameters masked), and passwords only in
 * bodies, which are not logged; the redact paths below also cover anyone who logs a header set or a body by hand.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { pino, type Level, type DestinationStream, type StreamEntry } from 'pino';
import pinoRoll from 'pino-roll';

export interface HubLogOptions {
  /** Default `info`; `silent` writes nothing. */
  readonly level?: Level | 'silent';
  /** Folder of the rolling log file; null or absent: no file. */
  readonly dir?: string | null;
  /** Also write to stdout (default true). */
  readonly stdout?: boolean;
  /** A further destination (tests capture lines here). */
  readonly stream?: NodeJS.WritableStream;
  /** Rolled files kept (default 14). */
  readonly keepFiles?: number;
}

export interface HubLogger {
  /** Typed as fastify's logger so `Fastify({ loggerInstance })` keeps the default instance type. */
  readonly logger: FastifyBaseLogger;
  /** Flushes and closes the file (the hub's close() calls it last). */
  close(): Promise<void>;
}

export const LOG_FILE_STEM = 'hub';

/** Every place a credential could sit in a logged object; the value becomes "[redacted]". */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.streamToken',
  'password',
  'token',
];

const SECRET_QUERY_KEY = /token|password|secret|ticket|sign|key/i;
const MEDIA_TOKEN = /^(\/media\/[^/?#]+\/)[^/?#]+/;

/** A request URL with the media token and token-like query values masked, for log lines. */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split(/\?(.*)/s, 2);
  const safePath = path.replace(MEDIA_TOKEN, '$1[redacted]');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [key = ''] = pair.split('=', 1);
      return SECRET_QUERY_KEY.test(decodeURIComponentSafe(key)) ? `${key}=[redacted]` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape is logged as sent, it cannot hide a key we would have matched
  }
}

interface LoggedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly ip?: string;
  readonly socket?: { remotePort?: number };
}

const SECRET_PARAMS = 'token|access_token|stream_token|sign|signature|secret|password|passwd|key|auth';

/**
 * Any text with every stream token (`/media/<camera>/<token>/…`), secret query value, URL credential
 * (`rtsp://user:pass@…`) and bearer token replaced: for messages, error stacks and ffmpeg's stderr.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\/media\/[^/?#\s"]+\/)[^/?#\s"]+/g, '$1[redacted]')
    .replace(new RegExp(`([?&;](?:${SECRET_PARAMS})=)[^&#\\s"]*`, 'gi'), '$1[redacted]')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"]+@/gi, '$1[credentials]@')
    .replace(/(\bbearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]');
}

const serializers = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: redactSecrets(redactUrl(req.url ?? '')),
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
  err: (err: Error & { code?: string; statusCode?: number }) => ({
    type: err.name,
    code: err.code,
    statusCode: err.statusCode,
    message: redactSecrets(err.message),
    stack: redactSecrets(err.stack ?? ''),
  }),
};

/** Strings passed to a log call itself (messages, format arguments) are redacted too, at every level. */
const hooks = {
  logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
    method.apply(
      this,
      args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)),
    );
  },
};

/** GRID_LOG_LEVEL and GRID_LOG_DIR over the defaults (`info`, `<data dir>/logs`); GRID_LOG_DIR=off: no file. */
export function hubLogFromEnv(env: NodeJS.ProcessEnv, dataDir: string): HubLogOptions {
  const level = (env.GRID_LOG_LEVEL ?? 'info') as Level | 'silent';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
    throw new Error(`GRID_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent: ${level}`);
  }
  const dir = env.GRID_LOG_DIR === 'off' ? null : (env.GRID_LOG_DIR ?? join(dataDir, 'logs'));
  return { level, dir };
}

export async function createHubLogger(options: HubLogOptions): Promise<HubLogger> {
  const level = options.level ?? 'info';
  const streams: StreamEntry[] = [];
  if (options.stdout ?? true) streams.push({ level: level === 'silent' ? 'fatal' : level, stream: process.stdout });
  let file: (DestinationStream & { end(): void; once(event: 'close', cb: () => void): void }) | null = null;
  if (options.dir && level !== 'silent') {
    mkdirSync(options.dir, { recursive: true });
    file = await pinoRoll({
      file: join(options.dir, LOG_FILE_STEM),
      extension: '.log',
      frequency: 'daily',
      dateFormat: 'yyyy-MM-dd',
      size: '20m',
      limit: { count: options.keepFiles ?? 14 },
      symlink: true,
      mkdir: true,
    });
    streams.push({ level, stream: file });
  }
  if (options.stream && level !== 'silent') streams.push({ level, stream: options.stream });
  const logger = pino(
    { level, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' }, serializers, hooks },
    pino.multistream(streams),
  );
  return {
    logger,
    async close() {
      if (!file) return;
      const closing = file;
      file = null;
      await new Promise<void>((resolve) => {
        closing.once('close', resolve);
        closing.end();
      });
    },
  };
}
