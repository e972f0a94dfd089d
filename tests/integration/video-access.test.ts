/**
 * Camera access on a real hub: the matrix (county duty officer, township director, village and county wall
 * operators × own / neighbour / sensitive camera) on the ticket endpoint AND on direct playlist and segment requests
 * with missing, expired, tampered and other-user tokens; access lost at the next request; the media-server check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';
import { ConsoleService } from '../../main/console-service.js';
import { openCaseIn } from '../support/cases.js';
import { api, DEMO_PASSWORD, login } from '../support/test-hub.js';
import {
  getMedia,
  matrixCameras,
  segmentUrls,
  startVideoTestHub,
  streamTicket,
  type MatrixCameras,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
let cams: MatrixCameras;
const tokens: Record<string, string> = {};
const USERS = ['county.duty', 'town01.director', 'village.wall', 'county.wall'] as const;
type CameraKey = keyof MatrixCameras;

/** 200 plays, 403 out of scope, 'reason': a sensitive camera that needs a reason first. */
const EXPECTED: Record<(typeof USERS)[number], Record<CameraKey, 200 | 403 | 'reason'>> = {
  'county.duty': { village: 200, township: 200, neighbour: 200, sensitive: 'reason' },
  'town01.director': { village: 200, township: 200, neighbour: 403, sensitive: 'reason' },
  'village.wall': { village: 200, township: 403, neighbour: 403, sensitive: 403 },
  'county.wall': { village: 200, township: 200, neighbour: 200, sensitive: 'reason' },
};

const tokenOf = (url: string) => /\/media\/[^/]+\/([^/]+)\//.exec(url)![1]!;
const withToken = (url: string, token: string) => url.replace(tokenOf(url), token);

/** A playable ticket: URL of its playlist and of its newest segment. */
async function play(username: string, cameraId: string, body: Record<string, unknown> = {}) {
  const ticket = await streamTicket(hub, tokens[username]!, cameraId, body);
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
  const playlist = await getMedia(ticket.body.url);
  expect(playlist.status).toBe(200);
  return { url: ticket.body.url as string, segment: segmentUrls(ticket.body.url, playlist.text()).at(-1)! };
}

let openCase: string;
beforeAll(async () => {
  hub = await startVideoTestHub();
  cams = matrixCameras(hub);
  for (const u of [...USERS, 'town01.wall', 'town03.director', 'admin', 'grid.worker']) tokens[u] = await login(hub, u);
  // A case number stands in for the reason only when it names an open case the viewer holds.
  openCase = await openCaseIn(hub, tokens['county.duty']!, '431099001');
});
afterAll(async () => hub.dispose());

describe('the ticket endpoint', () => {
  it.each(USERS)('answers %s by scope, and asks a reason for sensitive cameras', async (username) => {
    for (const [key, expected] of Object.entries(EXPECTED[username]) as Array<[CameraKey, 200 | 403 | 'reason']>) {
      const res = await streamTicket(hub, tokens[username]!, cams[key]);
      if (expected === 'reason') {
        expect(res.status, key).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'reason_required', field: 'reason' });
        expect((await streamTicket(hub, tokens[username]!, cams[key], { reason: '核查' })).status).toBe(400);
        expect((await streamTicket(hub, tokens[username]!, cams[key], { reason: '核查警情' })).status).toBe(200);
        expect((await streamTicket(hub, tokens[username]!, cams[key], { caseId: openCase })).status).toBe(200);
      } else {
        expect(res.status, `${username} → ${key}`).toBe(expected);
        if (expected === 403) expect(res.body.error.code).toBe('forbidden');
        if (expected === 200) expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
      }
    }
  });

  it('refuses roles without camera access, unknown cameras (like out-of-scope ones) and anonymous callers', async () => {
    for (const u of ['admin', 'grid.worker'])
      expect((await streamTicket(hub, tokens[u]!, cams.village)).status).toBe(403);
    expect((await streamTicket(hub, tokens['county.duty']!, 'cam-9999')).body.error.code).toBe('forbidden');
    expect((await api(hub, 'POST', `/api/v1/cameras/${cams.village}/stream`, { body: {} })).status).toBe(401);
  });
});

describe('playlist and segment requests', () => {
  it('play every permitted ticket, playlist and segment', async () => {
    for (const username of USERS) {
      for (const [key, expected] of Object.entries(EXPECTED[username]) as Array<[CameraKey, 200 | 403 | 'reason']>) {
        if (expected === 403) continue;
        const { segment } = await play(username, cams[key], expected === 'reason' ? { reason: '核查警情' } : {});
        expect((await getMedia(segment)).status, `${username} → ${key}`).toBe(200);
      }
    }
  });

  it('refuse a request without a token', async () => {
    const { url, segment } = await play('county.wall', cams.village);
    for (const target of [url, segment]) {
      const res = await getMedia(target.replace(`/${tokenOf(url)}/`, '/'));
      expect(res.status).toBe(401);
      expect(res.json().error.code).toBe('stream_token_invalid');
      expect(res.headers['access-control-allow-origin']).toBe('*'); // so hls.js in the console can read the refusal
    }
  });

  it('refuse tampered tokens: a changed signature, or claims rewritten for another camera', async () => {
    const { url, segment } = await play('town01.director', cams.village);
    const [payload, signature] = tokenOf(url).split('.') as [string, string];
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, cam: cams.neighbour })).toString('base64url')}.${signature}`;
    for (const target of [url, segment]) {
      expect((await getMedia(withToken(target, flipped))).status).toBe(401);
      const neighbourPath = withToken(target, forged).replace(`/media/${cams.village}/`, `/media/${cams.neighbour}/`);
      expect((await getMedia(neighbourPath)).status).toBe(401);
    }
  });

  it('refuse a token used for another camera than its own (a guessed URL)', async () => {
    const { url, segment } = await play('town01.director', cams.village);
    for (const [from, to] of [
      [cams.village, cams.neighbour],
      [cams.village, cams.township], // in scope, but not what the token was issued for
    ]) {
      for (const target of [url, segment]) {
        const res = await getMedia(target.replace(`/media/${from}/`, `/media/${to}/`));
        expect(res.status).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
  });

  it('refuse an expired token on playlist and segment, and play a refreshed one', async () => {
    const { url, segment } = await play('county.wall', cams.township);
    hub.advance(5 * 60_000 + 1000);
    try {
      for (const target of [url, segment]) {
        const res = await getMedia(target);
        expect(res.status).toBe(401);
        expect(res.json().error.code).toBe('token_expired');
      }
      const refreshed = await streamTicket(hub, tokens['county.wall']!, cams.township);
      expect((await getMedia(refreshed.body.url)).status).toBe(200);
    } finally {
      hub.advance(-(5 * 60_000 + 1000));
    }
  });

  it("refuse another user's token: a copied link played from another machine", async () => {
    const { url, segment } = await play('town01.director', cams.township);
    for (const target of [url, segment]) {
      const copied = await getMedia(target, '127.0.0.2');
      expect(copied.status).toBe(403);
      expect(copied.json().error.code).toBe('forbidden');
      expect((await getMedia(target)).status).toBe(200);
    }
  });
});

describe('access lost at the next request', () => {
  it('stops a stream at the next segment once the session is revoked', async () => {
    const { url, segment } = await play('town01.wall', cams.township);
    expect((await getMedia(segment)).status).toBe(200);
    expect((await api(hub, 'POST', '/api/v1/auth/logout', { token: tokens['town01.wall']! })).status).toBe(200);
    for (const target of [segment, url]) {
      const res = await getMedia(target);
      expect(res.status).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('stops a stream at the next request once the user is moved out of the camera’s scope', async () => {
    const raw = hub.context.db.raw;
    const camera = (
      raw.prepare(`SELECT id FROM cameras WHERE org_unit_code LIKE '431099003%' AND sensitive = 0`).get() as {
        id: string;
      }
    ).id;
    const { url, segment } = await play('town03.director', camera);
    raw.prepare(`UPDATE users SET org_unit_code = '431099004' WHERE username = 'town03.director'`).run();
    try {
      // A change to the user ends the session itself (migration 0010's trigger): the stream's next request is refused
      // as unauthenticated, not merely out of scope.
      for (const target of [url, segment]) expect((await getMedia(target)).status).toBe(401);
    } finally {
      raw.prepare(`UPDATE users SET org_unit_code = '431099003' WHERE username = 'town03.director'`).run();
    }
    // Moving the user back does not revive the ended session: a new login is needed.
    expect((await getMedia(url)).status).toBe(401);
    tokens['town03.director'] = await login(hub, 'town03.director');
    expect((await getMedia((await play('town03.director', camera)).url)).status).toBe(200);
  });
});

describe('the token check for an external media server', () => {
  it('answers MediaMTX-style requests with 200 or a refusal', async () => {
    const ticket = await streamTicket(hub, tokens['county.duty']!, cams.village, { quality: 'sub' });
    const token = tokenOf(ticket.body.url);
    const check = (body: Record<string, unknown>) => api(hub, 'POST', '/api/v1/media/authorize', { body });
    const base = { user: '', password: '', ip: '127.0.0.1', action: 'read', protocol: 'hls', id: 'x', query: '' };
    expect((await check({ ...base, token, path: `${cams.village}/sub` })).status).toBe(200);
    expect((await check({ ...base, query: `token=${token}`, path: cams.village })).status).toBe(200);
    expect((await check({ ...base, password: token, path: cams.village })).status).toBe(200);
    expect((await check({ ...base, token, path: `${cams.village}/main` })).status).toBe(403);
    expect((await check({ ...base, token, path: cams.township })).status).toBe(403);
    expect((await check({ ...base, token, path: cams.village, ip: '10.0.0.9' })).status).toBe(403);
    expect((await check({ ...base, token, path: cams.village, action: 'publish' })).status).toBe(403);
    expect((await check({ ...base, token: `${token}x`, path: cams.village })).status).toBe(401);
  });

  it('answers ZLMediaKit on_play hooks with code 0 or -1', async () => {
    const ticket = await streamTicket(hub, tokens['county.duty']!, cams.village);
    const hook = (body: Record<string, unknown>) => api(hub, 'POST', '/api/v1/media/authorize/zlmediakit', { body });
    const params = `token=${tokenOf(ticket.body.url)}`;
    expect((await hook({ app: 'live', stream: `${cams.village}_sub`, params, ip: '127.0.0.1' })).body).toEqual({
      code: 0,
      msg: 'success',
    });
    expect((await hook({ app: 'live', stream: cams.neighbour, params, ip: '127.0.0.1' })).body.code).toBe(-1);
  });
});

describe('the console calls', () => {
  it('give the renderer a playable URL and the audit, never the hub token', async () => {
    const service = new ConsoleService({ hubUrl: hub.url });
    try {
      await dispatchConsoleCall(service, 'session.login', { username: 'town01.director', password: DEMO_PASSWORD });
      const ticket = await dispatchConsoleCall(service, 'cameras.stream', { cameraId: cams.sensitive });
      expect(ticket).toMatchObject({ ok: false, error: { code: 'reason_required', field: 'reason' } });
      const played = await service.handlers['cameras.stream']({ cameraId: cams.village, quality: 'main' });
      expect(played.url).toMatch(new RegExp(`^${hub.url}/media/${cams.village}/`));
      expect((await getMedia(played.url)).status).toBe(200);
      expect(await dispatchConsoleCall(service, 'audit.views', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: DEMO_PASSWORD });
      const audit = await service.handlers['audit.views']({ user: 'town01.director', limit: 5 });
      expect(audit.items.length).toBeGreaterThan(0);
      expect(audit.items.every((e) => e.username === 'town01.director')).toBe(true);
    } finally {
      service.close();
    }
  });
});
