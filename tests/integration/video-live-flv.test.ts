/**
 * The wall's live FLV streams on a real hub with real ffmpeg, over real HTTP and over a real WebSocket (what the wall
 * plays; media/flv-websocket.ts), each case run on both: a decodable FLV from a keyframe, a second viewer joining one
 * shared ffmpeg at a keyframe, the stream CUT within seconds when the session ends, the grant ends or the ticket
 * expires, a township refused a neighbour's camera, and the view audited like HLS viewing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../hub/media/demo-clip-library.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { openCaseIn } from '../support/cases.js';
import { flvTags, openFlv as open, waitFor, type FlvCarrier, type FlvConnection } from '../support/flv-client.js';
import { api, login } from '../support/test-hub.js';
import {
  getMedia,
  matrixCameras,
  sleep,
  startVideoTestHub,
  streamTicket,
  type MatrixCameras,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
let cams: MatrixCameras;
let work: string;
const tokens: Record<string, string> = {};
/** The live-encoded (clock) camera the latency figures are measured on. */
let live: string;

const flvUrl = (ticketUrl: string) => ticketUrl.replace(/index\.m3u8$/, 'live.flv');

async function ticketFor(username: string, cameraId: string): Promise<string> {
  const ticket = await streamTicket(hub, tokens[username]!, cameraId);
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
  return flvUrl(ticket.body.url);
}

const tags = flvTags;

/** Waits for bytes, then checks that the hub cuts the connection within `withinMs` of `act`. */
async function cutAfter(conn: FlvConnection, act: () => Promise<unknown> | unknown, withinMs: number) {
  expect(await waitFor(() => conn.bytes().length > 1000, 15_000)).toBe(true);
  expect(conn.closedAt).toBeNull();
  const at = Date.now();
  await act();
  expect(await waitFor(() => conn.closedAt !== null, withinMs + 2000)).toBe(true);
  return conn.closedAt! - at;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'grid-live-flv-'));
  live = 'cam-0002'; // as in video-gateway.test.ts: the county's second camera, encoded live with a clock
  hub = await startVideoTestHub({ media: { liveEncodedCameraIds: [live] } });
  cams = matrixCameras(hub);
  for (const u of ['county.duty', 'county.wall', 'town01.director', 'town01.wall', 'town03.director']) {
    tokens[u] = await login(hub, u);
  }
});
afterAll(async () => {
  await hub.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe.each<FlvCarrier>(['http', 'websocket'])('live FLV over %s', (carrier) => {
  const openFlv = (url: string, from?: string) => open(url, carrier, from);
  const okStatus = carrier === 'http' ? 200 : 101;

  describe('streams', () => {
    it('start with an FLV header, the AVC configuration and a keyframe, and decode', async () => {
      const conn = await openFlv(await ticketFor('county.wall', live));
      expect(conn.status).toBe(okStatus);
      // A keyframe and a few frames after it (a cold live encode on a loaded machine can take a while to start).
      expect(await waitFor(() => tags(conn.bytes()).filter((t) => t.type === 9).length >= 5, 40_000)).toBe(true);
      conn.close();
      const data = conn.bytes();
      expect(data.subarray(0, 3).toString('latin1')).toBe('FLV');
      // First a script tag saying when the first frame sent was produced (a WebSocket page reads no headers).
      expect(tags(data)[0]!.type).toBe(18);
      const key = data.indexOf('frameAt', 13, 'latin1');
      const frameAt = data.readDoubleBE(key + 'frameAt'.length + 1);
      expect(frameAt).toBeLessThanOrEqual(Date.now());
      expect(frameAt).toBeGreaterThan(Date.now() - 60_000);
      const video = tags(data).filter((t) => t.type === 9);
      expect(video[0]).toMatchObject({ avcPacket: 0 }); // AVCDecoderConfigurationRecord first
      expect(video[1]).toMatchObject({ avcPacket: 1, keyframe: true }); // then a picture that decodes on its own
      const file = join(work, 'first.flv');
      writeFileSync(file, data);
      await runFfmpeg(await resolveFfmpegPath(), ['-i', file, '-map', '0:v', '-f', 'null', '-']);
    }, 90_000);

    it('let a second viewer join the same ffmpeg at a keyframe', async () => {
      const first = await openFlv(await ticketFor('county.wall', live));
      expect(await waitFor(() => first.bytes().length > 5000, 20_000)).toBe(true);
      await sleep(1500); // well into the stream: the joiner must not start mid-GOP
      // Counted on the FLV side: the ticket also warms the camera's HLS stream (stream-routes.ts).
      const running = hub.context.video.gateway.flv.running;
      const second = await openFlv(await ticketFor('county.duty', live));
      expect(await waitFor(() => tags(second.bytes()).filter((t) => t.type === 9).length >= 3, 10_000)).toBe(true);
      const video = tags(second.bytes()).filter((t) => t.type === 9);
      expect(video[0]!.avcPacket).toBe(0);
      expect(video[1]).toMatchObject({ avcPacket: 1, keyframe: true });
      expect(hub.context.video.gateway.flv.running).toBe(running); // no second encode for the second viewer
      first.close();
      second.close();
    });

    it('refuse a township the neighbour township’s camera, by ticket and by a rewritten URL', async () => {
      expect((await streamTicket(hub, tokens['town01.director']!, cams.neighbour)).status).toBe(403);
      const own = await ticketFor('town01.director', cams.village);
      const rewritten = await openFlv(own.replace(`/media/${cams.village}/`, `/media/${cams.neighbour}/`));
      expect(rewritten.status).toBe(403);
      expect(rewritten.bytes().subarray(0, 3).toString('latin1')).not.toBe('FLV'); // not a byte of the stream
      expect((await openFlv(own.replace(/\/media\/([^/]+)\/[^/]+\//, '/media/$1/'))).status).toBe(401);
      // The ticket is bound to the address it was issued to: another console's address is refused.
      expect((await openFlv(own, '127.0.0.2')).status).toBe(403);
      if (carrier === 'http') {
        expect(
          (await getMedia(own.replace(`/media/${cams.village}/`, `/media/${cams.neighbour}/`))).json(),
        ).toMatchObject({
          error: { code: 'forbidden' },
        });
      }
    });
  });

  describe('a live stream is cut within seconds', () => {
    it('when the session logs out', async () => {
      tokens['town01.wall'] = await login(hub, 'town01.wall');
      const conn = await openFlv(await ticketFor('town01.wall', cams.village));
      const ms = await cutAfter(
        conn,
        () => api(hub, 'POST', '/api/v1/auth/logout', { token: tokens['town01.wall']! }),
        3000,
      );
      expect(ms).toBeLessThan(3000); // the re-check runs every 2 s
    });

    it('when the user is changed (moved to another township)', async () => {
      tokens['town03.director'] = await login(hub, 'town03.director'); // the other carrier's run moved it: signed out
      const raw = hub.context.db.raw;
      const camera = (
        raw.prepare(`SELECT id FROM cameras WHERE org_unit_code LIKE '431099003%' AND sensitive = 0`).get() as {
          id: string;
        }
      ).id;
      const conn = await openFlv(await ticketFor('town03.director', camera));
      try {
        const ms = await cutAfter(
          conn,
          () => raw.prepare(`UPDATE users SET org_unit_code = '431099004' WHERE username = 'town03.director'`).run(),
          3000,
        );
        expect(ms).toBeLessThan(3000);
      } finally {
        raw.prepare(`UPDATE users SET org_unit_code = '431099003' WHERE username = 'town03.director'`).run();
      }
    });

    it('when the camera grant is revoked', async () => {
      const caseId = await openCaseIn(hub, tokens['county.duty']!, '431099001');
      const until = new Date(hub.context.now() + 3600_000).toISOString();
      const grant = await api(hub, 'POST', '/api/v1/camera-grants', {
        token: tokens['county.duty']!,
        body: { cameraId: cams.neighbour, granteeUnitCode: '431099001', caseId, until },
      });
      expect(grant.status, JSON.stringify(grant.body)).toBe(200);
      const conn = await openFlv(await ticketFor('town01.director', cams.neighbour));
      const revoke = () =>
        api(hub, 'POST', `/api/v1/camera-grants/${grant.body.id}/revoke`, { token: tokens['county.duty']!, body: {} });
      expect(await cutAfter(conn, revoke, 3000)).toBeLessThan(3000);
    });

    it('when the ticket expires', async () => {
      const conn = await openFlv(await ticketFor('county.wall', cams.village));
      try {
        expect(await cutAfter(conn, () => hub.advance(5 * 60_000 + 1000), 3000)).toBeLessThan(3000);
      } finally {
        hub.advance(-(5 * 60_000 + 1000));
      }
    });
  });

  describe('the view audit', () => {
    it('records a live stream as a view with who, camera, quality and from–to', async () => {
      const viewsNow = async () =>
        (
          await api(hub, 'GET', `/api/v1/audit/views?kind=view&camera=${cams.village}&user=county.duty`, {
            token: tokens['county.duty']!,
          })
        ).body.items as Array<{ username: string; quality: string; from: string; to: string }>;
      let views = await viewsNow();
      const before = views.length; // the other carrier's run left its view
      const conn = await openFlv(await ticketFor('county.duty', cams.village));
      expect(await waitFor(() => conn.bytes().length > 5000, 20_000)).toBe(true);
      await sleep(4500); // two re-checks: the view stays open while the stream runs
      conn.close();
      for (let i = 0; i < 50 && views.length === before; i++) {
        await sleep(200); // audited once idle for viewIdleMs (1 s in tests)
        views = await viewsNow();
      }
      expect(views).toHaveLength(before + 1); // one stream, one view
      expect(views[0]).toMatchObject({ username: 'county.duty', quality: 'sub' });
      // The view lasts as long as the stream was watched, not just the connect: the re-checks extend it.
      expect(Date.parse(views[0]!.to) - Date.parse(views[0]!.from)).toBeGreaterThanOrEqual(3500);
    });
  });
});
