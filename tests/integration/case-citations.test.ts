/**
 * Every caseId a client cites — a stream ticket's reason, a camera grant, a merge target — must name a case that
 * exists, is open and is held by the caller (common/cases/case-holders.ts). A made-up, foreign or finished case is
 * refused with a clear code and writes nothing: no ticket, no audit row, no grant that would never end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, move, openCaseIn } from '../support/cases.js';
import { api, login } from '../support/test-hub.js';
import { matrixCameras, startVideoTestHub, streamTicket, type VideoTestHub } from '../support/video-test-hub.js';

let hub: VideoTestHub;
let duty: string;
let town1: string;
let sensitive: string;
let neighbour: string;
let town1Case: string;
let town3Case: string;
let voidCase: string;

const count = (table: string) =>
  (hub.context.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const fingerprint = () => ({
  audit: count('view_audit'),
  grants: count('camera_grants'),
  history: count('case_history'),
});
const until = () => new Date(hub.context.now() + 3600_000).toISOString();

beforeAll(async () => {
  hub = await startVideoTestHub();
  duty = await login(hub, 'county.duty');
  town1 = await login(hub, 'town01.director');
  ({ sensitive, neighbour } = matrixCameras(hub));
  town1Case = await openCaseIn(hub, duty, '431099001');
  town3Case = await openCaseIn(hub, duty, '431099003');
  voidCase = await openCaseIn(hub, duty, '431099001');
  const v = (await getCase(hub, duty, voidCase)).body.case.version;
  expect((await move(hub, duty, voidCase, v, { type: 'void', reason: '重复上报测试' })).status).toBe(200);
});
afterAll(() => hub.dispose());

describe('a sensitive camera cited by case', () => {
  it.each(['county.duty', 'town01.director'])('%s cannot pass a made-up case id as the reason', async (username) => {
    const token = username === 'county.duty' ? duty : town1;
    const before = fingerprint();
    const res = await streamTicket(hub, token, sensitive, { caseId: 'x' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'unknown_case', field: 'caseId' });
    expect(fingerprint()).toEqual(before);
  });

  it('plays for a case the caller holds, open', async () => {
    const res = await streamTicket(hub, town1, sensitive, { caseId: town1Case });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('refuses another township’s case as if it did not exist', async () => {
    const res = await streamTicket(hub, town1, sensitive, { caseId: town3Case });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('unknown_case');
  });

  it('refuses a case that is no longer open', async () => {
    const before = fingerprint();
    const res = await streamTicket(hub, duty, sensitive, { caseId: voidCase });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('case_not_open');
    expect(fingerprint()).toEqual(before);
  });

  it('checks a cited case on non-sensitive cameras too (it goes into the view audit)', async () => {
    expect((await streamTicket(hub, duty, neighbour, { caseId: 'XC-2026-0001' })).status).toBe(404);
  });
});

describe('a camera grant bound to a case', () => {
  const lend = (caseId: string) =>
    api(hub, 'POST', '/api/v1/camera-grants', {
      token: duty,
      body: { cameraId: neighbour, granteeUnitCode: '431099001', caseId, until: until() },
    });

  it('refuses a made-up case: such a grant would never end', async () => {
    const before = fingerprint();
    const res = await lend('XC-2026-0042');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'unknown_case', field: 'caseId' });
    expect(fingerprint()).toEqual(before);
  });

  it('refuses a case the grantee has no part in, and a finished case', async () => {
    const before = fingerprint();
    const foreign = await lend(town3Case);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'case_not_held', field: 'caseId' });
    const finished = await lend(voidCase);
    expect(finished.status).toBe(409);
    expect(finished.body.error.code).toBe('case_not_open');
    expect(fingerprint()).toEqual(before);
  });

  it('lends for a case the grantee holds', async () => {
    const res = await lend(town1Case);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ caseId: town1Case, active: true });
  });
});

describe('a merge target', () => {
  it('must exist, be open and be held by the caller', async () => {
    const v = (await getCase(hub, town1, town1Case)).body.case.version;
    const before = fingerprint();
    for (const [target, status, code] of [
      ['20990101-999999', 404, 'unknown_case'],
      [town3Case, 404, 'unknown_case'],
      [voidCase, 409, 'case_not_open'],
    ] as const) {
      const res = await move(hub, town1, town1Case, v, { type: 'merge', intoCaseId: target });
      expect(res.status, target).toBe(status);
      expect(res.body.error).toMatchObject({ code, field: 'move.intoCaseId' });
    }
    expect(fingerprint()).toEqual(before);
  });
});
