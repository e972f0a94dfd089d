/**
 * The map's bytes across the console boundary, both hosts: the console service hands on the hub's body untouched,
 * an IPC-style structured clone keeps it a Uint8Array, and the web host answers it as application/octet-stream
 * (no JSON, no base64) while refusals stay JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMapEvents } from '../../common/map-events-format.js';
import { ConsoleService } from '../../main/console-service.js';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';
import { startWebHost, type WebHost } from '../../main/web-host/server.js';
import { DEMO_PASSWORD, login, startTestHub, type TestHub } from '../support/test-hub.js';

const PERIOD = { from: '2018-01-01', to: '2019-01-01' };

let hub: TestHub;
let web: WebHost;
let rendererDir: string;
let service: ConsoleService;

beforeAll(async () => {
  hub = await startTestHub();
  rendererDir = mkdtempSync(join(tmpdir(), 'grid-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网格联动指挥台</title>');
  web = await startWebHost({ hubUrl: hub.url, rendererDir });
  service = new ConsoleService({ hubUrl: hub.url, healthIntervalMs: 60_000 });
  await service.handlers['session.login']({ username: 'town03.director', password: DEMO_PASSWORD });
});
afterAll(async () => {
  service.close();
  await web.close();
  await hub.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function hubBytes(username: string): Promise<Uint8Array> {
  const token = await login(hub, username);
  const res = await fetch(`${hub.url}/api/v1/map/events?from=${PERIOD.from}&to=${PERIOD.to}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return new Uint8Array(await res.arrayBuffer());
}

describe('map.events across the console boundary', () => {
  it('passes the hub’s body through the console service byte for byte, and survives a structured clone', async () => {
    const result = await dispatchConsoleCall(service, 'map.events', PERIOD);
    expect(result.ok).toBe(true);
    const bytes = (result as { ok: true; value: Uint8Array }).value;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    expect(Buffer.from(bytes).equals(Buffer.from(await hubBytes('town03.director')))).toBe(true);
    // What Electron's IPC does to an answer (the V8 serializer behind structured clone).
    const cloned = deserialize(serialize(result)) as { ok: true; value: Uint8Array };
    expect(cloned.value).toBeInstanceOf(Uint8Array);
    const events = decodeMapEvents(cloned.value);
    expect(events.count).toBeGreaterThan(100);
    expect(events.dictionary.grids.every((grid) => grid.startsWith('431099003'))).toBe(true);
  });

  it('validates the request against the contract before asking the hub', async () => {
    const result = await dispatchConsoleCall(service, 'map.events', { from: '2019-01-01', to: '2018-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'to' } });
  });

  it('answers the web host’s RPC as application/octet-stream, refusals as JSON', async () => {
    const page = await fetch(`${web.url}/`);
    let cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const rpc = async (method: string, body: unknown) => {
      const res = await fetch(`${web.url}/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
      // The web host sets a new session cookie at login, as a browser would keep.
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      return res;
    };
    const before = await rpc('map.events', PERIOD);
    expect(before.headers.get('content-type')).toMatch(/application\/json/);
    expect(await before.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    await rpc('session.login', { username: 'county.duty', password: DEMO_PASSWORD });
    const res = await rpc('map.events', PERIOD);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(await hubBytes('county.duty')))).toBe(true);
    // 22 bytes an event plus a small header: no JSON or base64 inflation on the way.
    const events = decodeMapEvents(bytes);
    expect(bytes.byteLength).toBeLessThan(events.count * 22 + 64 * 1024);

    const boundaries = (await (await rpc('map.boundaries', {})).json()) as any;
    expect(boundaries.ok).toBe(true);
    expect(boundaries.value[0]).toMatchObject({ level: 'county', geometry: { type: expect.any(String) } });
  });
});
