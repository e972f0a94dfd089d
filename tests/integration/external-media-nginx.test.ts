/**
 * External media mode end to end against a real media server: Debian nginx with libnginx-mod-rtmp running the
 * shipped docs/media-servers/nginx-rtmp.conf, a real ffmpeg pushing a camera to it over RTMP, and a real hub whose
 * tickets point at nginx. nginx asks the hub about every playlist and segment (auth_request); tokens, scope,
 * revocation and the view audit hold exactly as on the hub's own /media.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from '../support/test-hub.js';
import {
  mediaNginxPorts,
  RTMP_MODULE,
  startMediaNginx,
  type MediaNginx,
  type MediaNginxPorts,
} from '../support/media-nginx.js';
import { NGINX } from '../support/nginx.js';
import {
  getMedia,
  isMpegTs,
  matrixCameras,
  segmentUrls,
  sleep,
  startVideoTestHub,
  streamTicket,
  type MatrixCameras,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
let media: MediaNginx;
let ports: MediaNginxPorts;
let cams: MatrixCameras;
const tokens: Record<string, string> = {};

/** `…/live/<token>/<stream>/index.m3u8` → its token. */
const tokenOf = (url: string) => /\/live\/([^/]+)\//.exec(url)![1]!;

describe('an external nginx-rtmp media server', () => {
  beforeAll(async () => {
    // .ci/run installs both; a machine without them fails here with what to install, never passes in silence.
    for (const file of [NGINX, RTMP_MODULE]) {
      if (!existsSync(file)) throw new Error(`${file} missing: apt-get install nginx libnginx-mod-rtmp`);
    }
    ports = await mediaNginxPorts();
    hub = await startVideoTestHub({
      viewIdleMs: 1000,
      externalMedia: { urlTemplate: `http://127.0.0.1:${ports.http}/live/{token}/{stream}/index.m3u8` },
    });
    media = await startMediaNginx(hub.url, ports);
    cams = matrixCameras(hub);
    for (const u of ['county.duty', 'town01.director', 'village.wall']) tokens[u] = await login(hub, u);
    // Two cameras push, as their encoders would: one in village.wall's village, one in the neighbouring township.
    await Promise.all([media.push(`${cams.village}_sub`), media.push(`${cams.neighbour}_sub`)]);
  }, 90_000);
  afterAll(async () => {
    await media?.stop();
    await hub?.dispose();
  });

  it('hands out tickets that point at the media server, and nginx plays them after asking the hub', async () => {
    const ticket = await streamTicket(hub, tokens['village.wall']!, cams.village, { quality: 'sub' });
    expect(ticket.status).toBe(200);
    expect(ticket.body.url).toMatch(new RegExp(`^${media.httpUrl}/live/[^/]+/${cams.village}_sub/index\\.m3u8$`));
    const playlist = await getMedia(ticket.body.url);
    expect(playlist.status).toBe(200);
    expect(playlist.text()).toMatch(/^#EXTM3U/);
    const segments = segmentUrls(ticket.body.url, playlist.text());
    expect(segments.length).toBeGreaterThan(0);
    // The segment's relative URI kept the token in its path: nginx asked the hub again and served real MPEG-TS.
    const segment = await getMedia(segments.at(-1)!);
    expect(segment.status).toBe(200);
    expect(isMpegTs(segment.body)).toBe(true);
  });

  it('refuses a missing, forged or borrowed token, and a stream the token is not for', async () => {
    const ticket = await streamTicket(hub, tokens['village.wall']!, cams.village, { quality: 'sub' });
    const url: string = ticket.body.url;
    const token = tokenOf(url);
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await getMedia(url.replace(token, forged))).status).toBe(401);
    expect((await getMedia(`${media.httpUrl}/live/${cams.village}_sub/index.m3u8`)).status).toBe(404);
    // The village's token on the neighbouring township's stream, and on the main stream it was not issued for.
    expect((await getMedia(url.replace(`${cams.village}_sub`, `${cams.neighbour}_sub`))).status).toBe(403);
    expect((await getMedia(url.replace(`${cams.village}_sub`, `${cams.village}_main`))).status).toBe(403);
    // The township's own director cannot get a ticket for the neighbour's camera in the first place.
    expect((await streamTicket(hub, tokens['town01.director']!, cams.neighbour)).status).toBe(403);
    // And the token is bound to the address it was issued to: nginx forwards the client's, the hub compares.
    expect((await getMedia(url, '127.0.0.2')).status).toBe(403);
  });

  it('stops playing at the next request once the session ends', async () => {
    const own = await login(hub, 'county.duty');
    const ticket = await streamTicket(hub, own, cams.neighbour, { quality: 'sub' });
    expect((await getMedia(ticket.body.url)).status).toBe(200);
    expect((await api(hub, 'POST', '/api/v1/auth/logout', { token: own })).status).toBe(200);
    expect((await getMedia(ticket.body.url)).status).toBe(401);
  });

  it('audits viewing through the media server like viewing through the hub', async () => {
    const ticket = await streamTicket(hub, tokens['town01.director']!, cams.village, { quality: 'sub' });
    for (let i = 0; i < 3; i++) {
      expect((await getMedia(ticket.body.url)).status).toBe(200);
      await sleep(200);
    }
    // The view closes a second after its last request and is then in the audit, from–to, with the viewer.
    let views: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 40 && views.length === 0; i++) {
      await sleep(250);
      const answer = await api(
        hub,
        'GET',
        `/api/v1/audit/views?kind=view&camera=${cams.village}&user=town01.director`,
        {
          token: tokens['county.duty']!,
        },
      );
      views = answer.body.items;
    }
    expect(views.length).toBeGreaterThan(0);
    expect(views[0]).toMatchObject({
      kind: 'view',
      username: 'town01.director',
      cameraId: cams.village,
      quality: 'sub',
    });
  });
});
