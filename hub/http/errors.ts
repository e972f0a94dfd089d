/**
 * Every error leaves the hub as `{ error: { code, message, field?, params? } }` with a 4xx/5xx status; never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_STATUS, GridCommandError, type ErrorCode } from '../../common/errors.js';

/** Fastify's own refusals, by its error code; status from the table unless it says something more exact. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string; status?: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'bad_request', message: 'unsupported content type', status: 415 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'body is not valid JSON' },
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw, request, reply) => {
    if (raw instanceof GridCommandError) {
      if (raw.retryAfterSeconds !== undefined) void reply.header('retry-after', String(raw.retryAfterSeconds));
      return reply.status(raw.status).send({
        error: {
          code: raw.code,
          message: raw.message,
          ...(raw.field ? { field: raw.field } : {}),
          ...(raw.params ? { params: raw.params } : {}),
        },
      });
    }
    const err = raw as FastifyError;
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) {
      return reply
        .status(known.status ?? ERROR_STATUS[known.code])
        .send({ error: { code: known.code, message: known.message } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON and the like): its message is safe, a stack is not sent.
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    request.log.error({ err }, 'unhandled hub error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
}
