/**
 * A change to a user (unit, role, disabled, password) ends their sessions and sockets at once, whether it goes
 * through the auth service or is written straight into the database (store functions, an admin's SQL).
 */
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCameraStatus } from '../../hub/cameras/camera-status.js';
import { hashPassword } from '../../hub/auth/passwords.js';
import { findUserByUsername, updateUser } from '../../hub/auth/users-store.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
const sockets: Socket[] = [];
beforeAll(async () => {
  hub = await startTestHub({ tokenTtlMs: 600_000 });
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await hub.dispose();
});

async function connectAs(username: string) {
  const token = await login(hub, username);
  const socket = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const cameraPushes: unknown[] = [];
  socket.on('camera.status', (p) => cameraPushes.push(p));
  const ended = new Promise<unknown>((resolve) => socket.once('session.ended', resolve));
  const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  return { token, socket, cameraPushes, ended, closed };
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

async function expectEnded(c: Awaited<ReturnType<typeof connectAs>>, oldUnit: string) {
  expect(await within(c.ended, 4000)).toEqual({ reason: 'revoked' });
  await within(c.closed, 1000);
  const cams = (await api(hub, 'GET', '/api/v1/cameras', { token: await login(hub, 'county.wall') })).body
    .items as Array<{ id: string; orgUnitCode: string; online: boolean }>;
  const cam = cams.find((x) => x.orgUnitCode.startsWith(oldUnit))!;
  reportCameraStatus(hub.context, cam.id, !cam.online);
  await new Promise((r) => setTimeout(r, 300));
  expect(c.cameraPushes).toEqual([]);
  const me = await api(hub, 'GET', '/api/v1/auth/me', { token: c.token });
  expect(me.status).toBe(401);
}

describe('user changes', () => {
  it('ends the sessions and sockets of a user moved to another unit (store function)', async () => {
    const c = await connectAs('town01.director');
    updateUser(hub.context.db, findUserByUsername(hub.context.db, 'town01.director')!.id, {
      orgUnitCode: '431099002',
    });
    await expectEnded(c, '431099001');
  });

  it('ends them for a disabled user and a changed password (store function)', async () => {
    const disabled = await connectAs('town03.director');
    updateUser(hub.context.db, findUserByUsername(hub.context.db, 'town03.director')!.id, { disabled: true });
    await expectEnded(disabled, '431099003');

    const repassworded = await connectAs('town04.director');
    const passwordHash = await hashPassword('Another@2026');
    updateUser(hub.context.db, findUserByUsername(hub.context.db, 'town04.director')!.id, { passwordHash });
    await expectEnded(repassworded, '431099004');
  });

  it("ends them for a role changed by an administrator's SQL on its own connection", async () => {
    const c = await connectAs('town05.wall');
    const admin = new Database(hub.dbPath);
    try {
      admin.prepare(`UPDATE users SET role = 'township_director' WHERE username = 'town05.wall'`).run();
    } finally {
      admin.close();
    }
    await expectEnded(c, '431099005');
  });

  it('ends them at once through the auth service', async () => {
    const c = await connectAs('town06.director');
    const other = await connectAs('town06.wall');
    const userId = findUserByUsername(hub.context.db, 'town06.director')!.id;
    hub.context.auth.userChanged(userId, 'revoked');
    expect(await within(c.ended, 500)).toEqual({ reason: 'revoked' });
    await expectEnded(c, '431099006');
    expect(other.socket.connected).toBe(true);
  });
});
