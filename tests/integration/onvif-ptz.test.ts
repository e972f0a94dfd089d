/**
 * The ONVIF PTZ driver against an ONVIF camera stand-in (tests/support/onvif-camera-standin.ts: a real HTTP server
 * speaking the camera's SOAP and checking WS-Security digests): the right RelativeMove translations, Stop,
 * SetPreset/GotoPreset by the camera's own preset tokens, signed with the camera's account; and through a real hub,
 * the account's password never appears in an answer or a log line, even when the camera refuses it.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridCommandError } from '../../common/errors.js';
import { OnvifPtzDriver } from '../../hub/ptz/onvif-ptz-driver.js';
import { startOnvifCameraStandin, type OnvifCameraStandin } from '../support/onvif-camera-standin.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const ACCOUNT = { username: 'ptz-operator', password: 'Pw-onvif-7f3c91d2' };
const vector = (body: string, name: 'PanTilt' | 'Zoom') => {
  const m = new RegExp(`<${name} ([^>]*?)/>`).exec(body)?.[1] ?? '';
  return Object.fromEntries([...m.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
};

let camera: OnvifCameraStandin;
beforeAll(async () => {
  camera = await startOnvifCameraStandin(ACCOUNT);
});
afterAll(() => camera?.close());

describe('the ONVIF driver against a camera stand-in', () => {
  it('sends RelativeMove steps, Stop and presets, every call signed with the camera account', async () => {
    const driver = new OnvifPtzDriver({ url: camera.url, ...ACCOUNT });
    await driver.move({ pan: 1, tilt: 0, zoom: 0 });
    await driver.move({ pan: 0, tilt: 1, zoom: 1 });
    await driver.stop();
    await driver.setPreset(3);
    expect(await driver.presets()).toEqual([3]);
    await driver.setPreset(3); // again: the same preset is overwritten by its token, not added
    await driver.gotoPreset(3);

    // The connect: the clock unauthenticated (to sign with), then services and the media profile with PTZ.
    expect(camera.requests[0]).toMatchObject({ action: 'GetSystemDateAndTime', username: null });
    expect(camera.of('GetProfiles')).toHaveLength(1); // connected once for every command

    const moves = camera.of('RelativeMove');
    expect(moves).toHaveLength(2);
    expect(moves.map((m) => m.body.match(/<ProfileToken>([^<]*)</)?.[1])).toEqual(['profile_main', 'profile_main']);
    expect(vector(moves[0]!.body, 'PanTilt')).toMatchObject({ x: '0.2', y: '0' }); // a step is 0.2 of the range
    expect(vector(moves[0]!.body, 'Zoom')).toMatchObject({ x: '0' });
    expect(vector(moves[1]!.body, 'PanTilt')).toMatchObject({ x: '0', y: '-0.2' }); // tilt down is −y in ONVIF
    expect(vector(moves[1]!.body, 'Zoom')).toMatchObject({ x: '0.1' });
    expect(camera.of('Stop')[0]!.body).toMatch(/<PanTilt>true<\/PanTilt><Zoom>true<\/Zoom>/);

    const sets = camera.of('SetPreset');
    expect(sets.map((s) => s.body.match(/<PresetName>([^<]*)</)?.[1])).toEqual(['3', '3']);
    expect(sets[1]!.body).toContain('<PresetToken>preset_1</PresetToken>');
    expect([...camera.presets]).toEqual([['preset_1', '3']]);
    expect(camera.of('GotoPreset')[0]!.body).toContain('<PresetToken>preset_1</PresetToken>');

    const signed = camera.requests.slice(1);
    expect(signed.every((r) => r.username === ACCOUNT.username && r.authenticated)).toBe(true);
    expect(camera.requests.some((r) => r.body.includes(ACCOUNT.password))).toBe(false); // a digest, never the password
  });

  it('reports an unknown preset as not found and a refused account as ptz_failed, without the password', async () => {
    const driver = new OnvifPtzDriver({ url: camera.url, ...ACCOUNT });
    await expect(driver.gotoPreset(8)).rejects.toMatchObject({ code: 'not_found' });
    const wrong = new OnvifPtzDriver({ url: camera.url, username: ACCOUNT.username, password: 'Wrong-pass-123' });
    const err = await wrong.move({ pan: 1, tilt: 0, zoom: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GridCommandError);
    expect((err as GridCommandError).code).toBe('ptz_failed');
    expect((err as GridCommandError).message).not.toContain('Wrong-pass-123');
  });
});

describe('an ONVIF camera on a hub', () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  let hub: TestHub;
  let cameraId: string;
  const answers: string[] = [];
  /** The administrator's camera edit (URLs blank: kept), with ONVIF fields. */
  const editOnvif = async (onvif: Record<string, string>) => {
    const admin = await login(hub, 'admin');
    const list = await call(admin, 'GET', '/api/v1/admin/cameras');
    const c = (list.body.items as Array<Record<string, unknown>>).find((x) => x.id === cameraId)!;
    const body = {
      ...{ code: c.code, name: c.name, unitCode: c.unitCode, position: c.position, sensitive: c.sensitive },
      ...{ ptz: c.ptz, mainUrl: '', subUrl: '', ...onvif },
    };
    return call(admin, 'POST', `/api/v1/admin/cameras/${cameraId}`, body);
  };
  const call = async (token: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const r = await api(hub, method, path, { token, ...(body ? { body } : {}) });
    answers.push(JSON.stringify(r.body));
    return r;
  };

  beforeAll(async () => {
    hub = await startTestHub({ log: { level: 'debug', stream, stdout: false } });
    const row = hub.context.db.raw
      .prepare(
        `SELECT id FROM cameras WHERE kind = 'ptz' AND sensitive = 0 AND retired_at IS NULL
           AND org_unit_code LIKE '431099001%' ORDER BY code LIMIT 1`,
      )
      .get() as { id: string };
    cameraId = row.id;
    const set = await editOnvif({
      onvifUrl: camera.url,
      onvifUsername: ACCOUNT.username,
      onvifPassword: ACCOUNT.password,
    });
    expect(set.status).toBe(200);
  }, 240_000);
  afterAll(() => hub?.dispose());

  it('steers through the ONVIF driver, and the password is in no answer and no log line', async () => {
    camera.requests.length = 0;
    const wall = await login(hub, 'town01.wall');
    const moved = await call(wall, 'POST', `/api/v1/cameras/${cameraId}/ptz`, {
      action: 'move',
      pan: -1,
      tilt: 0,
      zoom: 0,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ driver: 'onvif', position: null });
    expect(vector(camera.of('RelativeMove')[0]!.body, 'PanTilt')).toMatchObject({ x: '-0.2', y: '0' });
    expect(
      (await call(wall, 'POST', `/api/v1/cameras/${cameraId}/ptz`, { action: 'set_preset', preset: 5 })).body,
    ).toMatchObject({ presets: [3, 5] }); // 3 was set by the driver test above;
    await call(wall, 'GET', `/api/v1/cameras/${cameraId}/ptz`);
    await call(wall, 'POST', `/api/v1/cameras/${cameraId}/ptz`, { action: 'release' });
    await call(await login(hub, 'county.duty'), 'GET', `/api/v1/cameras/${cameraId}/ptz/audit`);
    const admin = await login(hub, 'admin');
    const listed = await call(admin, 'GET', '/api/v1/admin/cameras');
    expect(listed.status).toBe(200);

    // The hub's account no longer matches the camera's: the refusal names no password either.
    expect((await editOnvif({ onvifPassword: 'Stale-pw-4411' })).body).toMatchObject({ onvifPasswordSet: true });
    const refused = await call(await login(hub, 'county.wall'), 'POST', `/api/v1/cameras/${cameraId}/ptz`, {
      action: 'move',
      pan: 1,
      tilt: 0,
      zoom: 0,
    });
    expect(refused.body.error.code).toBe('ptz_failed');

    expect(answers.length).toBeGreaterThan(5);
    for (const secret of [ACCOUNT.password, 'Stale-pw-4411']) {
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
    expect(lines.some((l) => l.includes('/ptz'))).toBe(true); // the requests were logged
  });
});
