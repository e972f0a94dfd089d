/**
 * HTTP client of the hub's contract routes, typed by route: `call(name, { params, query, body, idempotencyKey })`
 * takes exactly what the route's zod schemas accept, and an idempotent route (a write that must never happen
 * twice) does not compile without its idempotency key. Answers are validated against the route's response schema,
 * so a hub of another version fails loudly here instead of deep inside the UI. Network failures become
 * `hub_unreachable`.
 */
import type { z } from 'zod';
import { hubRoutes, type HubRouteName } from '../common/contract.js';
import { GridCommandError } from '../common/errors.js';
import { ApiErrorBody } from '../common/schemas.js';

type Route<N extends HubRouteName> = (typeof hubRoutes)[N];

/** A part the route declares is required (unless everything in it is optional); one it does not is refused. */
type Part<K extends string, S> = S extends z.ZodType
  ? Record<never, never> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> }
  : { [P in K]?: never };

export type HubCallOptions<N extends HubRouteName> = { readonly token?: string } & Part<
  'params',
  Route<N> extends { params: infer P } ? P : undefined
> &
  Part<'query', Route<N> extends { query: infer Q } ? Q : undefined> &
  Part<'body', Route<N>['method'] extends 'POST' ? Route<N>['body'] : undefined> &
  (Route<N> extends { idempotent: true } ? { readonly idempotencyKey: string } : { readonly idempotencyKey?: never });

/** The options argument may be left out only when nothing in it is required. */
type CallArgs<N extends HubRouteName> = object extends HubCallOptions<N> ? [HubCallOptions<N>?] : [HubCallOptions<N>];

export type HubAnswer<N extends HubRouteName> = z.output<Route<N>['response']>;

function searchParams(query: Record<string, unknown> | undefined): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  return search;
}

export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async call<N extends HubRouteName>(name: N, ...[options]: CallArgs<N>): Promise<HubAnswer<N>> {
    const route: (typeof hubRoutes)[HubRouteName] = hubRoutes[name];
    const opts = (options ?? {}) as {
      token?: string;
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
      idempotencyKey?: string;
    };
    const path = route.path.replace(/:([A-Za-z]+)/g, (_, param: string) =>
      encodeURIComponent(opts.params?.[param] ?? ''),
    );
    const url = new URL(path, this.baseUrl);
    url.search = searchParams(opts.query).toString();
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers: {
          ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
        },
        body: route.method === 'POST' ? JSON.stringify(opts.body ?? {}) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new GridCommandError(
        'hub_unreachable',
        `hub unreachable (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorBody.safeParse(payload);
      if (parsed.success) {
        const { code, message, field, params } = parsed.data.error;
        throw new GridCommandError(code, message, field, response.status, params);
      }
      throw new GridCommandError('internal', `hub answered ${response.status}`, undefined, response.status);
    }
    const parsed = route.response.safeParse(payload);
    if (!parsed.success) throw new GridCommandError('internal', `hub answer to ${name} does not match the contract`);
    return parsed.data as HubAnswer<N>;
  }
}
