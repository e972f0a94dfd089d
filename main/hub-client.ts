/**
 * HTTP client of the hub's contract routes. Responses are validated against the contract, so a hub of another
 * version fails loudly here instead of deep inside the UI. Network failures become `hub_unreachable`.
 */
import type { z } from 'zod';
import { hubRoutes, type HubRouteName } from '../common/contract.js';
import { GridCommandError } from '../common/errors.js';
import { ApiErrorBody } from '../common/schemas.js';

type Route<N extends HubRouteName> = (typeof hubRoutes)[N];

export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async request<N extends HubRouteName>(
    name: N,
    options: {
      body?: z.input<Route<N>['body']>;
      token?: string;
      params?: Record<string, string>;
      query?: Record<string, string | number>;
      idempotencyKey?: string;
    } = {},
  ): Promise<z.output<Route<N>['response']>> {
    const route = hubRoutes[name];
    const path = route.path.replace(/:([A-Za-z]+)/g, (_, param: string) =>
      encodeURIComponent(options.params?.[param] ?? ''),
    );
    const url = new URL(path, this.baseUrl);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers: {
          ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        },
        body: route.method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new GridCommandError(
        'hub_unreachable',
        `无法连接县级平台 / hub unreachable (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorBody.safeParse(payload);
      if (parsed.success) {
        const { code, message, field } = parsed.data.error;
        throw new GridCommandError(code, message, field, response.status);
      }
      throw new GridCommandError('internal', `hub answered ${response.status}`, undefined, response.status);
    }
    const parsed = route.response.safeParse(payload);
    if (!parsed.success) throw new GridCommandError('internal', `hub answer to ${name} does not match the contract`);
    return parsed.data as z.output<Route<N>['response']>;
  }
}
