/**
 * Every error leaves the hub as `{ error: { code, message, field? } }` with a 4xx/5xx status; never a stack trace.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { GridCommandError } from '../../common/errors.js';

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: '请求体过大 / request body too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'bad_request',
    message: '不支持的内容类型 / unsupported content type',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: '请求体为空 / empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: '请求体不是有效的 JSON / body is not valid JSON',
  },
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw, request, reply) => {
    if (raw instanceof GridCommandError) {
      if (raw.retryAfterSeconds !== undefined) void reply.header('retry-after', String(raw.retryAfterSeconds));
      return reply.status(raw.status ?? 400).send({
        error: { code: raw.code, message: raw.message, ...(raw.field ? { field: raw.field } : {}) },
      });
    }
    const err = raw as FastifyError;
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(known.status).send({ error: { code: known.code, message: known.message } });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON and the like): its message is safe, a stack is not sent.
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    request.log.error({ err }, 'unhandled hub error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误 / internal error' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'not_found', message: `没有此接口 / no route ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
}
