/**
 * Password guessing against a real hub: throttled by client address and by (address, user), so an attacker's
 * failures never refuse the real user's right password from another machine; many failures across addresses lock
 * the account durably until an administrator unlocks it.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hub, HubOptions } from '../../hub/server.js';
import { findUserByUsername } from '../../hub/auth/users-store.js';
import { restartHub } from '../support/hub-restart.js';
import { DEMO_PASSWORD, api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let restarted: Hub | undefined;
afterEach(async () => {
  await restarted?.close();
  restarted = undefined;
  await hub?.dispose();
});

const LIMITS: HubOptions['loginLimits'] = {
  perAddress: 20,
  perAddressUser: 3,
  windowMs: 60_000,
  lockAfter: 8,
  lockWindowMs: 3_600_000,
};

/** A login from a given loopback address (any of 127.0.0.0/8 is this machine): another client, as the hub sees it. */
function loginFrom(url: string, from: string, username: string, password: string) {
  const body = JSON.stringify({ username, password });
  return new Promise<{ status: number; body: any; retryAfter: number }>((resolve, reject) => {
    const req = request(
      `${url}/api/v1/auth/login`,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text),
            retryAfter: Number(res.headers['retry-after']),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

describe('login throttling', () => {
  it("an attacker at address A cannot stop the real user's right password at address B", async () => {
    hub = await startTestHub({ loginLimits: LIMITS });
    for (let i = 0; i < 6; i++) await loginFrom(hub.url, '127.0.0.21', 'town05.director', `guess${i}`);
    const attacker = await loginFrom(hub.url, '127.0.0.21', 'town05.director', DEMO_PASSWORD);
    expect(attacker.status).toBe(429);
    expect(attacker.body.error.code).toBe('rate_limited');
    expect((await loginFrom(hub.url, '127.0.0.22', 'town05.director', DEMO_PASSWORD)).status).toBe(200);
  });

  it('throttles (address, user) with a growing delay, leaving other users at that address alone', async () => {
    hub = await startTestHub({ loginLimits: LIMITS });
    for (let i = 0; i < 3; i++)
      expect((await loginFrom(hub.url, '127.0.0.31', 'town06.director', `guess${i}`)).status).toBe(401);
    const limited = await loginFrom(hub.url, '127.0.0.31', 'town06.director', 'guess3');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect((await loginFrom(hub.url, '127.0.0.31', 'town07.director', DEMO_PASSWORD)).status).toBe(200);
  });

  it('throttles an address trying many users', async () => {
    hub = await startTestHub({ loginLimits: { ...LIMITS, perAddress: 4 } });
    for (let i = 0; i < 4; i++)
      expect((await loginFrom(hub.url, '127.0.0.41', `town0${i + 1}.wall`, 'nope')).status).toBe(401);
    expect((await loginFrom(hub.url, '127.0.0.41', 'town09.wall', DEMO_PASSWORD)).status).toBe(429);
    expect((await loginFrom(hub.url, '127.0.0.42', 'town09.wall', DEMO_PASSWORD)).status).toBe(200);
  });

  it('locks the account after many failures across addresses, durably, until an administrator unlocks it', async () => {
    hub = await startTestHub({ loginLimits: LIMITS });
    // Eight failures from four machines: no (address, user) or address limit is reached, the account lock is.
    for (let i = 0; i < 8; i++) {
      expect((await loginFrom(hub.url, `127.0.0.${51 + (i % 4)}`, 'town08.director', `g${i}`)).status).toBe(401);
    }
    const locked = await loginFrom(hub.url, '127.0.0.60', 'town08.director', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');

    await hub.close();
    restarted = await restartHub(hub, { loginLimits: LIMITS });
    expect((await loginFrom(hub.url, '127.0.0.61', 'town08.director', DEMO_PASSWORD)).status).toBe(423);

    const userId = findUserByUsername(restarted.context.db, 'town08.director')!.id;
    const path = `/api/v1/users/${userId}/unlock`;
    const director = await login(restarted, 'county.duty');
    const refused = await api(restarted, 'POST', path, { token: director, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const admin = await login(restarted, 'admin');
    expect((await api(restarted, 'POST', '/api/v1/users/no-such-user/unlock', { token: admin, body: {} })).status).toBe(
      404,
    );
    expect((await api(restarted, 'POST', path, { token: admin, body: {} })).body).toEqual({ ok: true });
    expect((await loginFrom(hub.url, '127.0.0.62', 'town08.director', DEMO_PASSWORD)).status).toBe(200);
  });
});
