/**
 * Registers a hub route from its contract entry: the body is validated with the contract's schema, the bearer
 * token is checked when the route needs it, and the handler only ever sees valid, authenticated input.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { describeZodIssue, GridCommandError } from '../../common/errors.js';
import type { AuthenticatedSession } from '../auth/auth-service.js';
import type { HubContext } from '../hub-context.js';

interface RouteSpec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly auth: boolean;
  readonly body: z.ZodType;
  readonly response: z.ZodType;
}

export interface RouteInput<S extends RouteSpec> {
  readonly body: z.output<S['body']>;
  readonly session: S['auth'] extends true ? AuthenticatedSession : undefined;
  readonly request: FastifyRequest;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { message, field } = describeZodIssue(parsed.error.issues);
    throw new GridCommandError('validation_failed', message, field, 400);
  }
  return parsed.data;
}

export function route<S extends RouteSpec>(
  app: FastifyInstance,
  hub: HubContext,
  spec: S,
  handler: (input: RouteInput<S>) => Promise<z.input<S['response']>> | z.input<S['response']>,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const session = spec.auth ? hub.auth.authenticate(bearerToken(request)) : undefined;
      const body = spec.method === 'GET' ? {} : parseWith(spec.body, request.body ?? {});
      const result = await handler({ body, session, request } as RouteInput<S>);
      return reply.header('cache-control', 'no-store').send(result);
    },
  });
}
