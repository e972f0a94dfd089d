/**
 * The hub behind a real nginx (Debian's, started by the test on an unprivileged port) with GRID_TRUSTED_PROXIES:
 * HTTP, socket.io websockets and media go through it, and the hub sees each client's own address — for login
 * throttling, stream-token binding and the view audit's "from where" — because X-Forwarded-For is believed from the
 * trusted proxy only. A forged X-Forwarded-For from an untrusted peer (straight to the hub, or added before nginx's
 * own entry) is ignored. Clients are told apart by loopback addresses (127.0.0.55 / .56 / .66 play three machines).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleService } from '../../main/console-service.js';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';
import { hubConfigFromEnv, parseTrustedProxies } from '../../hub/config.js';
import { openFlv, waitFor } from '../support/flv-client.js';
import { startNginx, type TestNginx } from '../support/nginx.js';
import { DEMO_PASSWORD, login } from '../support/test-hub.js';
import { getMedia, matrixCameras, startVideoTestHub, type VideoTestHub } from '../support/video-test-hub.js';

const CLIENT_A = '127.0.0.55';
const CLIENT_B = '127.0.0.56';
const STRANGER = '127.0.0.66';

let hub: VideoTestHub;
let proxy: TestNginx;

/** One JSON request from a chosen local address (the machine it comes from), with optional extra headers. */
function request(
  base: string,
  path: string,
  options: { from: string; body?: unknown; token?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: any }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method: payload === undefined ? 'GET' : 'POST',
        localAddress: options.from,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const badLogin = (base: string, from: string, headers?: Record<string, string>) =>
  request(base, '/api/v1/auth/login', { from, headers, body: { username: 'town02.director', password: 'wrong-1' } });

beforeAll(async () => {
  hub = await startVideoTestHub({}, { trustedProxies: ['127.0.0.1'], loginLimits: { perAddress: 3 } });
  proxy = await startNginx(hub.url);
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await hub?.dispose();
});

describe('the hub behind nginx with a trusted proxy', () => {
  it('throttles the guessing client by its own address, not the proxy’s: another client through it still logs in', async () => {
    for (let i = 0; i < 3; i += 1) expect((await badLogin(proxy.url, CLIENT_A)).status).toBe(401);
    expect((await badLogin(proxy.url, CLIENT_A)).status).toBe(429);
    const other = await request(proxy.url, '/api/v1/auth/login', {
      from: CLIENT_B,
      body: { username: 'town03.director', password: DEMO_PASSWORD },
    });
    expect(other.status).toBe(200);
  });

  it('ignores X-Forwarded-For from an untrusted peer: a forged address neither dodges nor frames anyone', async () => {
    // Straight to the hub from 127.0.0.66, claiming to be someone new each time: the throttle still counts .66.
    for (let i = 0; i < 3; i += 1) {
      expect((await badLogin(hub.url, STRANGER, { 'x-forwarded-for': `10.9.9.${i}` })).status).toBe(401);
    }
    expect((await badLogin(hub.url, STRANGER, { 'x-forwarded-for': '10.9.9.200' })).status).toBe(429);
    // …and claiming to be client B did not throttle B.
    const b = await request(proxy.url, '/api/v1/auth/login', {
      from: CLIENT_B,
      body: { username: 'town04.director', password: DEMO_PASSWORD },
    });
    expect(b.status).toBe(200);
  });

  it('binds stream tokens and the view audit to the real client, whatever it forges before the proxy', async () => {
    const cams = matrixCameras(hub);
    const token = (
      await request(proxy.url, '/api/v1/auth/login', {
        from: CLIENT_B,
        body: { username: 'town01.director', password: DEMO_PASSWORD },
      })
    ).body.token as string;
    // A forged entry before nginx's own: nginx appends the peer, and the hub takes the first untrusted from the right.
    const ticket = await request(proxy.url, `/api/v1/cameras/${cams.village}/stream`, {
      from: CLIENT_B,
      token,
      body: { quality: 'sub' },
      headers: { 'x-forwarded-for': '10.1.2.3' },
    });
    expect(ticket.status).toBe(200);
    // The playlist URL is at the proxy's origin (the Host nginx passed on), so the media goes through it too.
    expect(ticket.body.url.startsWith(`${proxy.url}/media/`)).toBe(true);
    const elsewhere = await getMedia(ticket.body.url, CLIENT_A);
    expect(elsewhere.status).toBe(403);
    const own = await getMedia(ticket.body.url, CLIENT_B);
    expect(own.status, own.text()).toBe(200);
    expect(own.text()).toMatch(/^#EXTM3U/);
    // The wall's live FLV socket through the proxy: the hub reads the client from X-Forwarded-For there too.
    const liveUrl = ticket.body.url.replace(/index\.m3u8$/, 'live.flv');
    expect((await openFlv(liveUrl, 'websocket', CLIENT_A)).status).toBe(403);
    const live = await openFlv(liveUrl, 'websocket', CLIENT_B);
    expect(live.status).toBe(101);
    expect(await waitFor(() => live.bytes().subarray(0, 3).toString('latin1') === 'FLV', 20_000)).toBe(true);
    live.close();

    const admin = await login(hub, 'county.duty');
    const audit = await request(hub.url, `/api/v1/audit/views?camera=${cams.village}&kind=token_issued`, {
      from: '127.0.0.1',
      token: admin,
    });
    expect(audit.status).toBe(200);
    const issued = (audit.body.items as Array<{ kind: string; ip: string | null }>).filter(
      (row) => row.kind === 'token_issued',
    );
    expect(issued.map((row) => row.ip)).toContain(CLIENT_B);
    expect(issued.map((row) => row.ip)).not.toContain('10.1.2.3');
    expect(issued.map((row) => row.ip)).not.toContain('127.0.0.1');
  });

  it('carries a console service’s calls and socket.io pushes through the proxy', async () => {
    const service = new ConsoleService({ hubUrl: proxy.url });
    try {
      const user = await dispatchConsoleCall(service, 'session.login', {
        username: 'town01.director',
        password: DEMO_PASSWORD,
      });
      expect(user.ok).toBe(true);
      const online = await new Promise<string>((resolve) => {
        const stop = service.onPush((push, payload) => {
          if (push === 'connection.changed' && (payload as { state: string }).state === 'online') {
            stop();
            resolve('online');
          }
        });
      });
      expect(online).toBe('online');
      const units = await dispatchConsoleCall(service, 'org.units', {});
      expect(units.ok && (units.value as Array<{ code: string }>).every((u) => u.code.startsWith('431099001'))).toBe(
        true,
      );
    } finally {
      service.close();
    }
  });
});

describe('hub settings for TLS and proxies', () => {
  it('accepts addresses and CIDRs as trusted proxies and refuses names and malformed entries', () => {
    expect(parseTrustedProxies(' 10.0.0.1, 10.77.0.0/24 ,::1, fd00::/8')).toEqual([
      '10.0.0.1',
      '10.77.0.0/24',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '*', '::1/129']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/GRID_TRUSTED_PROXIES/);
    }
  });

  it('reads GRID_TLS_CERT/KEY as a pair and GRID_PUBLIC_URL as an http(s) origin', () => {
    const defaults = { dataDir: '/tmp/grid-config-test', port: 7300 };
    expect(() => hubConfigFromEnv({ GRID_TLS_CERT: '/nonexistent.pem' }, defaults)).toThrow(/go together/);
    expect(() =>
      hubConfigFromEnv({ GRID_TLS_CERT: '/nonexistent.pem', GRID_TLS_KEY: '/nonexistent.key' }, defaults),
    ).toThrow(/GRID_TLS_CERT cannot be read/);
    expect(hubConfigFromEnv({ GRID_PUBLIC_URL: 'https://hub.example:8443/x' }, defaults).publicUrl).toBe(
      'https://hub.example:8443',
    );
    expect(() => hubConfigFromEnv({ GRID_PUBLIC_URL: 'ftp://hub.example' }, defaults)).toThrow(/http\(s\)/);
    expect(hubConfigFromEnv({ GRID_TRUSTED_PROXIES: '10.77.0.2' }, defaults).trustedProxies).toEqual(['10.77.0.2']);
  });
});
