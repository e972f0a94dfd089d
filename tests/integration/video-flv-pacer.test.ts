/**
 * HTTP-FLV without an ffmpeg per clip camera, and FLV streams that linger a few seconds for a returning viewer — on a
 * real hub with real HTTP clients and real ffmpeg:
 * - a clip camera's stream is its cached clip paced in the hub: a valid FLV that starts with the sequence header and
 *   a keyframe, timestamps rising monotonically across the clip's loop point, delivered in real time, decodable by
 *   ffmpeg, and no process started for it; a second viewer joining later starts at a keyframe of the same pacer;
 * - the cut on revoked access holds for a paced stream (the other cut cases run on clip cameras in
 *   video-live-flv.test.ts);
 * - a live-encoded camera's ffmpeg outlives its last viewer by the linger, is reused by a viewer coming back in that
 *   time, and is stopped after it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../hub/media/demo-clip-library.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { openCaseIn } from '../support/cases.js';
import { flvTags, openFlv, waitFor } from '../support/flv-client.js';
import { api, login } from '../support/test-hub.js';
import {
  matrixCameras,
  sleep,
  startVideoTestHub,
  streamTicket,
  TEST_CLIP_SPEC,
  type MatrixCameras,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
let cams: MatrixCameras;
let work: string;
const tokens: Record<string, string> = {};
const LIVE = 'cam-0002'; // encoded live with a clock: the one camera here with an ffmpeg behind its FLV
const LINGER_MS = 5000; // the gateway's FLV linger (its idle stop is set to 5 s here, the linger is at most that)

const tags = flvTags;

const video = (data: Buffer) => tags(data).filter((t) => t.type === 9);

async function flvUrlFor(username: string, cameraId: string): Promise<string> {
  const ticket = await streamTicket(hub, tokens[username]!, cameraId);
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
  return (ticket.body.url as string).replace(/index\.m3u8$/, 'live.flv');
}

const processAlive = (pid: number) => existsSync(`/proc/${pid}`);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'grid-flv-pacer-'));
  hub = await startVideoTestHub({ media: { liveEncodedCameraIds: [LIVE], idleStopMs: LINGER_MS } });
  cams = matrixCameras(hub);
  for (const u of ['county.duty', 'county.wall', 'town01.director']) tokens[u] = await login(hub, u);
});
afterAll(async () => {
  await hub?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('a clip camera over HTTP-FLV', () => {
  it('is its clip paced in the hub: sequence header, keyframe, monotonic time across the loop, real time, no ffmpeg', async () => {
    const flv = hub.context.video.gateway.flv;
    const processesBefore = flv.running;
    const url = await flvUrlFor('county.wall', cams.village);
    const openedAt = Date.now(); // the pacer starts on this request, its first frame stamped at once
    const conn = await openFlv(url);
    expect(conn.status).toBe(200);
    // Past the clip's loop point (a 4-s test clip) with a margin.
    const loopMs = TEST_CLIP_SPEC.seconds * 1000;
    expect(await waitFor(() => (video(conn.bytes()).at(-1)?.timestamp ?? 0) > loopMs + 1500, 30_000)).toBe(true);
    const elapsed = Date.now() - openedAt;
    conn.close();
    expect(flv.running).toBe(processesBefore); // the clip ran through no process
    expect(flv.paced).toBeGreaterThanOrEqual(1);

    const data = conn.bytes();
    expect(data.subarray(0, 3).toString('latin1')).toBe('FLV');
    const frames = video(data);
    expect(frames[0]).toMatchObject({ avcPacket: 0 }); // the AVC decoder configuration first
    expect(frames[1]).toMatchObject({ avcPacket: 1, keyframe: true }); // then a picture that decodes on its own
    const pictures = frames.filter((t) => t.avcPacket === 1);
    const frameMs = 1000 / TEST_CLIP_SPEC.fps;
    for (let i = 1; i < pictures.length; i++) {
      const step = pictures[i]!.timestamp - pictures[i - 1]!.timestamp;
      // One frame apart everywhere, the loop point included: no jump back, no gap.
      expect(step, `frame ${i}`).toBeGreaterThan(0);
      expect(step, `frame ${i}`).toBeLessThanOrEqual(frameMs * 1.5);
    }
    // Keyframes recur (every clip segment) after the loop point too.
    expect(pictures.filter((t) => t.keyframe && t.timestamp > loopMs).length).toBeGreaterThanOrEqual(1);
    // Paced in real time: the stream did not run ahead of the wall clock (the first keyframe comes at once, the
    // rest as their time comes).
    expect(pictures.at(-1)!.timestamp - pictures[0]!.timestamp).toBeLessThanOrEqual(elapsed + frameMs);

    const file = join(work, 'clip.flv');
    writeFileSync(file, data);
    await runFfmpeg(await resolveFfmpegPath(), ['-i', file, '-map', '0:v', '-f', 'null', '-']);
  }, 60_000);

  it('starts a viewer who joins later at a keyframe of the same pacer', async () => {
    const flv = hub.context.video.gateway.flv;
    const first = await openFlv(await flvUrlFor('county.wall', cams.township));
    expect(await waitFor(() => video(first.bytes()).length > 5, 15_000)).toBe(true);
    const paced = flv.paced;
    await sleep(1500); // mid-clip: the joiner must not start mid-GOP
    const second = await openFlv(await flvUrlFor('county.duty', cams.township));
    expect(await waitFor(() => video(second.bytes()).length >= 3, 10_000)).toBe(true);
    const frames = video(second.bytes());
    expect(second.bytes().subarray(0, 3).toString('latin1')).toBe('FLV');
    expect(frames[0]!.avcPacket).toBe(0);
    expect(frames[1]).toMatchObject({ avcPacket: 1, keyframe: true });
    expect(flv.paced).toBeLessThanOrEqual(paced); // no second pacer for the second viewer
    // The joiner's stream is the first viewer's, from its last keyframe: same timeline.
    const firstTimes = new Set(video(first.bytes()).map((t) => t.timestamp));
    expect(firstTimes.has(frames[1]!.timestamp)).toBe(true);
    first.close();
    second.close();
  }, 40_000);

  it('is still cut within seconds when the camera grant is revoked', async () => {
    const caseId = await openCaseIn(hub, tokens['county.duty']!, '431099001');
    const until = new Date(hub.context.now() + 3600_000).toISOString();
    const grant = await api(hub, 'POST', '/api/v1/camera-grants', {
      token: tokens['county.duty']!,
      body: { cameraId: cams.neighbour, granteeUnitCode: '431099001', caseId, until },
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const conn = await openFlv(await flvUrlFor('town01.director', cams.neighbour));
    expect(await waitFor(() => conn.bytes().length > 1000, 15_000)).toBe(true);
    expect(conn.closedAt).toBeNull();
    const at = Date.now();
    await api(hub, 'POST', `/api/v1/camera-grants/${grant.body.id}/revoke`, {
      token: tokens['county.duty']!,
      body: {},
    });
    expect(await waitFor(() => conn.closedAt !== null, 5000)).toBe(true);
    expect(conn.closedAt! - at).toBeLessThan(3000); // the re-check runs every 2 s
  }, 40_000);
});

describe('a ticket', () => {
  it('starts the stream of the transport the player opens: FLV for an FLV tile, HLS otherwise', async () => {
    const { gateway } = hub.context.video;
    const [flvCamera, hlsCamera] = (
      hub.context.db.raw
        .prepare(
          `SELECT id FROM cameras WHERE org_unit_code LIKE '431099001%' AND sensitive = 0 AND online = 1
           AND id NOT IN (?, ?, ?) ORDER BY code LIMIT 2`,
        )
        .all(cams.village, cams.township, LIVE) as Array<{ id: string }>
    ).map((r) => r.id);
    const hlsRunning = (id: string) => gateway.activeStreams().some((s) => s.cameraId === id);

    const flvTicket = await streamTicket(hub, tokens['county.wall']!, flvCamera!, { transport: 'flv' });
    expect(flvTicket.status, JSON.stringify(flvTicket.body)).toBe(200);
    expect(await waitFor(() => gateway.flv.has(flvCamera!, 'sub'), 10_000)).toBe(true);
    expect(hlsRunning(flvCamera!)).toBe(false);

    const hlsTicket = await streamTicket(hub, tokens['county.wall']!, hlsCamera!);
    expect(hlsTicket.status).toBe(200);
    expect(await waitFor(() => hlsRunning(hlsCamera!), 10_000)).toBe(true);
    expect(gateway.flv.has(hlsCamera!, 'sub')).toBe(false);

    // A transport the hub does not know is refused, and no ticket issued.
    const bad = await streamTicket(hub, tokens['county.wall']!, hlsCamera!, { transport: 'rtmp' });
    expect(bad.status).toBe(400);
  }, 40_000);
});

describe('an FLV stream after its last viewer', () => {
  it('keeps its ffmpeg for a viewer who comes back within the linger, then stops it', async () => {
    const flv = hub.context.video.gateway.flv;
    const first = await openFlv(await flvUrlFor('county.wall', LIVE));
    // A cold live encode on a loaded machine can take a while to start.
    expect(await waitFor(() => video(first.bytes()).length >= 3, 40_000)).toBe(true);
    const pid = flv.pidOf(LIVE, 'sub')!;
    expect(pid).toBeGreaterThan(0);
    first.close();

    await sleep(1000); // gone for a moment (a tile rebuilt, a layout switched back)
    expect(processAlive(pid)).toBe(true);
    const back = await openFlv(await flvUrlFor('county.wall', LIVE));
    expect(await waitFor(() => video(back.bytes()).length >= 2, 10_000)).toBe(true);
    expect(flv.pidOf(LIVE, 'sub')).toBe(pid); // the same encode, not a new one
    expect(video(back.bytes())[1]).toMatchObject({ avcPacket: 1, keyframe: true });
    back.close();

    await sleep(LINGER_MS / 2);
    expect(processAlive(pid)).toBe(true); // still lingering
    expect(await waitFor(() => !processAlive(pid), LINGER_MS + 10_000)).toBe(true);
    expect(flv.pidOf(LIVE, 'sub')).toBeUndefined();
  }, 90_000);

  it('stops a clip camera’s pacer after the linger too', async () => {
    const flv = hub.context.video.gateway.flv;
    const conn = await openFlv(await flvUrlFor('county.wall', cams.village));
    expect(await waitFor(() => video(conn.bytes()).length >= 3, 15_000)).toBe(true);
    expect(flv.paced).toBeGreaterThanOrEqual(1);
    conn.close();
    expect(await waitFor(() => flv.paced === 0, LINGER_MS + 10_000)).toBe(true);
  }, 40_000);
});
