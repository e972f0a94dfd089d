/**
 * The console service (what Electron's main process runs) against a real hub: the calls the renderer makes, their
 * validation, pushes, and what the console says when the hub goes away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleService } from '../../main/console-service.js';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';
import { reportCameraStatus } from '../../hub/cameras/camera-status.js';
import { DEMO_PASSWORD, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let service: ConsoleService;
afterEach(async () => {
  service?.close();
  await hub?.dispose();
});

const until = async (check: () => boolean, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('console service', () => {
  it('logs in, keeps the token to itself and reads the scoped tree', async () => {
    hub = await startTestHub();
    service = new ConsoleService({ hubUrl: hub.url });
    const login = await dispatchConsoleCall(service, 'session.login', {
      username: 'town02.director',
      password: DEMO_PASSWORD,
    });
    expect(login).toMatchObject({ ok: true, value: { username: 'town02.director', role: 'township_director' } });
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect(await dispatchConsoleCall(service, 'session.current', {})).toMatchObject({
      ok: true,
      value: { username: 'town02.director' },
    });

    const units = await dispatchConsoleCall(service, 'org.units', {});
    expect(units.ok).toBe(true);
    const codes = (units as { value: Array<{ code: string }> }).value.map((u) => u.code);
    expect(codes[0]).toBe('431099002');
    expect(codes.every((c) => c.startsWith('431099002'))).toBe(true);
  });

  it('refuses unknown calls and invalid requests before they reach the hub', async () => {
    hub = await startTestHub();
    service = new ConsoleService({ hubUrl: hub.url });
    expect(await dispatchConsoleCall(service, 'hub.token', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatchConsoleCall(service, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatchConsoleCall(service, 'session.login', { username: '', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', field: 'username' },
    });
    expect(await dispatchConsoleCall(service, 'org.units', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await dispatchConsoleCall(service, 'org.units', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('passes the hub’s refusal through with its code', async () => {
    hub = await startTestHub();
    service = new ConsoleService({ hubUrl: hub.url });
    expect(
      await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: 'wrong' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });
  });

  it('keeps grid workers out of the console (they use the handheld app)', async () => {
    hub = await startTestHub();
    service = new ConsoleService({ hubUrl: hub.url });
    expect(
      await dispatchConsoleCall(service, 'session.login', { username: 'grid.worker', password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_console_role' },
    });
    expect(await dispatchConsoleCall(service, 'session.current', {})).toEqual({ ok: true, value: null });
  });

  it('forwards scoped pushes and reports the hub going offline', async () => {
    hub = await startTestHub();
    service = new ConsoleService({ hubUrl: hub.url, healthIntervalMs: 200 });
    const pushes: Array<{ push: string; payload: any }> = [];
    service.onPush((push, payload) => pushes.push({ push, payload }));
    await dispatchConsoleCall(service, 'session.login', { username: 'town01.wall', password: DEMO_PASSWORD });
    await until(() => service.connection.state === 'online');

    const cameras = (await dispatchConsoleCall(service, 'cameras.list', {})) as {
      ok: true;
      value: Array<{ id: string }>;
    };
    reportCameraStatus(hub.context, cameras.value[0]!.id, false);
    await until(() => pushes.some((p) => p.push === 'camera.status'));
    expect(pushes.find((p) => p.push === 'camera.status')?.payload).toMatchObject({
      cameraId: cameras.value[0]!.id,
      online: false,
    });

    await hub.close();
    await until(() => service.connection.state === 'offline');
    expect(pushes.some((p) => p.push === 'connection.changed' && p.payload.state === 'offline')).toBe(true);
  });

  it('ends the console session when the hub says the token expired', async () => {
    hub = await startTestHub({ tokenTtlMs: 600 });
    service = new ConsoleService({ hubUrl: hub.url });
    const ended: unknown[] = [];
    service.onPush((push, payload) => push === 'session.ended' && ended.push(payload));
    await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: DEMO_PASSWORD });
    await until(() => ended.length > 0);
    expect(ended[0]).toEqual({ reason: 'expired' });
    expect(await dispatchConsoleCall(service, 'session.current', {})).toEqual({ ok: true, value: null });
  });

  it('says hub_unreachable when there is no hub', async () => {
    hub = await startTestHub();
    const url = hub.url;
    await hub.close();
    service = new ConsoleService({ hubUrl: url });
    expect(
      await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: DEMO_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable' },
    });
  });
});
