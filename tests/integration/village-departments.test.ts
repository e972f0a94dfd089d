/**
 * The village level and the departments on a real hub: a village/community director signs for and handles only the
 * legs sent to its own village; a department officer only its department's legs (the county no longer signs for
 * departments); the village rates the department once its part is over, once per leg, and the roll-up shows it;
 * a camera lent for the case reaches the borrowing village and goes back when the case closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCase, move, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

/** The demo county's template was seeded before this file ran. */
const RUN_STARTED = Date.now();

let hub: TestHub;
const tokens: Record<string, string> = {};
let villageCode: string;
let communityCode: string;
let caseId: string;
let otherVillageCaseId: string;

interface Unit {
  code: string;
  level: string;
  parentCode: string | null;
  center: [number, number];
}
let units: Unit[];

const as = (user: string) => tokens[user]!;
const current = async (id: string, user = 'county.duty') => (await getCase(hub, as(user), id)).body.case;
const legOf = (c: any, unitCode: string) => c.legs.find((l: any) => l.unitCode === unitCode);
const rate = (user: string, id: string, body: Record<string, unknown>) =>
  api(hub, 'POST', `/api/v1/cases/${id}/department-ratings`, { token: as(user), body });

/** A hotline case at the centre of a grid of `villageCode`, filed by the county and dispatched to `lead` (+ 住建). */
async function dispatchedCase(village: string, lead: string): Promise<string> {
  const grid = units.find((u) => u.level === 'grid' && u.parentCode === village)!;
  const res = await report(hub, as('county.duty'), {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: { lon: grid.center[0], lat: grid.center[1] },
    description: '村道旁违章搭建',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.caseId as string;
  let c = await current(id);
  expect((await move(hub, as('county.duty'), id, c.version, { type: 'file' })).status).toBe(200);
  c = await current(id);
  const dispatched = await move(hub, as('county.duty'), id, c.version, {
    type: 'dispatch',
    lead: { unitCode: lead },
    assists: [{ unitCode: 'dept:zhujian' }],
  });
  expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
  return id;
}

beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  for (const u of [
    'county.duty',
    'town01.director',
    'village.director',
    'community.director',
    'dept.zhujian',
    'dept.gongan',
  ]) {
    tokens[u] = await login(hub, u);
  }
  const me = async (u: string) => (await api(hub, 'GET', '/api/v1/auth/me', { token: as(u) })).body;
  villageCode = (await me('village.director')).orgUnitCode;
  communityCode = (await me('community.director')).orgUnitCode;
  units = (await api(hub, 'GET', '/api/v1/org-units', { token: as('county.duty') })).body.items;
  caseId = await dispatchedCase(villageCode, villageCode);
  // A neighbouring village of the same township leads this one.
  const neighbour = units.find(
    (u) => u.level === 'village' && u.parentCode === villageCode.slice(0, 9) && u.code !== villageCode,
  )!;
  otherVillageCaseId = await dispatchedCase(neighbour.code, neighbour.code);
});
afterAll(async () => hub.dispose());

describe('the village/community director', () => {
  it('is a village post whose account signs in with its department-less user', async () => {
    const me = (await api(hub, 'GET', '/api/v1/auth/me', { token: as('village.director') })).body;
    expect(me).toMatchObject({ role: 'village_director', orgLevel: 'village' });
    expect(me.departmentCode).toBeUndefined();
    expect(communityCode.length).toBe(12);
  });

  it('signs for and handles the leg sent to its village, and only that', async () => {
    const board = (await api(hub, 'GET', '/api/v1/cases/board', { token: as('village.director') })).body;
    const onBoard = board.cases.map((c: any) => c.id);
    expect(onBoard).toContain(caseId);
    expect(onBoard).not.toContain(otherVillageCaseId);
    // The neighbour's case is not even readable, so nothing on it can be signed.
    expect((await getCase(hub, as('village.director'), otherVillageCaseId)).status).toBe(404);

    let c = await current(caseId, 'village.director');
    // Not the department's leg.
    const deptSign = await move(hub, as('village.director'), caseId, c.version, {
      type: 'sign',
      legId: legOf(c, 'dept:zhujian').id,
    });
    expect(deptSign.status).toBe(403);
    const signed = await move(hub, as('village.director'), caseId, c.version, {
      type: 'sign',
      legId: legOf(c, villageCode).id,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('in_progress');
    c = signed.body;
    const fed = await move(hub, as('village.director'), caseId, c.version, {
      type: 'feedback',
      legId: legOf(c, villageCode).id,
      result: '违章棚屋已拆除，现场已清理',
      photos: [],
    });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    expect(fed.body.status).toBe('checking');
    const history = (await getCase(hub, as('county.duty'), caseId)).body.history;
    expect(history.filter((h: any) => h.actor.role === 'village_director').map((h: any) => h.move)).toEqual([
      'sign',
      'feedback',
    ]);
  });

  it('cannot file or dispatch: that stays the centre’s work', async () => {
    const res = await report(hub, as('village.director'), {
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: {
        lon: units.find((u) => u.parentCode === villageCode)!.center[0],
        lat: units.find((u) => u.parentCode === villageCode)!.center[1],
      },
      description: '坐班时接到群众来电',
    });
    expect(res.status).toBe(201);
    const c = await current(res.body.caseId, 'village.director');
    expect((await move(hub, as('village.director'), c.id, c.version, { type: 'file' })).status).toBe(403);
  });
});

describe('department officers', () => {
  it('see and handle only their own department’s legs; the county no longer signs for them', async () => {
    let c = await current(caseId);
    const countySign = await move(hub, as('county.duty'), caseId, c.version, {
      type: 'sign',
      legId: legOf(c, 'dept:zhujian').id,
    });
    expect(countySign.status).toBe(403);

    const gonganBoard = (await api(hub, 'GET', '/api/v1/cases/board', { token: as('dept.gongan') })).body;
    expect(gonganBoard.cases.map((x: any) => x.id)).not.toContain(caseId);
    expect((await getCase(hub, as('dept.gongan'), caseId)).status).toBe(404);

    const board = (await api(hub, 'GET', '/api/v1/cases/board', { token: as('dept.zhujian') })).body;
    expect(board.cases.map((x: any) => x.id)).toContain(caseId);
    // Every case on its board has a leg of 住建: no township's area is in its scope.
    expect(board.cases.every((x: any) => x.legs.some((l: any) => l.unitCode === 'dept:zhujian'))).toBe(true);

    c = await current(caseId, 'dept.zhujian');
    const leadMove = await move(hub, as('dept.zhujian'), caseId, c.version, { type: 'check', outcome: 'pass' });
    expect(leadMove.status).toBe(403);
    const signed = await move(hub, as('dept.zhujian'), caseId, c.version, {
      type: 'sign',
      legId: legOf(c, 'dept:zhujian').id,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(legOf(signed.body, 'dept:zhujian').status).toBe('signed');
  });

  it('get no area’s events or cameras', async () => {
    expect((await api(hub, 'GET', '/api/v1/cameras', { token: as('dept.zhujian') })).status).toBe(403);
    const events = await api(hub, 'GET', '/api/v1/map/events?from=2024-01-01&to=2024-02-01', {
      token: as('dept.zhujian'),
    });
    expect(events.status).toBe(403);
  });
});

describe('ratings of departments (逆向考核)', () => {
  it('wait until the department is done, come from the case’s village only, and count once per leg', async () => {
    let c = await current(caseId, 'village.director');
    const zhujianLeg = legOf(c, 'dept:zhujian').id;
    const early = await rate('village.director', caseId, { legId: zhujianLeg, score: 4 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('leg_not_ratable');

    const fed = await move(hub, as('dept.zhujian'), caseId, c.version, {
      type: 'feedback',
      legId: zhujianLeg,
      result: '已协助核查建房手续',
      photos: [],
    });
    expect(fed.status, JSON.stringify(fed.body)).toBe(200);
    c = fed.body;

    expect((await rate('county.duty', caseId, { legId: zhujianLeg, score: 5 })).status).toBe(403);
    expect((await rate('community.director', caseId, { legId: zhujianLeg, score: 1 })).status).toBe(404);
    // Only departments are rated this way, not the village's own leg.
    expect((await rate('village.director', caseId, { legId: legOf(c, villageCode).id, score: 5 })).status).toBe(403);
    expect((await rate('village.director', caseId, { legId: zhujianLeg, score: 6 })).status).toBe(400);

    const rated = await rate('village.director', caseId, { legId: zhujianLeg, score: 4, note: '响应及时' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    expect(rated.body).toMatchObject({ legId: zhujianLeg, departmentCode: 'dept:zhujian', score: 4, note: '响应及时' });
    const again = await rate('village.director', caseId, { legId: zhujianLeg, score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_rated');

    const listed = await api(hub, 'GET', `/api/v1/cases/${caseId}/department-ratings`, { token: as('county.duty') });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].score).toBe(4);
  });

  it('roll up by department and month for the scope that holds the cases', async () => {
    // From this run's start: the demo history's own ratings (hub/demo/history-followups.ts) all lie before it.
    const period = `from=${encodeURIComponent(new Date(RUN_STARTED).toISOString())}&to=2099-01-01`;
    const county = await api(hub, 'GET', `/api/v1/stats/department-ratings?${period}`, { token: as('county.duty') });
    expect(county.status).toBe(200);
    const row = county.body.rows.find((r: any) => r.departmentCode === 'dept:zhujian');
    expect(row).toMatchObject({ count: 1, average: 4, smallSample: true });
    expect(row.byMonth).toHaveLength(1);
    const town = await api(hub, 'GET', `/api/v1/stats/department-ratings?${period}`, {
      token: as('town01.director'),
    });
    expect(town.body.rows.map((r: any) => r.departmentCode)).toEqual(
      villageCode.startsWith('431099001') ? ['dept:zhujian'] : [],
    );
    const outside = await api(hub, 'GET', `/api/v1/stats/department-ratings?${period}&orgUnit=431099002`, {
      token: as('town01.director'),
    });
    expect(outside.status).toBe(403);
  });
});

describe('camera loans (借调) for the case', () => {
  it('reach the borrowing village and end when the case closes', async () => {
    const cameras = (await api(hub, 'GET', '/api/v1/cameras', { token: as('county.duty') })).body.items;
    const camera = cameras.find((x: any) => !x.orgUnitCode.startsWith(villageCode) && !x.sensitive);
    const lent = await api(hub, 'POST', '/api/v1/camera-grants', {
      token: as('county.duty'),
      body: {
        cameraId: camera.id,
        granteeUnitCode: villageCode,
        caseId,
        until: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
      },
    });
    expect(lent.status, JSON.stringify(lent.body)).toBe(200);
    const borrowed = async () =>
      (await api(hub, 'GET', '/api/v1/camera-grants', { token: as('village.director') })).body.items.find(
        (g: any) => g.id === lent.body.id,
      );
    expect(await borrowed()).toMatchObject({ active: true, caseId, camera: { id: camera.id } });

    // A hotline case closes only after the caller was called back (回访).
    const called = await move(hub, as('county.duty'), caseId, (await current(caseId)).version, {
      type: 'callback',
      outcome: 'satisfied',
    });
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    const closed = await move(hub, as('county.duty'), caseId, called.body.version, { type: 'check', outcome: 'pass' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(await borrowed()).toMatchObject({ active: false, endReason: 'case_closed' });
  });
});
