/** The /console socket namespace: token required, pushes reach exactly the consoles whose scope holds the unit. */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCameraStatus } from '../../hub/cameras/camera-status.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
const sockets: Socket[] = [];
beforeAll(async () => {
  hub = await startTestHub({ tokenTtlMs: 60_000 });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await hub.dispose();
});

function connect(token: string | undefined): Promise<Socket> {
  const socket = io(`${hub.url}/console`, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function collect(socket: Socket, event: string): unknown[] {
  const got: unknown[] = [];
  socket.on(event, (payload) => got.push(payload));
  return got;
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('console namespace', () => {
  it('refuses a connection without a valid token, saying why', async () => {
    await expect(connect(undefined)).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    await expect(connect('forged-token')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });

  it('refuses every namespace but /console, even with a valid token', async () => {
    const token = await login(hub, 'county.duty');
    for (const namespace of ['/', '/admin', '/console2']) {
      for (const auth of [{}, { token }]) {
        const socket = io(`${hub.url}${namespace}`, { auth, transports: ['websocket'], reconnection: false });
        sockets.push(socket);
        const outcome = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (err: Error) => resolve(`refused: ${err.message}`));
        });
        expect(outcome, namespace).toMatch(/^refused/);
      }
    }
  });

  it('answers 404 on HTTP paths outside the contract', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/admin'],
      ['POST', '/api/v1/users'],
      ['GET', '/api/v2/cameras'],
    ] as const) {
      const res = await api(hub, method, path, method === 'POST' ? { body: {} } : {});
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('not_found');
    }
  });

  it("never delivers one township's pushes to another township; the county gets both", async () => {
    const county = await connect(await login(hub, 'county.duty'));
    const town1 = await connect(await login(hub, 'town01.director'));
    const town2 = await connect(await login(hub, 'town02.director'));
    const atCounty = collect(county, 'camera.status');
    const atTown1 = collect(town1, 'camera.status');
    const atTown2 = collect(town2, 'camera.status');

    const cams = (await api(hub, 'GET', '/api/v1/cameras', { token: await login(hub, 'county.wall') })).body
      .items as Array<{ id: string; orgUnitCode: string }>;
    const inTown1 = cams.find((c) => c.orgUnitCode.startsWith('431099001'))!;
    const inTown2 = cams.find((c) => c.orgUnitCode.startsWith('431099002'))!;
    expect(reportCameraStatus(hub.context, inTown1.id, false)).toBe(true);
    expect(reportCameraStatus(hub.context, inTown2.id, false)).toBe(true);
    // Reporting the same status again changes nothing and pushes nothing.
    expect(reportCameraStatus(hub.context, inTown2.id, false)).toBe(false);
    await settle();
    const ids = (list: unknown[]) => list.map((p) => (p as { cameraId: string }).cameraId);
    expect(ids(atCounty).sort()).toEqual([inTown1.id, inTown2.id].sort());
    expect(ids(atTown1)).toEqual([inTown1.id]);
    expect(ids(atTown2)).toEqual([inTown2.id]);
    const after = (await api(hub, 'GET', '/api/v1/cameras', { token: await login(hub, 'town01.wall') })).body
      .items as Array<{ id: string; online: boolean }>;
    expect(after.find((c) => c.id === inTown1.id)?.online).toBe(false);
  });

  it('refuses to publish a payload that breaks the contract', () => {
    expect(() => hub.context.realtime.publishScoped('431099001', 'camera.status', { cameraId: 1 } as never)).toThrow();
  });

  it('ends the socket of a session that logs out', async () => {
    const token = await login(hub, 'town03.wall');
    const socket = await connect(token);
    const ended = new Promise((resolve) => socket.once('session.ended', resolve));
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await api(hub, 'POST', '/api/v1/auth/logout', { token, body: {} });
    expect(await ended).toEqual({ reason: 'logout' });
    await closed;
    expect(socket.connected).toBe(false);
  });
});

describe('token expiry on a live socket', () => {
  it('tells the console its session expired and closes the socket', async () => {
    const shortHub = await startTestHub({ tokenTtlMs: 500 });
    try {
      const token = await login(shortHub, 'county.duty');
      const socket = io(`${shortHub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
      sockets.push(socket);
      const ended = await new Promise((resolve) => socket.once('session.ended', resolve));
      expect(ended).toEqual({ reason: 'expired' });
    } finally {
      await shortHub.dispose();
    }
  });
});
