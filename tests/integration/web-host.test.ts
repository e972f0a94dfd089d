/**
 * The web host over real HTTP: a browser session gets its own console service behind an httpOnly cookie, calls go
 * through the contract, pushes arrive as SSE, other origins and escaping paths are refused.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../main/content-security-policy.js';
import { startWebHost, type WebHost } from '../../main/web-host/server.js';
import { reportCameraStatus } from '../../hub/cameras/camera-status.js';
import { DEMO_PASSWORD, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let web: WebHost;
let rendererDir: string;

beforeAll(async () => {
  hub = await startTestHub();
  rendererDir = mkdtempSync(join(tmpdir(), 'grid-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'" /><title>网格联动指挥台</title>`,
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'grid-secret.txt'), 'secret');
  web = await startWebHost({ hubUrl: hub.url, rendererDir });
});
afterAll(async () => {
  await web.close();
  await hub.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

async function browserSession() {
  const page = await fetch(`${web.url}/`);
  let cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const rpc = async (method: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${web.url}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(body),
    });
    // A login answers with a new session cookie, which a browser keeps.
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { status: res.status, body: (await res.json()) as any };
  };
  return { page, cookie: () => cookie, rpc };
}

describe('web host', () => {
  it('serves the renderer with a strict CSP and an httpOnly, SameSite=Strict session cookie', async () => {
    const { page } = await browserSession();
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('网格联动指挥台');
    // The served meta tag is this host's policy without frame-ancestors, not the built file's.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(buildContentSecurityPolicy({ hubUrls: [hub.url], target: 'meta' }));
    const header = buildContentSecurityPolicy({ hubUrls: [hub.url], target: 'header' });
    expect(page.headers.get('content-security-policy')).toBe(header);
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(`${web.url}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('keeps each browser session apart, each with its own user', async () => {
    const a = await browserSession();
    const b = await browserSession();
    expect((await a.rpc('session.login', { username: 'county.duty', password: DEMO_PASSWORD })).body.ok).toBe(true);
    expect((await b.rpc('session.login', { username: 'town05.director', password: DEMO_PASSWORD })).body.ok).toBe(true);
    expect((await a.rpc('session.current', {})).body.value.username).toBe('county.duty');
    expect((await b.rpc('session.current', {})).body.value.username).toBe('town05.director');
    const bUnits = (await b.rpc('org.units', {})).body.value as Array<{ code: string }>;
    expect(bUnits.every((u) => u.code.startsWith('431099005'))).toBe(true);
  });

  it('refuses calls from another origin', async () => {
    const s = await browserSession();
    const res = await s.rpc('session.current', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../grid-secret.txt',
      '/%2e%2e/grid-secret.txt',
      '/..%2fgrid-secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fgrid-secret.txt',
    ]) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('streams pushes to the browser session as server-sent events', async () => {
    const s = await browserSession();
    await s.rpc('session.login', { username: 'town01.wall', password: DEMO_PASSWORD });
    const cameras = (await s.rpc('cameras.list', {})).body.value as Array<{ id: string }>;
    const controller = new AbortController();
    const events = await fetch(`${web.url}/rpc/events`, { headers: { cookie: s.cookie() }, signal: controller.signal });
    expect(events.headers.get('content-type')).toBe('text/event-stream');
    const reader = events.body!.getReader();
    // Wait until the socket to the hub is up, then change a camera in this township.
    for (let i = 0; i < 100 && (await s.rpc('connection.status', {})).body.value.state !== 'online'; i++)
      await new Promise((r) => setTimeout(r, 50));
    reportCameraStatus(hub.context, cameras[0]!.id, false);
    let text = '';
    while (!text.includes('camera.status')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const line = text.split('\n').find((l) => l.includes('camera.status'))!;
    expect(JSON.parse(line.slice('data: '.length))).toMatchObject({
      push: 'camera.status',
      payload: { cameraId: cameras[0]!.id, online: false },
    });
  });
});

/** A raw request with any Host header (fetch would not let a test forge it). */
function rawRequest(path: string, host: string, init: { method?: string; body?: string; origin?: string } = {}) {
  const { port } = new URL(web.url);
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: {
          host,
          ...(init.origin ? { origin: init.origin } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        // An event stream would not end by itself: its head is enough.
        if (res.headers['content-type'] === 'text/event-stream') res.destroy();
      },
    );
    req.once('error', reject);
    req.end(init.body);
  });
}

describe('web host against DNS rebinding', () => {
  const { port } = { port: () => new URL(web.url).port };

  it('refuses every route when the Host header names another site, before any work', async () => {
    const forged = `attacker.example:${port()}`;
    const login = await rawRequest('/rpc/session.login', forged, {
      method: 'POST',
      origin: `http://${forged}`,
      body: JSON.stringify({ username: 'county.duty', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(421);
    expect(JSON.parse(login.body).error.code).toBe('host_not_allowed');
    expect(login.headers['set-cookie']).toBeUndefined();
    for (const path of ['/', '/assets/app.js', '/rpc/events', '/tiles/1/0/0.png']) {
      const res = await rawRequest(path, forged);
      expect(res.status, path).toBe(421);
      expect(res.headers['set-cookie'], path).toBeUndefined();
      expect(res.body, path).not.toContain('网格联动指挥台');
    }
    for (const host of ['attacker.example', '127.0.0.1.attacker.example', 'localhost.attacker.example']) {
      expect((await rawRequest('/', host)).status, host).toBe(421);
    }
  });

  it('serves the loopback names it listens on', async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`, 'localhost']) {
      expect((await rawRequest('/', host)).status, host).toBe(200);
    }
  });

  it('serves extra host names only when configured', async () => {
    const named = await startWebHost({ hubUrl: hub.url, rendererDir, hostnames: ['console.county.example'] });
    try {
      const { port: namedPort } = new URL(named.url);
      const res = await new Promise<number>((resolve, reject) =>
        httpRequest({ host: '127.0.0.1', port: namedPort, path: '/', headers: { host: 'console.county.example' } })
          .once('response', (r) => resolve(r.statusCode ?? 0))
          .once('error', reject)
          .end(),
      );
      expect(res).toBe(200);
    } finally {
      await named.close();
    }
    expect((await rawRequest('/', 'console.county.example')).status).toBe(421);
  });
});
