/**
 * Accounts and administration on a real hub (real sockets, real SQLite): every admin route refuses a non-admin and
 * bad input (writing nothing), a created user signs in with the one-time password and can do nothing but change it,
 * and changing, disabling or resetting a user ends their sessions and sockets at once.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub({ tokenTtlMs: 600_000, supervisionIntervalMs: 0 });
  admin = await login(hub, 'admin');
});
afterAll(async () => hub.dispose());

const auditCount = async () => (await api(hub, 'GET', '/api/v1/admin/audit?pageSize=1', { token: admin })).body.total;
const userCount = async () => (await api(hub, 'GET', '/api/v1/admin/users?pageSize=1', { token: admin })).body.total;

async function createUser(body: Record<string, string>) {
  return api(hub, 'POST', '/api/v1/admin/users', { token: admin, body });
}

function connect(token: string) {
  const socket = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ended = new Promise<unknown>((resolve) => socket.once('session.ended', resolve));
  return { socket, connected, ended };
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe('admin routes refuse a non-admin', () => {
  it('answers 403 forbidden to a county duty officer on every admin route and writes nothing', async () => {
    const duty = await login(hub, 'county.duty');
    const someone = (await api(hub, 'GET', '/api/v1/admin/users?q=town02.director', { token: admin })).body.items[0];
    const before = { users: await userCount(), audit: await auditCount() };
    const calls: Array<['GET' | 'POST', string, unknown?]> = [
      ['GET', '/api/v1/admin/users'],
      [
        'POST',
        '/api/v1/admin/users',
        { username: 'x.new', displayName: 'X', role: 'wall_operator', orgUnitCode: '431099' },
      ],
      ['POST', '/api/v1/admin/users/import', { csv: 'username,display_name,role,unit_code\n', dryRun: true }],
      ['POST', `/api/v1/admin/users/${someone.id}`, { displayName: 'Renamed' }],
      ['POST', `/api/v1/admin/users/${someone.id}/disable`, {}],
      ['POST', `/api/v1/admin/users/${someone.id}/enable`, {}],
      ['POST', `/api/v1/admin/users/${someone.id}/reset-password`, {}],
      ['GET', `/api/v1/admin/users/${someone.id}/sessions`],
      ['POST', `/api/v1/admin/sessions/whatever/end`, {}],
      ['POST', `/api/v1/users/${someone.id}/unlock`, {}],
      ['GET', '/api/v1/admin/audit'],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(hub, method, path, { token: duty, ...(body === undefined ? {} : { body }) });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 403,
        code: 'forbidden',
      });
    }
    expect({ users: await userCount(), audit: await auditCount() }).toEqual(before);
  });
});

describe('creating users', () => {
  it('refuses bad input with a code and writes nothing', async () => {
    const before = { users: await userCount(), audit: await auditCount() };
    const cases: Array<[Record<string, string>, number, string, string?]> = [
      [
        { username: 'Bad Name', displayName: 'X', role: 'wall_operator', orgUnitCode: '431099' },
        400,
        'validation_failed',
        'username',
      ],
      [
        { username: 'ok.name', displayName: ' ', role: 'wall_operator', orgUnitCode: '431099' },
        400,
        'validation_failed',
        'displayName',
      ],
      [
        { username: 'ok.name', displayName: 'X', role: 'mayor', orgUnitCode: '431099' },
        400,
        'validation_failed',
        'role',
      ],
      [
        { username: 'ok.name', displayName: 'X', role: 'wall_operator', orgUnitCode: '431099999' },
        400,
        'unknown_unit',
        'orgUnitCode',
      ],
      [
        { username: 'ok.name', displayName: 'X', role: 'township_director', orgUnitCode: '431099' },
        400,
        'role_unit_mismatch',
        'role',
      ],
      [
        { username: 'ok.name', displayName: 'X', role: 'county_duty_officer', orgUnitCode: '431099001' },
        400,
        'role_unit_mismatch',
        'role',
      ],
      [
        { username: 'town01.director', displayName: 'X', role: 'township_director', orgUnitCode: '431099001' },
        409,
        'username_taken',
        'username',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await createUser(body);
      expect({ body, status: res.status, code: res.body.error?.code, field: res.body.error?.field }).toEqual({
        body,
        status,
        code,
        field,
      });
    }
    expect({ users: await userCount(), audit: await auditCount() }).toEqual(before);
  });

  it('creates a township director who must change the one-time password before anything else', async () => {
    const created = await createUser({
      username: 'town02.deputy',
      displayName: '二号镇副主任',
      role: 'township_director',
      orgUnitCode: '431099002',
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'town02.deputy', mustChangePassword: true, disabled: false });
    const otp: string = created.body.oneTimePassword;
    expect(otp).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}$/);

    const first = await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'town02.deputy', password: otp } });
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const token: string = first.body.token;
    // Everything but me / change password / logout is refused, sockets and the binary routes included.
    for (const path of ['/api/v1/cases/board', '/api/v1/cameras', '/api/v1/org-units', '/api/v1/map/boundaries']) {
      const res = await api(hub, 'GET', path, { token });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 403,
        code: 'password_change_required',
      });
    }
    const events = await api(hub, 'GET', '/api/v1/map/events?from=2020-01-01&to=2020-02-01', { token });
    expect(events.status).toBe(403);
    const s = connect(token);
    await expect(s.connected).rejects.toMatchObject({ data: { code: 'password_change_required' } });
    s.socket.disconnect();
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).body.mustChangePassword).toBe(true);

    // The policy, with its codes (and the limit for the length).
    const change = (newPassword: string, currentPassword = otp) =>
      api(hub, 'POST', '/api/v1/auth/password', { token, body: { currentPassword, newPassword } });
    const refusals: Array<[string, string, string?]> = [
      ['short1!', 'password_too_short'],
      ['town02.deputy', 'password_is_username'],
      ['Demo@2026', 'password_published'],
      ['1234567890', 'password_too_common'],
      ['aaaaaaaaaaaa', 'password_too_common'],
      ['Woaini1314', 'password_too_common'],
      [otp, 'password_unchanged'],
    ];
    for (const [pw, code] of refusals) {
      const res = await change(pw);
      expect({ pw, status: res.status, code: res.body.error?.code }).toEqual({ pw, status: 400, code });
    }
    expect((await change('short1!')).body.error.params).toEqual({ limit: 10 });
    const wrong = await change('Zhen-hao-2027', 'not-the-otp');
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'current_password_wrong']);

    const ok = await change('Zhen-hao-2027');
    expect(ok.status).toBe(200);
    expect(ok.body.user.mustChangePassword).toBeUndefined();
    // The old token is gone; the new one works and sees exactly its township.
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
    const units = await api(hub, 'GET', '/api/v1/org-units', { token: ok.body.token });
    expect(units.status).toBe(200);
    expect(units.body.items.every((u: { code: string }) => u.code.startsWith('431099002'))).toBe(true);
    expect(
      (await api(hub, 'POST', '/api/v1/auth/login', { body: { username: 'town02.deputy', password: otp } })).status,
    ).toBe(401);
    await login(hub, 'town02.deputy', 'Zhen-hao-2027');
  });
});

describe('changing, disabling and resetting a user', () => {
  it('ends their sessions and sockets at once, and lists and ends sessions', async () => {
    const user = (await api(hub, 'GET', '/api/v1/admin/users?q=town07.director', { token: admin })).body.items[0];
    const cases: Array<[string, unknown]> = [
      [`/api/v1/admin/users/${user.id}`, { displayName: '七号镇主任（新）' }],
      [`/api/v1/admin/users/${user.id}/disable`, {}],
      [`/api/v1/admin/users/${user.id}/reset-password`, {}],
    ];
    let password = 'Demo@2026';
    for (const [path, body] of cases) {
      if (path.endsWith('/reset-password')) {
        await api(hub, 'POST', `/api/v1/admin/users/${user.id}/enable`, { token: admin, body: {} });
      }
      const token = await login(hub, 'town07.director', password);
      const s = connect(token);
      await s.connected;
      const res = await api(hub, 'POST', path, { token: admin, body });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await within(s.ended, 1000)).toEqual({ reason: 'revoked' });
      expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
      s.socket.disconnect();
      if (res.body.oneTimePassword) password = res.body.oneTimePassword;
    }
    const sessions = await api(hub, 'GET', `/api/v1/admin/users/${user.id}/sessions`, { token: admin });
    expect(sessions.status).toBe(200);
    expect(sessions.body.items.length).toBeGreaterThanOrEqual(3);
    expect(sessions.body.items.every((s: { live: boolean }) => !s.live)).toBe(true);
    expect(sessions.body.items[0].clientAddress).toBe('127.0.0.1');

    // A live session, ended by the administrator.
    const wall = (await api(hub, 'GET', '/api/v1/admin/users?q=town08.wall', { token: admin })).body.items[0];
    const token = await login(hub, 'town08.wall');
    const s = connect(token);
    await s.connected;
    const live = (await api(hub, 'GET', `/api/v1/admin/users/${wall.id}/sessions`, { token: admin })).body.items;
    const target = live.find((x: { live: boolean }) => x.live);
    const end = await api(hub, 'POST', `/api/v1/admin/sessions/${target.id}/end`, { token: admin, body: {} });
    expect(end.status).toBe(200);
    expect(await within(s.ended, 1000)).toEqual({ reason: 'revoked' });
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(401);
    s.socket.disconnect();
    const missing = await api(hub, 'POST', '/api/v1/admin/sessions/no-such-session/end', { token: admin, body: {} });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
  });

  it('refuses an administrator disabling, demoting or resetting their own account', async () => {
    const me = (await api(hub, 'GET', '/api/v1/auth/me', { token: admin })).body;
    for (const [path, body] of [
      [`/api/v1/admin/users/${me.id}/disable`, {}],
      [`/api/v1/admin/users/${me.id}/reset-password`, {}],
      [`/api/v1/admin/users/${me.id}`, { role: 'wall_operator' }],
    ] as const) {
      const res = await api(hub, 'POST', path, { token: admin, body });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 409,
        code: 'own_account',
      });
    }
    const bad = await api(hub, 'POST', `/api/v1/admin/users/${me.id}`, { token: admin, body: {} });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('lists users searched and paged', async () => {
    const page1 = await api(hub, 'GET', '/api/v1/admin/users?q=director&pageSize=5&page=1', { token: admin });
    const page2 = await api(hub, 'GET', '/api/v1/admin/users?q=director&pageSize=5&page=2', { token: admin });
    expect(page1.body.total).toBeGreaterThanOrEqual(12);
    expect(page1.body.items).toHaveLength(5);
    const names = [...page1.body.items, ...page2.body.items].map((u: { username: string }) => u.username);
    expect(new Set(names).size).toBe(10);
    expect(names.every((n) => n.includes('director'))).toBe(true);
    const byUnit = await api(hub, 'GET', '/api/v1/admin/users?q=%E5%9F%8E%E5%85%B3', { token: admin }); // 城关
    expect(byUnit.body.items.some((u: { username: string }) => u.username === 'town01.director')).toBe(true);
    const bad = await api(hub, 'GET', '/api/v1/admin/users?pageSize=100000', { token: admin });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });
});
