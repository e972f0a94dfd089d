/**
 * Registers a hub route from its contract entry. Path parameters, query and body are validated with the
 * contract's schemas, the bearer token is checked when the route needs it, and the handler only ever sees valid,
 * authenticated input.
 *
 * Idempotent routes (writes) run their handler synchronously inside one group-committed transaction together with
 * the idempotency record: a retry with the same key gets the stored answer, a refusal stores nothing and changes
 * nothing, and the answer is sent only after the commit. The answer is checked against the route's response schema
 * before the commit, so an answer that does not match the contract rolls the write back (500) instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { hubRoutes, type HubRoute } from '../../common/contract.js';
import { describeZodIssue, GridCommandError } from '../../common/errors.js';
import type { AuthenticatedSession } from '../auth/auth-service.js';
import { findAnswer, idempotencyKeyOf, requestHash, storeAnswer } from './idempotency-store.js';
import type { HubContext } from '../hub-context.js';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends HubRoute> {
  readonly body: z.output<S['body']>;
  readonly params: Out<S['params']>;
  readonly query: Out<S['query']>;
  readonly session: S['auth'] extends true ? AuthenticatedSession : undefined;
  readonly request: FastifyRequest;
  /** Work to do once the write is committed (pushes): never for a refused write, never twice for a retry. */
  readonly afterCommit: (effect: () => void) => void;
}

type Answer<S extends HubRoute> = z.input<S['response']>;
type Handler<S extends HubRoute> = S['idempotent'] extends true
  ? (input: RouteInput<S>) => Answer<S>
  : (input: RouteInput<S>) => Promise<Answer<S>> | Answer<S>;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, status = 400): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { message, field } = describeZodIssue(parsed.error.issues);
    throw new GridCommandError('validation_failed', message, field, status);
  }
  return parsed.data;
}

/**
 * Back-pressure: when writes queue up faster than the disk commits them, new writes are refused with 503 and
 * Retry-After rather than piling up until the hub falls over. Clients retry with the same Idempotency-Key.
 */
export function refuseWhenOverloaded(hub: HubContext): void {
  if (hub.writes.backlog >= hub.maxWriteBacklog) {
    throw new GridCommandError('overloaded', 'the hub is busy, retry shortly', undefined, undefined, {
      retryAfterSeconds: 1,
    });
  }
}

/** What a user holding a one-time password may still do: see who they are, change it, sign out. */
const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(
  [hubRoutes.me, hubRoutes.changePassword, hubRoutes.logout].map((r) => `${r.method} ${r.path}`),
);

export function route<S extends HubRoute>(app: FastifyInstance, hub: HubContext, spec: S, handler: Handler<S>): void {
  app.route({
    method: spec.method,
    url: spec.path,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (request, reply) => {
      const passwordChange = OPEN_BEFORE_PASSWORD_CHANGE.has(`${spec.method} ${spec.path}`);
      const session = spec.auth ? hub.auth.authenticate(bearerToken(request), { passwordChange }) : undefined;
      const effects: Array<() => void> = [];
      const input = {
        session,
        request,
        afterCommit: (effect: () => void) => void effects.push(effect),
        params: spec.params ? parseWith(spec.params, request.params) : undefined,
        query: spec.query ? parseWith(spec.query, request.query) : undefined,
        body: spec.method === 'GET' ? {} : parseWith(spec.body, request.body ?? {}),
      } as unknown as RouteInput<S>;
      void reply.header('cache-control', 'no-store');

      if (!spec.idempotent) {
        const result = await (handler as (i: RouteInput<S>) => Promise<Answer<S>>)(input);
        effects.forEach((effect) => effect());
        return reply.status(spec.successStatus ?? 200).send(result);
      }
      if (!session) throw new Error(`idempotent route ${spec.path} must require auth`);
      const key = idempotencyKeyOf(request.headers);
      refuseWhenOverloaded(hub);
      const hash = requestHash(request.url, { params: input.params, body: input.body });
      const answer = await hub.writes.run(() => {
        const stored = findAnswer(hub.db, session.user.id, key, hash);
        if (stored) return { ...stored, replayed: true };
        const body = (handler as (i: RouteInput<S>) => Answer<S>)(input);
        // Checked before the commit: an answer the hub could not send (or a client could not read) must not leave
        // behind a write that was never acknowledged. Throwing here undoes this write's savepoint.
        const checked = spec.response.safeParse(body);
        if (!checked.success) {
          request.log.error(
            { issues: checked.error.issues, path: spec.path },
            'hub answer does not match the contract',
          );
          throw new GridCommandError(
            'internal',
            'the hub could not produce a valid answer; nothing was written',
            undefined,
            500,
          );
        }
        const fresh = { status: spec.successStatus ?? 200, body };
        storeAnswer(hub.db, session.user.id, key, hash, fresh, hub.now());
        return { ...fresh, replayed: false };
      });
      if (answer.replayed) void reply.header('idempotent-replayed', 'true');
      else effects.forEach((effect) => effect());
      return reply.status(answer.status).send(answer.body);
    },
  });
}
