/**
 * The web host's console sessions over real HTTP against a real hub: a session (and its console service) exists
 * only from a login to its logout, hub-token expiry or idle timeout; their number is bounded; one health probe
 * serves the whole web host.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost, type WebHostOptions } from '../../main/web-host/server.js';
import { DEMO_PASSWORD, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let web: WebHost | undefined;
let rendererDir: string;

beforeAll(async () => {
  hub = await startTestHub({ tokenTtlMs: 60_000 });
  rendererDir = mkdtempSync(join(tmpdir(), 'grid-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网格联动指挥台</title>');
});
afterEach(async () => {
  await web?.close();
  web = undefined;
});
afterAll(async () => {
  await hub.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

const start = async (options: Partial<WebHostOptions> = {}, hubUrl = hub.url) =>
  (web = await startWebHost({ hubUrl, rendererDir, ...options }));
const until = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end;) await new Promise((r) => setTimeout(r, 25));
};

/** A browser: keeps the cookie the web host last set, as a browser would. */
function browser(host: WebHost) {
  let cookie = '';
  const remember = (res: Response) => {
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
  };
  const rpc = async (method: string, body: unknown = {}) => {
    const res = await fetch(`${host.url}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    remember(res);
    return { status: res.status, body: (await res.json()) as any };
  };
  const login = (username: string, password = DEMO_PASSWORD) => rpc('session.login', { username, password });
  return { rpc, login, cookie: () => cookie, page: async () => remember(await fetch(`${host.url}/`)) };
}

describe('web host sessions', () => {
  it('creates no console session for requests without a login, however many', async () => {
    const host = await start();
    for (let sent = 0; sent < 4000; sent += 100) {
      await Promise.all(Array.from({ length: 100 }, () => fetch(`${host.url}/`).then((r) => r.arrayBuffer())));
    }
    const anonymous = browser(host);
    await anonymous.page();
    expect((await anonymous.rpc('session.current')).body).toEqual({ ok: true, value: null });
    expect((await anonymous.rpc('connection.status')).body.ok).toBe(true);
    expect((await anonymous.rpc('cameras.list')).body.error.code).toBe('unauthenticated');
    expect((await browser(host).login('county.duty', 'wrong')).body.error.code).toBe('invalid_credentials');
    expect(host.stats().sessions).toBe(0);
  });

  it('creates a session at login under a fresh cookie and frees it at logout', async () => {
    const host = await start();
    const b = browser(host);
    await b.page();
    const before = b.cookie();
    expect((await b.login('town01.director')).body.ok).toBe(true);
    expect(b.cookie()).not.toBe(before); // a new id at login: a cookie planted before sign-in is worth nothing
    expect(host.stats().sessions).toBe(1);
    expect((await b.rpc('session.current')).body.value.username).toBe('town01.director');
    expect((await b.rpc('session.logout')).body.ok).toBe(true);
    expect(host.stats().sessions).toBe(0);
    expect((await b.rpc('session.current')).body.value).toBeNull();
  });

  it('joins an event stream opened before sign-in to the session, and ends it at logout', async () => {
    const host = await start();
    const b = browser(host);
    await b.page();
    const controller = new AbortController();
    const events = await fetch(`${host.url}/rpc/events`, {
      headers: { cookie: b.cookie() },
      signal: controller.signal,
    });
    const reader = events.body!.getReader();
    await b.login('town08.director');
    await b.rpc('session.logout');
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    expect(text).toContain('"push":"session.ended","payload":{"reason":"logout"}');
    controller.abort();
  });

  it('frees a session left idle, and a session whose hub token expired', async () => {
    const host = await start({ idleTimeoutMs: 400 });
    const idle = browser(host);
    await idle.login('town02.director');
    expect(host.stats().sessions).toBe(1);
    await until(() => host.stats().sessions === 0);
    expect(host.stats().sessions).toBe(0);
    expect((await idle.rpc('cameras.list')).body.error.code).toBe('unauthenticated');

    const shortHub = await startTestHub({ tokenTtlMs: 1500 });
    try {
      const other = await start({}, shortHub.url);
      const b = browser(other);
      await b.login('town03.director');
      expect(other.stats().sessions).toBe(1);
      await until(() => other.stats().sessions === 0, 6000);
      expect(other.stats().sessions).toBe(0);
    } finally {
      await web?.close();
      await shortHub.dispose();
    }
  });

  it('keeps a session with an open event stream past the idle timeout', async () => {
    const host = await start({ idleTimeoutMs: 300 });
    const b = browser(host);
    await b.login('town04.director');
    const controller = new AbortController();
    await fetch(`${host.url}/rpc/events`, { headers: { cookie: b.cookie() }, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 900));
    expect(host.stats().sessions).toBe(1);
    controller.abort();
    await until(() => host.stats().sessions === 0);
    expect(host.stats().sessions).toBe(0);
  });

  it('refuses logins beyond the configured number of sessions with a clear code', async () => {
    const host = await start({ maxSessions: 2 });
    expect((await browser(host).login('town05.director')).body.ok).toBe(true);
    expect((await browser(host).login('town06.director')).body.ok).toBe(true);
    const third = await browser(host).login('town07.director');
    expect(third.status).toBe(503);
    expect(third.body.error.code).toBe('web_sessions_full');
    expect(host.stats().sessions).toBe(2);
  });

  it('probes the hub once per interval for the whole web host, whatever the number of browsers', async () => {
    const host = await start({ healthIntervalMs: 200 });
    const browsers = Array.from({ length: 20 }, () => browser(host));
    await Promise.all(browsers.map((b) => b.page()));
    await Promise.all(browsers.slice(0, 3).map((b, i) => b.login(`town0${i + 1}.wall`)));
    await Promise.all(browsers.slice(0, 3).map((b) => b.rpc('session.logout')));
    const from = host.stats().healthProbes;
    await new Promise((r) => setTimeout(r, 2000));
    expect(host.stats().healthProbes - from).toBeLessThanOrEqual(11);
    expect(host.stats().healthProbes - from).toBeGreaterThanOrEqual(5);
  });
});
