/**
 * Recording policies through the administration routes, on a county hub loaded from the sample files (real HTTP,
 * real SQLite, real ffmpeg): only an administrator may list, set, remove or explain, and a refusal writes nothing;
 * bad input is refused with the field named; a unit row with a camera's own override gives each camera the row that
 * applies (and says why); removing a row falls back to the unit's; the recorder starts and stops a camera as rows
 * change, without a restart, and names who the cap of cameras at once leaves out.
 *
 * The recording camera is a local file standing in for an RTSP camera (no RTSP server on this machine), remuxed
 * through the same path; its code sorts before the sample's so that, with a cap of one, it takes the one place and
 * the sample's RTSP cameras (unreachable addresses) are capped, never started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import { runFfmpeg } from '../../hub/media/demo-clip-library.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { segmentsBetween } from '../../hub/recording/recording-store.js';
import {
  addSampleUsers,
  cameraImport,
  loginAs,
  orgImport,
  sampleFile,
  startCountyHub,
  type CountyHub,
} from '../support/county-hub.js';
import { api } from '../support/test-hub.js';

let hub: CountyHub;
let admin: string;
let work: string;
const STANDIN = 'cam-43990101001300000000';
const MARKET = 'cam-43990101001320000001'; // 东街农贸市场入口, 城关镇
const CROSSING = 'cam-43990101001310000003'; // 人民路与东街交叉口, 城关镇
const CHENGGUAN = '439901001';
const POLICIES = '/api/v1/admin/recording-policies';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'grid-rec-policy-'));
  const standIn = join(work, 'standin-camera.ts');
  await runFfmpeg(await resolveFfmpegPath(), [
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '6'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-g', '10', '-keyint_min', '10', '-sc_threshold', '0'],
    ...['-pix_fmt', 'yuv420p', '-f', 'mpegts', standIn],
  ]);
  hub = await startCountyHub({
    recording: {
      enabled: true,
      // No timer ticks during the test (1 h): a camera that starts or stops does so because a row changed.
      recorder: { maxCameras: 1, segmentSeconds: 1, tickMs: 3_600_000, allowFileSources: true, pollMs: 200 },
    },
  });
  admin = await loginAs(hub, 'admin1');
  expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), false)).status).toBe(200);
  const line = `43990101001300000000,东街菜场后门,439901001001002,112.93332,28.131169,standin-file:${standIn},,0,0`;
  const csv = `${sampleFile('cameras.csv').trim()}\n${line}\n`;
  expect((await cameraImport(hub, admin, csv, false)).status).toBe(200);
  await addSampleUsers(hub);
}, 120_000);
afterAll(async () => {
  await hub?.dispose();
  rmSync(work, { recursive: true, force: true });
});

const policyRows = () => hub.context.db.all(sql`SELECT * FROM recording_policies`);
const policyAudit = () =>
  hub.context.db.all<{ action: string; actor_username: string; target: string; detail: string }>(
    sql`SELECT action, actor_username, target, detail FROM admin_audit WHERE action LIKE 'recording_policy.%' ORDER BY id`,
  );
const set = (body: unknown, token = admin) => api(hub, 'POST', POLICIES, { token, body });
const remove = (target: unknown, token = admin) => api(hub, 'POST', `${POLICIES}/remove`, { token, body: { target } });
const effective = async (id: string) => {
  const res = await api(hub, 'GET', `${POLICIES}/cameras/${id}`, { token: admin });
  expect(res.status).toBe(200);
  return res.body;
};
const list = async (token = admin) => api(hub, 'GET', POLICIES, { token });
const segmentCount = (id: string) => segmentsBetween(hub.context.db, id, 0, Number.MAX_SAFE_INTEGER).length;

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

describe('who may', () => {
  it('refuses everyone but an administrator, and writes nothing', async () => {
    for (const username of ['cg_director', 'qx_duty']) {
      const token = await loginAs(hub, username);
      expect((await list(token)).status).toBe(403);
      const refused = await set({ target: { kind: 'unit', unitCode: CHENGGUAN }, mode: 'continuous' }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect((await remove({ kind: 'camera', cameraId: MARKET }, token)).status).toBe(403);
      expect((await api(hub, 'GET', `${POLICIES}/cameras/${MARKET}`, { token })).status).toBe(403);
    }
    expect(policyRows()).toEqual([]);
    expect(policyAudit()).toEqual([]);
    expect((await list()).body.hub).toMatchObject({ enabled: true, wanted: 0, recording: 0, cappedTotal: 0 });
  });
});

describe('bad input', () => {
  it.each([
    [{ target: { kind: 'unit', unitCode: CHENGGUAN }, mode: 'always' }, 400, 'validation_failed', 'mode'],
    [{ target: { kind: 'unit', unitCode: CHENGGUAN }, mode: 'events' }, 400, 'validation_failed', 'preSeconds'],
    [
      { target: { kind: 'unit', unitCode: CHENGGUAN }, mode: 'continuous', preSeconds: 30, postSeconds: 0 },
      400,
      'validation_failed',
      'preSeconds',
    ],
    [
      { target: { kind: 'camera', cameraId: MARKET }, mode: 'events', preSeconds: 30, postSeconds: 3601 },
      400,
      'validation_failed',
      'postSeconds',
    ],
    [{ target: { kind: 'township', unitCode: CHENGGUAN }, mode: 'off' }, 400, 'validation_failed', 'target.kind'],
    [{ target: { kind: 'unit', unitCode: '439901999' }, mode: 'off' }, 404, 'unknown_unit', 'target.unitCode'],
    [{ target: { kind: 'camera', cameraId: 'cam-nope' }, mode: 'off' }, 404, 'not_found', 'target.cameraId'],
  ])('refuses %j with %i %s on its field, writing nothing', async (body, status, code, field) => {
    const res = await set(body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
    expect(policyRows()).toEqual([]);
    expect(policyAudit()).toEqual([]);
  });

  it('refuses a retired camera and removing a row that is not there', async () => {
    const retiredId = 'cam-43990102001320000012';
    expect(
      (await api(hub, 'POST', `/api/v1/admin/cameras/${retiredId}/retire`, { token: admin, body: {} })).status,
    ).toBe(200);
    const res = await set({ target: { kind: 'camera', cameraId: retiredId }, mode: 'continuous' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', field: 'target.cameraId' });
    expect((await effective(retiredId)).status).toBe('retired');
    const gone = await remove({ kind: 'unit', unitCode: CHENGGUAN });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect(policyRows()).toEqual([]);
    expect(policyAudit()).toEqual([]);
  });
});

describe('rows, what applies, and the recorder', () => {
  it('starts recording a camera as soon as it is given a row — no restart, no timer tick', async () => {
    const saved = await set({ target: { kind: 'camera', cameraId: STANDIN }, mode: 'continuous' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      target: { kind: 'camera', cameraId: STANDIN },
      name: '东街菜场后门',
      code: '43990101001300000000',
      mode: 'continuous',
      preSeconds: 0,
      postSeconds: 0,
      updatedBy: 'admin1',
    });
    await until('the stand-in camera to record', async () => (await effective(STANDIN)).status === 'recording');
    await until('its first segments', () => segmentCount(STANDIN) >= 2);
    expect(await effective(STANDIN)).toMatchObject({ source: 'camera', mode: 'continuous', sourceUnit: null });
  });

  it("gives a township's cameras its row, a camera's own row wins, and the cap is named", async () => {
    const unit = await set({
      target: { kind: 'unit', unitCode: CHENGGUAN },
      mode: 'events',
      preSeconds: 30,
      postSeconds: 120,
    });
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({ name: '城关镇', mode: 'events', preSeconds: 30, postSeconds: 120 });
    expect((await set({ target: { kind: 'camera', cameraId: CROSSING }, mode: 'off' })).status).toBe(200);

    expect(await effective(MARKET)).toMatchObject({
      cameraName: '东街农贸市场入口',
      mode: 'events',
      preSeconds: 30,
      postSeconds: 120,
      source: 'unit',
      sourceUnit: { code: CHENGGUAN, name: '城关镇' },
      status: 'capped', // the one place is the stand-in's: its code sorts first
    });
    expect(await effective(CROSSING)).toMatchObject({ mode: 'off', source: 'camera', status: 'not_recorded' });
    // 石桥乡 has no row anywhere above it: not recorded.
    expect(await effective('cam-43990102001320000007')).toMatchObject({
      mode: 'off',
      source: 'none',
      sourceUnit: null,
      status: 'not_recorded',
    });

    const answer = (await list()).body;
    expect(answer.items.map((r: { code: string; mode: string }) => [r.code, r.mode])).toEqual([
      [CHENGGUAN, 'events'],
      ['43990101001300000000', 'continuous'],
      ['43990101001310000003', 'off'],
    ]);
    // 城关镇: six sample cameras and the stand-in, one of them off; one place at a time.
    expect(answer.hub).toMatchObject({
      enabled: true,
      maxCameras: 1,
      retentionDays: 7,
      quotaBytes: 0,
      segmentSeconds: 1,
      wanted: 6,
      recording: 1,
      cappedTotal: 5,
    });
    expect(answer.hub.capped.map((c: { name: string }) => c.name)).toContain('东街农贸市场入口');
    expect(JSON.stringify(answer)).not.toContain('rtsp://');
    expect(JSON.stringify(answer)).not.toContain(hub.dir);
  });

  it("falls back to the unit's row when a camera's own is removed, and stops recording when none applies", async () => {
    expect((await remove({ kind: 'camera', cameraId: CROSSING })).status).toBe(200);
    expect(await effective(CROSSING)).toMatchObject({ mode: 'events', source: 'unit', status: 'capped' });
    expect((await remove({ kind: 'camera', cameraId: STANDIN })).status).toBe(200);
    expect(await effective(STANDIN)).toMatchObject({ mode: 'events', source: 'unit', sourceUnit: { code: CHENGGUAN } });
    expect((await list()).body.hub.recording).toBe(1); // still recording, now around events

    expect((await remove({ kind: 'unit', unitCode: CHENGGUAN })).status).toBe(200);
    expect(await effective(STANDIN)).toMatchObject({ mode: 'off', source: 'none', status: 'not_recorded' });
    await until('the recorder to stop', async () => (await list()).body.hub.recording === 0);
    const stoppedAt = segmentCount(STANDIN);
    await sleep(2500);
    expect(segmentCount(STANDIN)).toBe(stoppedAt);
    expect(policyRows()).toEqual([]);
  });

  it('put every change on the admin audit: who, what, before', () => {
    const audit = policyAudit();
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['recording_policy.set', `camera:${STANDIN}`],
      ['recording_policy.set', `unit:${CHENGGUAN}`],
      ['recording_policy.set', `camera:${CROSSING}`],
      ['recording_policy.removed', `camera:${CROSSING}`],
      ['recording_policy.removed', `camera:${STANDIN}`],
      ['recording_policy.removed', `unit:${CHENGGUAN}`],
    ]);
    expect(audit.every((a) => a.actor_username === 'admin1')).toBe(true);
    expect(JSON.parse(audit[1]!.detail)).toEqual({ mode: 'events', preSeconds: 30, postSeconds: 120, before: null });
  });
});
