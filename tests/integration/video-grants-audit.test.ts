/**
 * Case-bound grants (lend → view → until passes / case closes / revoked → refused at the next request) and the
 * view audit (who, camera, from–to, reason, case; scoped read with CSV; append-only; hash chain verified by the CLI
 * and broken by an attacker editing the file with the triggers dropped).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endGrantsForCase } from '../../hub/video-access/camera-grants.js';
import { verifyAuditChain } from '../../hub/video-access/audit-chain.js';
import { openCaseIn } from '../support/cases.js';
import { api, login } from '../support/test-hub.js';
import {
  getMedia,
  matrixCameras,
  segmentUrls,
  sleep,
  startVideoTestHub,
  streamTicket,
  type MatrixCameras,
  type VideoTestHub,
} from '../support/video-test-hub.js';

let hub: VideoTestHub;
let cams: MatrixCameras;
const tokens: Record<string, string> = {};
/** A real open town01 case: grants and viewing reasons may only cite one (case-citations.test.ts). */
let CASE: string;

const until = (ms: number) => new Date(hub.context.now() + ms).toISOString();
const lend = (body: Record<string, unknown>, username = 'county.duty') =>
  api(hub, 'POST', '/api/v1/camera-grants', { token: tokens[username]!, body });
const ticketStatus = async (username: string, cameraId: string) =>
  (await streamTicket(hub, tokens[username]!, cameraId)).status;
const audit = (query: string, username = 'county.duty') =>
  api(hub, 'GET', `/api/v1/audit/views?${query}`, { token: tokens[username]! });

async function play(username: string, cameraId: string, body: Record<string, unknown> = {}) {
  const ticket = await streamTicket(hub, tokens[username]!, cameraId, body);
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
  const playlist = await getMedia(ticket.body.url);
  expect(playlist.status).toBe(200);
  const segment = segmentUrls(ticket.body.url, playlist.text()).at(-1)!;
  expect((await getMedia(segment)).status).toBe(200);
  return { url: ticket.body.url as string, segment };
}

beforeAll(async () => {
  hub = await startVideoTestHub();
  cams = matrixCameras(hub);
  for (const u of ['county.duty', 'county.wall', 'town01.director', 'town01.wall', 'village.wall', 'admin']) {
    tokens[u] = await login(hub, u);
  }
  CASE = await openCaseIn(hub, tokens['county.duty']!, '431099001');
});
afterAll(async () => hub.dispose());

describe('case-bound grants', () => {
  it('lend a neighbour’s camera to a township room for a case, until the case closes', async () => {
    expect(await ticketStatus('town01.director', cams.neighbour)).toBe(403);
    const grant = await lend({
      cameraId: cams.neighbour,
      granteeUnitCode: '431099001',
      caseId: CASE,
      until: until(3600_000),
    });
    expect(grant.status).toBe(200);
    expect(grant.body).toMatchObject({ active: true, caseId: CASE, granteeUnitCode: '431099001', endReason: null });
    expect(grant.body.camera.id).toBe(cams.neighbour);

    const stream = await play('town01.director', cams.neighbour);
    await play('town01.wall', cams.neighbour);
    expect(await ticketStatus('village.wall', cams.neighbour)).toBe(403); // lent to the township room only
    const listed = await api(hub, 'GET', '/api/v1/camera-grants', { token: tokens['town01.director']! });
    expect(listed.body.items.map((g: { id: string }) => g.id)).toContain(grant.body.id);

    expect(endGrantsForCase(hub.context, CASE)).toBe(1);
    for (const target of [stream.segment, stream.url]) expect((await getMedia(target)).status).toBe(403);
    expect(await ticketStatus('town01.director', cams.neighbour)).toBe(403);
    expect(endGrantsForCase(hub.context, CASE)).toBe(0);
    const after = await api(hub, 'GET', '/api/v1/camera-grants', { token: tokens['county.duty']! });
    expect(after.body.items.find((g: { id: string }) => g.id === grant.body.id)).toMatchObject({
      active: false,
      endReason: 'case_closed',
    });
  });

  it('end a grant when its time is up', async () => {
    const grant = await lend({ cameraId: cams.neighbour, granteeUnitCode: '431099001', until: until(60_000) });
    const stream = await play('town01.director', cams.neighbour);
    hub.advance(61_000);
    try {
      expect((await getMedia(stream.url)).status).toBe(403);
    } finally {
      hub.advance(-61_000);
    }
    await api(hub, 'POST', `/api/v1/camera-grants/${grant.body.id}/revoke`, {
      token: tokens['county.duty']!,
      body: {},
    });
  });

  it('end a grant the county revokes, once', async () => {
    const grant = await lend({ cameraId: cams.neighbour, granteeUnitCode: '431099001', until: until(3600_000) });
    const stream = await play('town01.director', cams.neighbour);
    const revoke = () =>
      api(hub, 'POST', `/api/v1/camera-grants/${grant.body.id}/revoke`, { token: tokens['county.duty']!, body: {} });
    const revoked = await revoke();
    expect(revoked.body).toMatchObject({ active: false, endReason: 'revoked' });
    expect((await getMedia(stream.segment)).status).toBe(403);
    expect((await revoke()).status).toBe(409);
  });

  it('let only the county lend, its own cameras, outside the grantee’s scope, for at most 30 days', async () => {
    const base = { cameraId: cams.neighbour, granteeUnitCode: '431099001', until: until(3600_000) };
    expect((await lend(base, 'town01.director')).status).toBe(403);
    expect((await lend({ ...base, granteeUnitCode: '431099' })).body.error.field).toBe('granteeUnitCode');
    expect((await lend({ ...base, cameraId: cams.township })).body.error.field).toBe('granteeUnitCode');
    expect((await lend({ ...base, until: until(-1000) })).body.error.field).toBe('until');
    expect((await lend({ ...base, until: until(31 * 24 * 3600_000) })).body.error.field).toBe('until');
  });
});

describe('the view audit', () => {
  it('records tickets and viewing sessions with who, camera, from–to, reason and case', async () => {
    await play('county.duty', cams.sensitive, { reason: '核查警情 甲', caseId: CASE });
    let views: any[] = [];
    for (let i = 0; i < 40 && views.length === 0; i++) {
      await sleep(200); // a view is audited once it has been idle for viewIdleMs (1 s in tests)
      views = (await audit(`kind=view&camera=${cams.sensitive}`)).body.items;
    }
    expect(views[0]).toMatchObject({ username: 'county.duty', reason: '核查警情 甲', caseId: CASE, quality: 'sub' });
    expect(Date.parse(views[0].to)).toBeGreaterThanOrEqual(Date.parse(views[0].from));
    const tickets = (await audit(`kind=token_issued&camera=${cams.sensitive}`)).body.items;
    expect(tickets[0]).toMatchObject({ reason: '核查警情 甲', caseId: CASE, ip: '127.0.0.1', userUnitCode: '431099' });
    const grants = (await audit(`camera=${cams.neighbour}`)).body.items.map((e: { kind: string }) => e.kind);
    expect(grants).toEqual(expect.arrayContaining(['grant_created', 'grant_ended', 'token_issued', 'view']));
  });

  it('filters by user and period, exports CSV, and is readable only with audit.read', async () => {
    const mine = (await audit('user=town01.director')).body.items as Array<{ username: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.username === 'town01.director')).toBe(true);
    expect((await audit(`from=${until(3600_000)}`)).body.items).toEqual([]);
    const csv = await api(hub, 'GET', '/api/v1/audit/views?format=csv', { token: tokens['county.duty']! });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(
      String(csv.body)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).toMatch(/^id,kind,at,from,to,username/);
    expect(String(csv.body)).toContain('核查警情 甲');
    expect((await audit('', 'admin')).status).toBe(200);
    expect((await audit('', 'town01.director')).status).toBe(403);
  });

  it('audits the views a crashed run left open, ending at their last recorded request', async () => {
    const raw = hub.context.db.raw;
    const ticket = (await audit(`kind=token_issued&camera=${cams.sensitive}`)).body.items[0];
    const user = raw.prepare(`SELECT id FROM users WHERE username = 'county.duty'`).get() as { id: string };
    const token = raw.prepare(`SELECT token_id, session_id FROM view_audit WHERE id = ?`).get(ticket.id) as {
      token_id: string;
      session_id: string;
    };
    raw
      .prepare(
        `INSERT INTO view_sessions_open (key, user_id, session_id, camera_id, quality, token_id, ip, started_at, last_seen_at)
         VALUES ('crashed', ?, ?, ?, 'main', ?, '127.0.0.1', 1000, 61000)`,
      )
      .run(user.id, token.session_id, cams.sensitive, token.token_id);
    expect(hub.context.video.views.recover()).toBe(1); // what the next start does
    const view = (await audit(`kind=view&camera=${cams.sensitive}`)).body.items.find(
      (e: { quality: string }) => e.quality === 'main',
    );
    expect(view).toMatchObject({ from: new Date(1000).toISOString(), to: new Date(61000).toISOString(), caseId: CASE });
    expect(raw.prepare(`SELECT count(*) AS n FROM view_sessions_open WHERE key = 'crashed'`).get()).toEqual({ n: 0 });
  });

  it('refuses to UPDATE or DELETE audit rows', () => {
    const raw = hub.context.db.raw;
    expect(() => raw.prepare(`UPDATE view_audit SET reason = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM view_audit WHERE id = 1`).run()).toThrow(/append-only/);
  });

  it('verifies the chain, and finds the row an attacker edited or deleted with the triggers dropped', async () => {
    const cli = (path: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'hub/video-access/audit-verify-cli.ts', path], {
        encoding: 'utf8',
      });
    expect(verifyAuditChain(hub.context.db.raw).ok).toBe(true);
    await hub.close(); // the attacker works on the file
    const ok = cli(hub.dbPath);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/view audit OK: \d+ rows/);

    const tamper = (name: string, sql: string) => {
      const copy = join(hub.dir, name);
      copyFileSync(hub.dbPath, copy);
      const db = new Database(copy);
      db.exec(`DROP TRIGGER view_audit_no_update; DROP TRIGGER view_audit_no_delete; ${sql}`);
      db.close();
      return cli(copy);
    };
    const edited = tamper('edited.sqlite', `UPDATE view_audit SET reason = '例行巡查' WHERE id = 2`);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toMatch(/BROKEN at row 2: row 2 was altered/);
    const deleted = tamper('deleted.sqlite', `DELETE FROM view_audit WHERE id = 3`);
    expect(deleted.status).toBe(1);
    expect(deleted.stderr).toMatch(/row 3 is missing/);
    const truncated = tamper('truncated.sqlite', `DELETE FROM view_audit WHERE id = (SELECT max(id) FROM view_audit)`);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(/end of the chain/);
  }, 120_000); // three CLI runs through tsx: over 30 s on a loaded CI machine
});
