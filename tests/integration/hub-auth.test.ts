/** Login, token lifetime, revocation, rate limiting and the error shape, against a real hub on 127.0.0.1. */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
afterEach(async () => hub?.dispose());

const expectErrorShape = (body: any, code: string) => {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
};

describe('hub auth', () => {
  it('logs a county duty officer in and answers who they are', async () => {
    hub = await startTestHub();
    const res = await api(hub, 'POST', '/api/v1/auth/login', {
      body: { username: 'county.duty', password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({
      username: 'county.duty',
      role: 'county_duty_officer',
      orgLevel: 'county',
      orgUnitCode: '431099',
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    const me = await api(hub, 'GET', '/api/v1/auth/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('county.duty');
  });

  it('answers a wrong password and an unknown user alike, with a clear 401', async () => {
    hub = await startTestHub();
    const wrong = await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'county.duty', password: 'nope' } });
    const unknown = await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'nope' } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expectErrorShape(res.body, 'invalid_credentials');
    }
    expect(wrong.body).toEqual(unknown.body);
  });

  it('refuses every other route without a valid token', async () => {
    hub = await startTestHub();
    for (const path of ['/api/v1/auth/me', '/api/v1/org-units', '/api/v1/cameras']) {
      const none = await api(hub, 'GET', path);
      expect(none.status).toBe(401);
      expectErrorShape(none.body, 'unauthenticated');
      const forged = await api(hub, 'GET', path, { token: 'A'.repeat(43) });
      expect(forged.status).toBe(401);
    }
  });

  it('expires tokens after their lifetime', async () => {
    hub = await startTestHub({ tokenTtlMs: 400 });
    const token = await login(hub, 'town01.director');
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const late = await api(hub, 'GET', '/api/v1/auth/me', { token });
    expect(late.status).toBe(401);
    expectErrorShape(late.body, 'token_expired');
  });

  it('revokes a token at logout', async () => {
    hub = await startTestHub();
    const token = await login(hub, 'county.wall');
    expect((await api(hub, 'POST', '/api/v1/auth/logout', { token, body: {} })).body).toEqual({ ok: true });
    const after = await api(hub, 'GET', '/api/v1/auth/me', { token });
    expect(after.status).toBe(401);
    expectErrorShape(after.body, 'unauthenticated');
  });

  it('sees a change to the account, its unit or its session made by any path at the very next request', async () => {
    hub = await startTestHub();
    const token = await login(hub, 'town02.director');
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).body.orgUnitCode).toBe('431099002');
    // An administrator's SQL on a connection of its own: the hub holds sessions and users in memory between requests.
    const admin = new Database(hub.dbPath);
    try {
      // A unit name is not who the user is: the session stands and shows the new name.
      admin.prepare(`UPDATE org_units SET name = '改名街道' WHERE code = '431099002'`).run();
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).body.orgUnitName).toBe('改名街道');
      // Moving the user to another unit ends the session (migration 0010): the old token is worth nothing.
      admin.prepare(`UPDATE users SET org_unit_code = '431099003' WHERE username = 'town02.director'`).run();
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
      const moved = await login(hub, 'town02.director');
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token: moved })).body.orgUnitCode).toBe('431099003');
      admin.prepare(`UPDATE users SET disabled = 1 WHERE username = 'town02.director'`).run();
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token: moved })).status).toBe(401);
      admin.prepare(`UPDATE users SET disabled = 0 WHERE username = 'town02.director'`).run();
      const again = await login(hub, 'town02.director');
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token: again })).status).toBe(200);
      admin.prepare(`UPDATE sessions SET revoked_at = 1`).run();
      const revoked = await api(hub, 'GET', '/api/v1/auth/me', { token: again });
      expect(revoked.status).toBe(401);
      expectErrorShape(revoked.body, 'unauthenticated');
    } finally {
      admin.close();
    }
  });

  it('rate-limits password guessing with 429 and Retry-After, before checking the password', async () => {
    hub = await startTestHub({ loginLimits: { perAddress: 100, perAddressUser: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      expect(
        (await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: `guess${i}` } })).status,
      ).toBe(401);
    }
    const limited = await api(hub, 'POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(limited.status).toBe(429);
    expectErrorShape(limited.body, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user from the same address is not locked out by someone guessing at 'admin'.
    expect(
      (await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'county.duty', password: DEMO_PASSWORD } }))
        .status,
    ).toBe(200);
  });

  it('answers malformed requests with the error shape and the right 4xx', async () => {
    hub = await startTestHub();
    const badJson = await api(hub, 'POST', '/api/v1/auth/login', { rawBody: '{"username": ' });
    expect(badJson.status).toBe(400);
    expectErrorShape(badJson.body, 'bad_request');

    const missing = await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'county.duty' } });
    expect(missing.status).toBe(400);
    expectErrorShape(missing.body, 'validation_failed');
    expect(missing.body.error.field).toBe('password');

    const extra = await api(hub, 'POST', '/api/v1/auth/login', {
      body: { username: 'a', password: 'b', role: 'admin' },
    });
    expect(extra.status).toBe(400);

    const huge = await api(hub, 'POST', '/api/v1/auth/login', {
      rawBody: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'p' }),
    });
    expect(huge.status).toBe(413);
    expectErrorShape(huge.body, 'payload_too_large');

    const nowhere = await api(hub, 'GET', '/api/v1/nowhere');
    expect(nowhere.status).toBe(404);
    expectErrorShape(nowhere.body, 'not_found');
  });
});
