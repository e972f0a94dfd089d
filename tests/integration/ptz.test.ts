/**
 * PTZ on a real hub (real HTTP, real SQLite, real ffmpeg): who may steer (level, loans with and without steering),
 * one operator at a time with a lock that names its holder and lapses, every accepted command in the PTZ audit and
 * nothing for a refused one, and the demo PTZ camera's picture actually moving.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../hub/media/demo-clip-library.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { api, login } from '../support/test-hub.js';
import {
  getMedia,
  mediaSequence,
  segmentUrls,
  sleep,
  startVideoTestHub,
  streamTicket,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
const tokens: Record<string, string> = {};
const names: Record<string, string> = {};
let town01Ptz: string | undefined; // a PTZ camera in township 01
let town02Ptz: string | undefined; // a PTZ camera in township 02 (town01's neighbour)
let town02Ptz2: string | undefined; // another one there, lent to township 01 in the loan tests
let fixedCam: string | undefined; // a fixed camera in township 01
let freshPtz: string | undefined; // a PTZ camera nobody steers before the clip-to-encode test

const ptz = (user: string, cameraId: string, body: Record<string, unknown>) =>
  api(hub, 'POST', `/api/v1/cameras/${cameraId}/ptz`, { token: tokens[user]!, body });
const move = (user: string, cameraId: string, pan = 1) =>
  ptz(user, cameraId, { action: 'move', pan, tilt: 0, zoom: 0 });
const auditRows = (cameraId: string) =>
  hub.context.db.raw
    .prepare(`SELECT username, camera_id, command, detail, at FROM ptz_audit WHERE camera_id = ? ORDER BY id`)
    .all(cameraId) as Array<{ username: string; camera_id: string; command: string; detail: string; at: number }>;

beforeAll(async () => {
  // Streams outlive a few seconds without requests here: the picture test pauses between frames.
  hub = await startVideoTestHub({ media: { idleStopMs: 15_000 } });
  const raw = hub.context.db.raw;
  const pick = (where: string) =>
    (
      raw.prepare(`SELECT id FROM cameras WHERE retired_at IS NULL AND ${where} ORDER BY code`).all() as Array<{
        id: string;
      }>
    ).map((r) => r.id);
  [town01Ptz] = pick(`kind = 'ptz' AND sensitive = 0 AND org_unit_code LIKE '431099001%'`);
  [town02Ptz, town02Ptz2] = pick(`kind = 'ptz' AND sensitive = 0 AND org_unit_code LIKE '431099002%'`);
  [fixedCam] = pick(`kind = 'fixed' AND sensitive = 0 AND org_unit_code LIKE '431099001%'`);
  [freshPtz] = pick(`kind = 'ptz' AND sensitive = 0 AND org_unit_code NOT LIKE '431099001%'
    AND org_unit_code NOT LIKE '431099002%'`);
  for (const u of ['county.duty', 'county.wall', 'town01.wall', 'town01.director', 'town02.wall', 'admin']) {
    tokens[u] = await login(hub, u);
    names[u] = (raw.prepare(`SELECT display_name AS n FROM users WHERE username = ?`).get(u) as { n: string }).n;
  }
}, 240_000);
afterAll(async () => {
  await hub?.dispose();
});

describe('who may steer', () => {
  it('the county steers any PTZ camera; a township its own; each command is audited', async () => {
    const a = await move('county.wall', town02Ptz!);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ cameraId: town02Ptz, driver: 'demo', lock: { displayName: names['county.wall'] } });
    expect(a.body.position.pan).toBeGreaterThan(0);
    expect((await ptz('county.wall', town02Ptz!, { action: 'release' })).status).toBe(200);

    const b = await move('town01.wall', town01Ptz!, -1);
    expect(b.status).toBe(200);
    expect(b.body.position.pan).toBeLessThan(0);
    expect((await ptz('town01.wall', town01Ptz!, { action: 'release' })).body.lock).toBeNull();

    expect(auditRows(town02Ptz!).map((r) => [r.username, r.command])).toEqual([
      ['county.wall', 'move'],
      ['county.wall', 'release'],
    ]);
    expect(auditRows(town01Ptz!).map((r) => [r.username, r.command])).toEqual([
      ['town01.wall', 'move'],
      ['town01.wall', 'release'],
    ]);
    expect(JSON.parse(auditRows(town01Ptz!)[0]!.detail)).toEqual({ pan: -1, tilt: 0, zoom: 0, driver: 'demo' });
  });

  it("refuses a township steering its neighbour's camera, and audits nothing", async () => {
    const before = auditRows(town02Ptz!).length;
    for (const user of ['town01.wall', 'town01.director']) {
      const r = await move(user, town02Ptz!);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('ptz_not_permitted');
      const s = await api(hub, 'GET', `/api/v1/cameras/${town02Ptz}/ptz`, { token: tokens[user]! });
      expect(s.body.error.code).toBe('ptz_not_permitted');
    }
    expect(auditRows(town02Ptz!)).toHaveLength(before);
  });

  it('refuses a fixed camera as not steerable, and roles that run no wall', async () => {
    const fixed = await move('town01.wall', fixedCam!);
    expect(fixed.status).toBe(409);
    expect(fixed.body.error.code).toBe('ptz_not_supported');
    const admin = await move('admin', town01Ptz!);
    expect(admin.body.error.code).toBe('ptz_not_permitted');
    expect(auditRows(fixedCam!)).toHaveLength(0);
  });

  it('steers a lent camera only when the loan says so', async () => {
    const until = new Date(hub.context.now() + 3600_000).toISOString();
    const lend = (maySteer?: boolean) =>
      api(hub, 'POST', '/api/v1/camera-grants', {
        token: tokens['county.duty']!,
        body: {
          cameraId: town02Ptz2,
          granteeUnitCode: '431099001',
          until,
          ...(maySteer === undefined ? {} : { maySteer }),
        },
      });
    const viewOnly = await lend();
    expect(viewOnly.status).toBe(200);
    expect(viewOnly.body.maySteer).toBe(false);
    const refused = await move('town01.wall', town02Ptz2!);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ptz_not_permitted');
    expect(auditRows(town02Ptz2!)).toHaveLength(0);
    await api(hub, 'POST', `/api/v1/camera-grants/${viewOnly.body.id}/revoke`, {
      token: tokens['county.duty']!,
      body: {},
    });

    const steering = await lend(true);
    expect(steering.body.maySteer).toBe(true);
    const allowed = await move('town01.wall', town02Ptz2!);
    expect(allowed.status).toBe(200);
    expect(auditRows(town02Ptz2!).map((r) => r.username)).toEqual(['town01.wall']);
    await ptz('town01.wall', town02Ptz2!, { action: 'release' });

    // The loan ends: steering ends with it.
    await api(hub, 'POST', `/api/v1/camera-grants/${steering.body.id}/revoke`, {
      token: tokens['county.duty']!,
      body: {},
    });
    expect((await move('town01.wall', town02Ptz2!)).body.error.code).toBe('ptz_not_permitted');
  });
});

describe('one operator at a time', () => {
  it('refuses another operator with who holds the lock, until it lapses 60 s after the last command', async () => {
    expect((await move('town01.wall', town01Ptz!)).status).toBe(200);
    const before = auditRows(town01Ptz!).length;

    const busy = await move('county.wall', town01Ptz!);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('ptz_locked');
    expect(busy.body.error.params).toMatchObject({ holder: names['town01.wall'] });
    expect(busy.body.error.params.seconds).toBeGreaterThan(55);
    expect(busy.body.error.message).toContain(names['town01.wall']);
    const seen = await api(hub, 'GET', `/api/v1/cameras/${town01Ptz}/ptz`, { token: tokens['county.wall']! });
    expect(seen.body.lock).toMatchObject({ displayName: names['town01.wall'] });
    expect(seen.body.lock.secondsLeft).toBeGreaterThan(55);
    expect(auditRows(town01Ptz!)).toHaveLength(before); // the refusal wrote nothing

    hub.advance(50_000); // a command within the minute renews the lock
    expect((await ptz('town01.wall', town01Ptz!, { action: 'set_preset', preset: 3 })).status).toBe(200);
    hub.advance(50_000);
    expect((await move('county.wall', town01Ptz!)).body.error.code).toBe('ptz_locked');
    hub.advance(11_000);
    const taken = await move('county.wall', town01Ptz!);
    expect(taken.status).toBe(200);
    expect(taken.body.lock.displayName).toBe(names['county.wall']);
    expect(taken.body.presets).toEqual([3]);

    const rows = auditRows(town01Ptz!).slice(before);
    expect(rows.map((r) => [r.username, r.command])).toEqual([
      ['town01.wall', 'set_preset'],
      ['county.wall', 'move'],
    ]);
    expect(rows[1]!.at - rows[0]!.at).toBeGreaterThanOrEqual(61_000);
    await ptz('county.wall', town01Ptz!, { action: 'release' });
  });

  it('shows the audit to the county duty officer, newest first', async () => {
    const list = await api(hub, 'GET', `/api/v1/cameras/${town01Ptz}/ptz/audit`, { token: tokens['county.duty']! });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ username: 'county.wall', command: 'release', cameraId: town01Ptz });
    expect(list.body.items).toHaveLength(auditRows(town01Ptz!).length);
    const wall = await api(hub, 'GET', `/api/v1/cameras/${town01Ptz}/ptz/audit`, { token: tokens['town01.wall']! });
    expect(wall.status).toBe(403);
  });
});

describe('the demo PTZ camera', () => {
  let work: string;
  let ffmpeg: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'grid-ptz-'));
    ffmpeg = await resolveFfmpegPath();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The newest segment's first frame as 64×36 grey pixels. */
  async function frame(url: string): Promise<{ pixels: Buffer; sequence: number }> {
    const playlist = await getMedia(url);
    expect(playlist.status).toBe(200);
    const segs = segmentUrls(url, playlist.text());
    const seg = await getMedia(segs.at(-1)!);
    expect(seg.status).toBe(200);
    const ts = join(work, `f-${Math.random().toString(36).slice(2)}.ts`);
    const raw = `${ts}.gray`;
    writeFileSync(ts, seg.body);
    await runFfmpeg(ffmpeg, [
      '-i',
      ts,
      '-frames:v',
      '1',
      '-vf',
      'scale=64:36',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      raw,
    ]);
    const { readFileSync } = await import('node:fs');
    return { pixels: readFileSync(raw), sequence: mediaSequence(playlist.text()) + segs.length - 1 };
  }
  const difference = (a: Buffer, b: Buffer) => {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
    return sum / a.length;
  };

  it('plays its clip with no encoder until first steered; the first move switches the playing tile to the crop', async () => {
    const cam = freshPtz!;
    const streams = () => hub.context.video.gateway.activeStreams().filter((s) => s.cameraId === cam);
    const ticket = await streamTicket(hub, tokens['county.wall']!, cam, { quality: 'sub' });
    expect(ticket.status).toBe(200);
    const before = await frame(ticket.body.url);
    await sleep(1200);
    const stillBefore = await frame(ticket.body.url);
    expect(streams()).toEqual([expect.objectContaining({ kind: 'clip', pid: undefined })]);
    const clipPlaylist = (await getMedia(ticket.body.url)).text();
    const lastClipSegment = segmentUrls(ticket.body.url, clipPlaylist).at(-1)!;

    const r = await ptz('county.wall', cam, { action: 'move', pan: 1, tilt: 0, zoom: 1 });
    expect(r.status).toBe(200);
    expect(streams()).toEqual([expect.objectContaining({ kind: 'live-encode', pid: expect.any(Number) })]);
    // The tile keeps playing across the seam: the clip segment it was about to fetch is still served.
    expect((await getMedia(lastClipSegment)).status).toBe(200);
    const after = await frame(ticket.body.url);
    expect(after.sequence).toBeGreaterThanOrEqual(before.sequence + 10); // the encoder continues the numbers
    const moved = difference(before.pixels, after.pixels);
    expect(moved).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(difference(before.pixels, stillBefore.pixels) * 2);
    await ptz('county.wall', cam, { action: 'release' });
  }, 90_000);

  it('moves the picture: a frame after zoom and pan differs materially from one before', async () => {
    const cam = town02Ptz!;
    const ticket = await streamTicket(hub, tokens['county.wall']!, cam, { quality: 'main' });
    expect(ticket.status).toBe(200);
    const before = await frame(ticket.body.url);
    await sleep(1200);
    const stillBefore = await frame(ticket.body.url); // the pattern moves on its own: this is the baseline change

    // Two zoom steps and a pan: the command answers once the re-aimed picture is being served.
    for (const step of [
      { pan: 0, tilt: 0, zoom: 1 },
      { pan: 0, tilt: 0, zoom: 1 },
      { pan: -1, tilt: -1, zoom: 0 },
    ]) {
      const r = await ptz('county.wall', cam, { action: 'move', ...step });
      expect(r.status).toBe(200);
    }
    const status = await api(hub, 'GET', `/api/v1/cameras/${cam}/ptz`, { token: tokens['county.wall']! });
    expect(status.body.position.zoom).toBeCloseTo(2.25, 2);

    let after = await frame(ticket.body.url);
    for (let i = 0; i < 20 && after.sequence < before.sequence + 10; i++) {
      await sleep(500);
      after = await frame(ticket.body.url);
    }
    expect(after.sequence).toBeGreaterThanOrEqual(before.sequence + 10); // the re-aimed encoder's segments
    const baseline = difference(before.pixels, stillBefore.pixels);
    const moved = difference(before.pixels, after.pixels);
    expect(moved).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(baseline * 2);
    await ptz('county.wall', cam, { action: 'release' });
  }, 90_000);
});
