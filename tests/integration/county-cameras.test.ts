/**
 * The camera registry after the sample county is loaded into an empty hub: an imported camera is what the media
 * gateway plays (a local file standing in for an RTSP camera — no RTSP server on this machine — through the same
 * remux path), a camera added in the view reaches its township director's tree at once, a probe reports codec /
 * resolution / fps or a masked failure, and a retired camera leaves the tree and refuses streams.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import { runFfmpeg } from '../../hub/media/demo-clip-library.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
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
import { getMedia, isMpegTs, segmentUrls, streamTicket } from '../support/video-test-hub.js';

let hub: CountyHub;
let admin: string;
let director: string;
let work: string;
let standIn: string;
const STANDIN_CODE = '43990101001320000101';
const standInId = `cam-${STANDIN_CODE}`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'grid-county-cam-'));
  standIn = join(work, 'standin-camera.ts');
  await runFfmpeg(await resolveFfmpegPath(), [
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '6'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-g', '10', '-keyint_min', '10', '-sc_threshold', '0'],
    ...['-pix_fmt', 'yuv420p', '-f', 'mpegts', standIn],
  ]);
  hub = await startCountyHub();
  admin = await loginAs(hub, 'admin1');
  expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), false)).status).toBe(200);
  expect((await cameraImport(hub, admin, sampleFile('cameras.csv'), false)).status).toBe(200);
  await addSampleUsers(hub);
  director = await loginAs(hub, 'cg_director');
}, 60_000);
afterAll(async () => {
  await hub?.dispose();
  rmSync(work, { recursive: true, force: true });
});

const directorCameras = async (token = director) =>
  ((await api(hub, 'GET', '/api/v1/cameras', { token })).body.items as Array<{ id: string }>).map((c) => c.id);
const adminCamera = async (id: string) =>
  ((await api(hub, 'GET', '/api/v1/admin/cameras', { token: admin })).body.items as any[]).find((c) => c.id === id);

describe('a camera loaded by import', () => {
  it('reaches its township director at once and is what the gateway plays', async () => {
    const line = `${STANDIN_CODE},东街菜场后门,439901001001002,112.93332,28.131169,standin-file:${standIn},,0,0`;
    const csv = `${sampleFile('cameras.csv').trim()}\n${line}\n`;
    const report = await cameraImport(hub, admin, csv, false);
    expect(report.body.counts).toMatchObject({ added: 1, unchanged: 12 });
    expect(await directorCameras()).toContain(standInId);

    const ticket = await streamTicket(hub, director, standInId, { quality: 'main' });
    expect(ticket.status).toBe(200);
    const playlist = await getMedia(ticket.body.url);
    expect(playlist.status).toBe(200);
    const segment = await getMedia(segmentUrls(ticket.body.url, playlist.text())[0]!);
    expect(isMpegTs(segment.body)).toBe(true);
    expect(hub.context.video.gateway.activeStreams().find((s) => s.cameraId === standInId)?.kind).toBe('remux');
  });

  it('probes through the gateway ffmpeg: codec, resolution, fps, recorded as its health', async () => {
    const probed = await api(hub, 'POST', `/api/v1/admin/cameras/${standInId}/probe`, { token: admin, body: {} });
    expect(probed.status).toBe(200);
    expect(probed.body.health).toMatchObject({ ok: true, codec: 'h264', width: 320, height: 180, fps: 10 });
    expect((await adminCamera(standInId)).health.ok).toBe(true);
  });

  it('reports an unreachable RTSP camera as failing without its password', async () => {
    const id = 'cam-43990101001320000001';
    const edit = await api(hub, 'POST', `/api/v1/admin/cameras/${id}`, {
      token: admin,
      body: {
        code: '43990101001320000001',
        name: '东街农贸市场入口',
        unitCode: '439901001001001',
        position: [112.908216, 28.106317],
        mainUrl: 'rtsp://admin:Secret-9@127.0.0.1:9/Streaming/Channels/101',
        subUrl: '',
        sensitive: false,
        ptz: false,
      },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.mainUrlMasked).toBe('rtsp://[credentials]@127.0.0.1:9/Streaming/Channels/101');
    // A blank URL keeps the stored one (the view never holds it to send back).
    expect(edit.body.subUrlMasked).toBe('rtsp://[credentials]@10.39.1.11:554/Streaming/Channels/102');
    const probed = await api(hub, 'POST', `/api/v1/admin/cameras/${id}/probe`, { token: admin, body: {} });
    expect(probed.body.health.ok).toBe(false);
    expect(probed.body.health.error).toBeTruthy();
    expect(JSON.stringify(probed.body)).not.toContain('Secret-9');
    expect(hub.logText()).not.toContain('Secret-9');
  });
});

describe('a camera added, edited and retired in the view', () => {
  const input = {
    code: '43990102001320000102',
    name: '石桥乡政府门口',
    unitCode: '439901002201001',
    position: [112.96, 28.115],
    mainUrl: 'rtsp://op:Pw-77@10.39.2.40:554/live/main',
    subUrl: 'rtsp://op:Pw-77@10.39.2.40:554/live/sub',
    sensitive: true,
    ptz: true,
  };

  it('adds, refusing a duplicate code, an unknown unit and a position outside the county', async () => {
    const added = await api(hub, 'POST', '/api/v1/admin/cameras', { token: admin, body: input });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: input.code, ptz: true, sensitive: true, retiredAt: null });
    const township = await loginAs(hub, 'sq_director');
    expect(await directorCameras(township)).toContain(added.body.id);
    expect(await directorCameras()).not.toContain(added.body.id);

    const again = await api(hub, 'POST', '/api/v1/admin/cameras', { token: admin, body: input });
    expect(again.body.error).toMatchObject({ code: 'conflict', field: 'code' });
    const nowhere = { ...input, code: '43990102001320000103', unitCode: '439901002201009' };
    const noUnit = await api(hub, 'POST', '/api/v1/admin/cameras', { token: admin, body: nowhere });
    expect(noUnit.body.error).toMatchObject({ code: 'validation_failed', field: 'unitCode' });
    const far = { ...input, code: '43990102001320000104', position: [113.5, 28.1] };
    const outside = await api(hub, 'POST', '/api/v1/admin/cameras', { token: admin, body: far });
    expect(outside.body.error).toMatchObject({ code: 'validation_failed', field: 'position' });
    const count = hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cameras`)!.n;
    expect(count).toBe(14);
  });

  it('retires: out of the tree, streams refused, kept for the record', async () => {
    const viewer = await streamTicket(hub, director, standInId, { quality: 'main' });
    expect(viewer.status).toBe(200);
    const retired = await api(hub, 'POST', `/api/v1/admin/cameras/${standInId}/retire`, { token: admin, body: {} });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toEqual(expect.any(Number));
    expect(await directorCameras()).not.toContain(standInId);
    // Refused like a camera outside the scope (the hub does not tell what exists beyond it).
    const refused = await streamTicket(hub, director, standInId, { quality: 'main' });
    expect(refused.body.error.code).toBe('forbidden');
    // A ticket issued before the retirement stops working at the next request.
    const media = await getMedia(viewer.body.url);
    expect(media.status).toBe(403);
    expect((await adminCamera(standInId)).retiredAt).toBe(retired.body.retiredAt);
    const twice = await api(hub, 'POST', `/api/v1/admin/cameras/${standInId}/retire`, { token: admin, body: {} });
    expect(twice.status).toBe(409);
    // A re-import of a file that still lists it does not put it back into service.
    const line = `${STANDIN_CODE},东街菜场后门,439901001001002,112.93332,28.131169,standin-file:${standIn},,0,0`;
    await cameraImport(hub, admin, `${sampleFile('cameras.csv').trim()}\n${line}\n`, false);
    expect(await directorCameras()).not.toContain(standInId);
  });
});
