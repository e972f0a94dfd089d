/**
 * Playback through a real hub: the recorder records two demo cameras (one in township 01, one in its neighbour
 * township 02) with real ffmpeg; the township sees and plays back its own recordings, never the neighbour's (403,
 * nothing audited), the VOD playlist of a sub-range lists exactly the segments of that time, its segments are real
 * MPEG-TS, and each ticket leaves a view-audit row with who, camera, from–to and reason.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  getMedia,
  isMpegTs,
  segmentUrls,
  sleep,
  startVideoTestHub,
  type VideoTestHub,
} from '../support/video-test-hub.js';
import { api, login } from '../support/test-hub.js';
import { openCaseIn } from '../support/cases.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { probe } from '../../hub/evidence/media-process.js';

let hub: VideoTestHub;
let own: string;
let neighbour: string;
const tokens: Record<string, string> = {};

/** The cameras are chosen from the template before the hub starts: the recorder is told which to record at start. */
function pickCameras(): { own: string; neighbour: string } {
  const db = new Database(inject('templateDbPath'), { readonly: true });
  const pick = (prefix: string) =>
    (
      db
        .prepare(
          `SELECT id FROM cameras WHERE sensitive = 0 AND main_stream LIKE 'demo:%' AND org_unit_code LIKE ? || '%' ORDER BY code LIMIT 1`,
        )
        .get(prefix) as { id: string }
    ).id;
  const cams = { own: pick('431099001'), neighbour: pick('431099002') };
  db.close();
  return cams;
}

const auditCount = () => (hub.context.db.raw.prepare(`SELECT count(*) AS n FROM view_audit`).get() as { n: number }).n;
const range = (fromMs: number, toMs: number) =>
  `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;

beforeAll(async () => {
  ({ own, neighbour } = pickCameras());
  hub = await startVideoTestHub(
    {},
    {
      recording: {
        enabled: true,
        cameras: [own, neighbour],
        recorder: {
          segmentSeconds: 1,
          demoRendition: { width: 160, height: 96, kbps: 150 },
          demoFps: 10,
          pollMs: 200,
        },
      },
    },
  );
  for (const u of ['county.duty', 'town01.director']) tokens[u] = await login(hub, u);
  const since = Date.now() - 60_000;
  for (let i = 0; i < 300; i++) {
    const answer = await api(hub, 'GET', `/api/v1/cameras/${own}/recordings?${range(since, Date.now() + 60_000)}`, {
      token: tokens['county.duty'],
    });
    const span = answer.body.spans?.[0];
    if (span && Date.parse(span.to) - Date.parse(span.from) >= 5000) break;
    await sleep(200);
  }
}, 120_000);
afterAll(async () => {
  await hub?.dispose();
});

describe('recording playback', () => {
  it("lets a township list and play back its own camera's recording, dated to the second", async () => {
    const token = tokens['town01.director']!;
    const listed = await api(
      hub,
      'GET',
      `/api/v1/cameras/${own}/recordings?${range(Date.now() - 60_000, Date.now())}`,
      {
        token,
      },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.spans).toHaveLength(1);
    expect(listed.body.gaps).toEqual([]);
    const span = { from: Date.parse(listed.body.spans[0].from), to: Date.parse(listed.body.spans[0].to) };
    expect(span.to - span.from).toBeGreaterThanOrEqual(5000);

    // Two seconds from the middle of the span: the playlist holds the segments of exactly that time.
    const from = span.from + 2000;
    const to = from + 2000;
    const ticket = await api(hub, 'POST', `/api/v1/cameras/${own}/playback`, {
      token,
      body: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), reason: '核实村口上报' },
    });
    expect(ticket.status).toBe(200);
    expect(ticket.body.url).toMatch(new RegExp(`/playback/${own}/[^/]+/index\\.m3u8$`));
    const playlist = await getMedia(ticket.body.url);
    expect(playlist.status).toBe(200);
    const text = playlist.text();
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
    const dates = [...text.matchAll(/#EXT-X-PROGRAM-DATE-TIME:(.+)/g)].map((m) => Date.parse(m[1]!));
    const durations = [...text.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates[0]!).toBeLessThanOrEqual(from);
    expect(dates[0]! + durations[0]!).toBeGreaterThan(from);
    expect(dates.at(-1)!).toBeLessThan(to);
    expect(dates.at(-1)! + durations.at(-1)!).toBeGreaterThanOrEqual(to - 100);
    const segments = segmentUrls(ticket.body.url, text);
    const first = await getMedia(segments[0]!);
    expect(first.status).toBe(200);
    expect(isMpegTs(first.body)).toBe(true);
    // A segment id outside the ticket's range is not served, even for the same camera.
    const outside = hub.context.db.raw
      .prepare(`SELECT id FROM recording_segments WHERE camera_id = ? AND end_ms <= ? ORDER BY start_ms DESC LIMIT 1`)
      .get(own, from) as { id: number };
    expect((await getMedia(segments[0]!.replace(/seg\/\d+\.ts$/, `seg/${outside.id}.ts`))).status).toBe(404);

    const audit = hub.context.db.raw
      .prepare(`SELECT * FROM view_audit WHERE camera_id = ? AND kind = 'token_issued' ORDER BY id DESC LIMIT 1`)
      .get(own) as Record<string, unknown>;
    expect(audit).toMatchObject({
      username: 'town01.director',
      from_at: from,
      to_at: to,
      reason: '核实村口上报',
      detail: JSON.stringify({ playback: true }),
    });
  });

  it("refuses a township the neighbour's recordings: no list, no ticket, no play, nothing audited", async () => {
    const token = tokens['town01.director']!;
    const before = auditCount();
    const listed = await api(
      hub,
      'GET',
      `/api/v1/cameras/${neighbour}/recordings?${range(Date.now() - 60_000, Date.now())}`,
      {
        token,
      },
    );
    expect(listed.status).toBe(403);
    expect(listed.body.error.code).toBe('forbidden');
    const ticket = await api(hub, 'POST', `/api/v1/cameras/${neighbour}/playback`, {
      token,
      body: { from: new Date(Date.now() - 30_000).toISOString(), to: new Date().toISOString(), reason: '看看邻镇' },
    });
    expect(ticket.status).toBe(403);
    expect(ticket.body.error.code).toBe('forbidden');
    expect(auditCount()).toBe(before);
    // The county may; and the township's own ticket does not open the neighbour's camera by editing the URL.
    const county = await api(hub, 'POST', `/api/v1/cameras/${neighbour}/playback`, {
      token: tokens['county.duty'],
      body: { from: new Date(Date.now() - 30_000).toISOString(), to: new Date().toISOString() },
    });
    expect(county.status).toBe(200);
    const mine = await api(hub, 'POST', `/api/v1/cameras/${own}/playback`, {
      token,
      body: { from: new Date(Date.now() - 30_000).toISOString(), to: new Date().toISOString() },
    });
    expect((await getMedia(mine.body.url.replace(`/playback/${own}/`, `/playback/${neighbour}/`))).status).toBe(403);
    // A live stream token is not a playback token.
    const live = await api(hub, 'POST', `/api/v1/cameras/${own}/stream`, { token, body: { quality: 'sub' } });
    const liveToken = /\/media\/[^/]+\/([^/]+)\//.exec(live.body.url)![1]!;
    expect(
      (await getMedia(mine.body.url.replace(/\/playback\/([^/]+)\/[^/]+\//, `/playback/$1/${liveToken}/`))).status,
    ).toBe(401);
  });

  it('stops playing back at the next request once the session ends', async () => {
    const token = await login(hub, 'town01.director');
    const ticket = await api(hub, 'POST', `/api/v1/cameras/${own}/playback`, {
      token,
      body: { from: new Date(Date.now() - 30_000).toISOString(), to: new Date().toISOString() },
    });
    expect((await getMedia(ticket.body.url)).status).toBe(200);
    expect((await api(hub, 'POST', '/api/v1/auth/logout', { token })).status).toBe(200);
    expect((await getMedia(ticket.body.url)).status).toBe(401);
  });

  it('exports a watermarked MP4 clip of the range onto the case; a neighbour camera or case is refused, writing nothing', async () => {
    const token = tokens['town01.director']!;
    const county = tokens['county.duty']!;
    const ownCase = await openCaseIn(hub, county, '431099001');
    const neighbourCase = await openCaseIn(hub, county, '431099002');
    const listed = await api(
      hub,
      'GET',
      `/api/v1/cameras/${own}/recordings?${range(Date.now() - 120_000, Date.now())}`,
      {
        token,
      },
    );
    const from = Date.parse(listed.body.spans[0].from) + 1000;
    const to = from + 3000;
    const body = (caseId: string) => ({
      caseId,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      reason: '取证',
    });
    const attachments = () =>
      (hub.context.db.raw.prepare(`SELECT count(*) AS n FROM case_attachments`).get() as { n: number }).n;
    const before = { audit: auditCount(), attachments: attachments() };
    const foreignCamera = await api(hub, 'POST', `/api/v1/cameras/${neighbour}/clips`, { token, body: body(ownCase) });
    expect(foreignCamera.status).toBe(403);
    expect(foreignCamera.body.error.code).toBe('forbidden');
    const foreignCase = await api(hub, 'POST', `/api/v1/cameras/${own}/clips`, { token, body: body(neighbourCase) });
    expect(foreignCase.status).toBe(404);
    expect(foreignCase.body.error.code).toBe('not_found');
    expect({ audit: auditCount(), attachments: attachments() }).toEqual(before);

    const exported = await api(hub, 'POST', `/api/v1/cameras/${own}/clips`, { token, body: body(ownCase) });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ kind: 'video', mime: 'video/mp4', cameraId: own });
    const list = await api(hub, 'GET', `/api/v1/cases/${ownCase}/attachments`, { token });
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(exported.body.id);
    // The stored file is an MP4 of the asked three seconds (within a frame or two of the 10 fps recording).
    const file = await fetch(`${hub.url}/api/v1/attachments/${exported.body.id}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'grid-clip-test-'));
    try {
      const path = join(dir, 'clip.mp4');
      writeFileSync(path, Buffer.from(await file.arrayBuffer()));
      const facts = await probe(await resolveFfmpegPath(), path);
      expect(facts.hasVideo).toBe(true);
      expect(facts.durationMs!).toBeGreaterThan(2700);
      expect(facts.durationMs!).toBeLessThan(3400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const audit = hub.context.db.raw
      .prepare(`SELECT * FROM view_audit WHERE detail = ? LIMIT 1`)
      .get(JSON.stringify({ export: exported.body.id })) as Record<string, unknown>;
    expect(audit).toMatchObject({
      username: 'town01.director',
      from_at: from,
      to_at: to,
      case_id: ownCase,
      reason: '取证',
    });
  });
});
