/**
 * The web host's stand-in for the preload: the same GridCommandApi, carried over loopback HTTP (calls) and
 * Server-Sent Events (pushes) to the console service that the web host runs. The hub token stays in that service;
 * the browser holds only an httpOnly session cookie.
 */
import type { CallResult, ConsolePushName, GridCommandApi, PushPayload } from '../../../common/contract.js';

export function createWebBridge(base = ''): GridCommandApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let events: EventSource | null = null;

  const ensureEvents = (): void => {
    if (events) return;
    events = new EventSource(`${base}/rpc/events`);
    events.onmessage = (message: MessageEvent<string>) => {
      const { push, payload } = JSON.parse(message.data) as { push: string; payload: unknown };
      listeners.get(push)?.forEach((listener) => listener(payload));
    };
  };

  return {
    async call(method, request) {
      try {
        const response = await fetch(`${base}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(request),
        });
        // Binary answers (map.events) arrive as application/octet-stream; everything else, refusals included, is JSON.
        if (response.headers.get('content-type')?.startsWith('application/octet-stream')) {
          return { ok: true, value: new Uint8Array(await response.arrayBuffer()) } as CallResult<never>;
        }
        return (await response.json()) as CallResult<never>;
      } catch {
        return {
          ok: false,
          error: { code: 'console_unreachable', message: '无法连接控制台服务 / console service unreachable' },
        };
      }
    },
    subscribe<K extends ConsolePushName>(push: K, listener: (payload: PushPayload<K>) => void) {
      ensureEvents();
      const set = listeners.get(push) ?? new Set();
      listeners.set(push, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
        // Close the stream once nobody listens (at sign-out), so the next subscriber (after the next sign-in)
        // opens a fresh one with the new session cookie instead of reusing a stream the host may have refused.
        if ([...listeners.values()].every((remaining) => remaining.size === 0)) {
          events?.close();
          events = null;
        }
      };
    },
  };
}
