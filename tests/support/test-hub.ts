/** A real hub on 127.0.0.1 over its own copy of the seeded demo database. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createHub, type Hub, type HubOptions } from '../../hub/server.js';

export interface TestHub extends Hub {
  readonly dir: string;
  readonly dbPath: string;
  /** Stops the hub and deletes its files. */
  dispose(): Promise<void>;
}

export async function startTestHub(options: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-hub-'));
  const dbPath = join(dir, 'hub.sqlite');
  copyFileSync(inject('templateDbPath'), dbPath);
  const hub = await createHub({ dbPath, demo: true, ...options });
  let closed = false;
  return {
    ...hub,
    dir,
    dbPath,
    async close() {
      if (closed) return;
      closed = true;
      await hub.close();
    },
    async dispose() {
      if (!closed) {
        closed = true;
        await hub.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD = 'Demo@2026';

export async function api(
  hub: { url: string },
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: keep the text so the assertion shows it */
  }
  return { status: response.status, body, headers: response.headers };
}

export async function login(hub: { url: string }, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await api(hub, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
