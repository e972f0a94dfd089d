/**
 * Secrets never reach a log line. Stream tokens travel in media URLs (`/media/<camera>/<token>/…`), clients may put
 * tokens in a query string, camera sources carry `user:password@`, and a bearer token may end up in a message.
 * The hub's logger rewrites each of those in the request URL it logs, in error messages and stacks, and in every
 * string logged — debug level included.
 */
import type { FastifyServerOptions } from 'fastify';

const SECRET_PARAMS = 'token|access_token|stream_token|sign|signature|secret|password|passwd|key|auth';

/** The text with every stream token, secret query value, URL credential and bearer token replaced. */
export function redactSecrets(text: string): string {
  return text
    .replace(/(\/media\/[^/?#\s"]+\/)[^/?#\s"]+/g, '$1[token]')
    .replace(new RegExp(`([?&;](?:${SECRET_PARAMS})=)[^&#\\s"]*`, 'gi'), '$1[redacted]')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"]+@/gi, '$1[credentials]@')
    .replace(/(\bbearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]');
}

export interface HubLogOptions {
  readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where lines go (a pino destination); stdout by default. */
  readonly stream?: NodeJS.WritableStream;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remoteAddress?: string; remotePort?: number };
}

/** Fastify's `logger` option: off, or pino with the redacting serializers and hook. */
export function hubLogger(log: boolean | HubLogOptions | undefined): FastifyServerOptions['logger'] {
  if (!log) return false;
  const { level = 'info', stream } = log === true ? {} : log;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactSecrets(req.url ?? ''),
        host: req.host,
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      err: (err: Error & { code?: string; statusCode?: number }) => ({
        type: err.name,
        code: err.code,
        statusCode: err.statusCode,
        message: redactSecrets(err.message),
        stack: redactSecrets(err.stack ?? ''),
      }),
    },
    hooks: {
      // Strings passed to the log call itself (messages, format arguments) are redacted as well.
      logMethod(args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)),
        );
      },
    },
  } as FastifyServerOptions['logger'];
}
