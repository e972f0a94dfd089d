/**
 * The shift (issue 15 §4) and the hub's alerts (§3) on a real hub over the seeded demo county: the duty roster of a
 * command room (overlaps refused, edited by the room's director only, a township never sees another's), who is on
 * duty now, handovers that attach exactly the open serious and overdue cases of the room's scope and are
 * acknowledged once by someone else, and alerts for a 督办 / an overdue leg / a lent camera — pushed to exactly the
 * rooms concerned, acknowledged per user and still acknowledged when read again.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseOverdue } from '../../hub/cases/supervision-timer.js';
import { sql } from '../../hub/db/sql.js';
import { dueSoon, getCase, move, pointInTownship, report, untilPast } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const TOWN01 = '431099001';
const TOWN02 = '431099002';
const COUNTY = '431099';
const HOUR = 3600_000;

let hub: TestHub;
const tokens: Record<string, string> = {};
const USERS = [
  'county.duty',
  'county.duty2',
  'county.wall',
  'town01.director',
  'town01.wall',
  'town02.director',
  'admin',
];
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  for (const u of USERS) tokens[u] = await login(hub, u);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await hub.dispose();
});

const get = (user: string, path: string) => api(hub, 'GET', path, { token: tokens[user]! });
const post = (user: string, path: string, body: unknown = {}) => api(hub, 'POST', path, { token: tokens[user]!, body });
const iso = (ms: number) => new Date(ms).toISOString();
const me = async (user: string) => (await get(user, '/api/v1/auth/me')).body as { id: string; displayName: string };
const rosterOf = (user: string, from: number, to: number, room?: string) =>
  get(user, `/api/v1/duty/roster?from=${iso(from)}&to=${iso(to)}${room ? `&room=${room}` : ''}`);
function shiftsTable(): number {
  return hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM duty_shifts`)!.n;
}

describe('the duty roster', () => {
  const day = Date.UTC(2030, 0, 7, 0); // 08:00 in Beijing, far from the demo's own dates

  it('takes shifts from the room’s lead and refuses one that overlaps, writing nothing', async () => {
    const duty2 = await me('county.duty2');
    const duty = await me('county.duty');
    const first = await post('county.duty', '/api/v1/duty/shifts', {
      officerUserId: duty2.id,
      startsAt: iso(day),
      endsAt: iso(day + 12 * HOUR),
      note: '白班',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      roomCode: COUNTY,
      officer: { userId: duty2.id, displayName: duty2.displayName },
    });
    const before = shiftsTable();
    // Starts an hour before the first one ends: refused, whoever the officer is.
    const clash = await post('county.duty', '/api/v1/duty/shifts', {
      officerUserId: duty.id,
      startsAt: iso(day + 11 * HOUR),
      endsAt: iso(day + 23 * HOUR),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('duty_overlap');
    expect(shiftsTable()).toBe(before);
    // Touching end to start is not an overlap: the night shift follows on.
    const night = await post('county.duty', '/api/v1/duty/shifts', {
      officerUserId: duty.id,
      startsAt: iso(day + 12 * HOUR),
      endsAt: iso(day + 24 * HOUR),
    });
    expect(night.status).toBe(201);
    const roster = await rosterOf('county.wall', day - HOUR, day + 25 * HOUR);
    expect(roster.status).toBe(200);
    expect(roster.body.editable).toBe(false); // a wall operator reads the roster, does not edit it
    expect(roster.body.shifts.map((s: any) => [s.officer.userId, s.startsAt])).toEqual([
      [duty2.id, day],
      [duty.id, day + 12 * HOUR],
    ]);
    expect((await rosterOf('county.duty', day, day + HOUR)).body.editable).toBe(true);
  });

  it('is edited by the room’s director only, with the room’s own people only', async () => {
    const wall = await me('town01.wall');
    const duty2 = await me('county.duty2');
    const before = shiftsTable();
    const byWall = await post('town01.wall', '/api/v1/duty/shifts', {
      officerUserId: wall.id,
      startsAt: iso(day),
      endsAt: iso(day + 8 * HOUR),
    });
    expect(byWall.status).toBe(403);
    const byAdmin = await post('admin', '/api/v1/duty/shifts', {
      officerUserId: duty2.id,
      startsAt: iso(day + 48 * HOUR),
      endsAt: iso(day + 50 * HOUR),
    });
    expect(byAdmin.status).toBe(403);
    // A county officer on a township roster: refused.
    const foreign = await post('town01.director', '/api/v1/duty/shifts', {
      officerUserId: duty2.id,
      startsAt: iso(day),
      endsAt: iso(day + 8 * HOUR),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('officerUserId');
    expect(shiftsTable()).toBe(before);
    const ok = await post('town01.director', '/api/v1/duty/shifts', {
      officerUserId: wall.id,
      startsAt: iso(day),
      endsAt: iso(day + 8 * HOUR),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.roomCode).toBe(TOWN01);
    // The county room's shifts on the same hours are another room's business: no overlap across rooms.
  });

  it('is read by a township for its own centre only; the county reads any room of its county', async () => {
    const own = await rosterOf('town01.director', day - HOUR, day + 25 * HOUR);
    expect(own.body.roomCode).toBe(TOWN01);
    expect(own.body.shifts).toHaveLength(1);
    expect(own.body.officers.map((o: any) => o.userId)).toContain((await me('town01.wall')).id);
    const other = await rosterOf('town02.director', day - HOUR, day + 25 * HOUR, TOWN01);
    expect(other.status).toBe(404);
    const county = await rosterOf('county.duty', day - HOUR, day + 25 * HOUR, TOWN01);
    expect(county.status).toBe(200);
    expect(county.body.editable).toBe(false);
    expect(county.body.shifts).toHaveLength(1);
    // Removing another room's shift answers like a missing one, and leaves it.
    const id = own.body.shifts[0].id;
    expect((await post('town02.director', `/api/v1/duty/shifts/${id}/remove`)).status).toBe(404);
    expect((await rosterOf('town01.director', day - HOUR, day + 25 * HOUR)).body.shifts).toHaveLength(1);
  });

  it('answers who is on duty now, until when, and who comes next', async () => {
    const now = Date.now();
    const duty = await me('county.duty');
    const duty2 = await me('county.duty2');
    const nothing = await get('town02.director', '/api/v1/duty/now');
    expect(nothing.body).toEqual({ roomCode: TOWN02, shift: null, next: null });
    const current = await post('county.duty', '/api/v1/duty/shifts', {
      officerUserId: duty.id,
      startsAt: iso(now - HOUR),
      endsAt: iso(now + 2 * HOUR),
    });
    expect(current.status).toBe(201);
    const following = await post('county.duty', '/api/v1/duty/shifts', {
      officerUserId: duty2.id,
      startsAt: iso(now + 2 * HOUR),
      endsAt: iso(now + 14 * HOUR),
    });
    expect(following.status).toBe(201);
    const answer = await get('county.wall', '/api/v1/duty/now');
    expect(answer.body.shift).toMatchObject({ officer: { userId: duty.id }, endsAt: Date.parse(iso(now + 2 * HOUR)) });
    expect(answer.body.next).toMatchObject({ officer: { userId: duty2.id } });
    // Removed: nobody on duty now, and the roster says so.
    expect((await post('county.duty', `/api/v1/duty/shifts/${current.body.id}/remove`)).status).toBe(200);
    expect((await get('county.wall', '/api/v1/duty/now')).body.shift).toBeNull();
  });
});

async function newCase(townshipCode: string, grade: 'general' | 'serious'): Promise<string> {
  const place = await pointInTownship(hub, tokens['county.duty']!, townshipCode);
  const res = await report(hub, tokens['county.duty']!, {
    source: 'hotline',
    categoryName: '违法建设',
    grade,
    location: place.location,
    description: `交接班测试 ${grade}`,
  });
  expect(res.status).toBe(201);
  return res.body.caseId as string;
}

async function dispatched(caseId: string, unitCode: string, dueAt?: number) {
  const duty = tokens['county.duty']!;
  let c = (await getCase(hub, duty, caseId)).body.case;
  c = (await move(hub, duty, caseId, c.version, { type: 'file' })).body;
  const res = await move(hub, duty, caseId, c.version, {
    type: 'dispatch',
    lead: { unitCode, ...(dueAt ? { dueAt, clock: 'wall' } : {}) },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('shift handover (交接班)', () => {
  let handoverId: string;
  let serious: string;
  let overdue: string;
  let routine: string;
  let elsewhere: string;

  it('attaches exactly the open serious and overdue cases of the room’s scope, as they stand', async () => {
    serious = await newCase(TOWN01, 'serious');
    routine = await newCase(TOWN01, 'general');
    elsewhere = await newCase(TOWN02, 'serious');
    overdue = await newCase(TOWN01, 'general');
    const due = dueSoon();
    await dispatched(overdue, TOWN01, due);
    await untilPast(due);

    const before = Date.now();
    const written = await post('town01.director', '/api/v1/duty/handovers', { note: '夜班平稳，城关镇两起积案待跟进' });
    expect(written.status).toBe(201);
    const ids: string[] = written.body.cases.map((c: any) => c.caseId);
    expect(ids).toContain(serious);
    expect(ids).toContain(overdue);
    expect(ids).not.toContain(routine);
    expect(ids).not.toContain(elsewhere);
    expect(written.body.cases.find((c: any) => c.caseId === overdue)).toMatchObject({ overdue: true, serious: false });
    expect(written.body.cases.find((c: any) => c.caseId === serious)).toMatchObject({
      serious: true,
      status: 'reported',
    });

    // Exactly: the township's board, read independently, holds no other open serious or overdue case, and every
    // attached case is on it.
    const board = (await get('town01.director', '/api/v1/cases/board')).body.cases as any[];
    const OPEN = ['reported', 'verifying', 'filed', 'dispatched', 'in_progress', 'feedback', 'rework', 'returned'];
    const expected = board
      .filter((c) => OPEN.includes(c.status))
      .filter(
        (c) =>
          c.grade === 'serious' || (['dispatched', 'in_progress'].includes(c.status) && (c.dueAt ?? Infinity) < before),
      )
      .map((c) => c.id)
      .sort();
    expect([...ids].sort()).toEqual(expected);
    expect(written.body.acknowledgedBy).toBeNull();
    handoverId = written.body.id;

    // A snapshot: the serious case moving on does not change what was handed over.
    const c = (await getCase(hub, tokens['county.duty']!, serious)).body.case;
    expect((await move(hub, tokens['county.duty']!, serious, c.version, { type: 'file' })).status).toBe(200);
    const again = await get('town01.director', `/api/v1/duty/handovers/${handoverId}`);
    expect(again.body.cases.find((x: any) => x.caseId === serious).status).toBe('reported');
  });

  it('is acknowledged once, by someone of the room other than the writer', async () => {
    const own = await post('town01.director', `/api/v1/duty/handovers/${handoverId}/acknowledge`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_handover');
    const foreign = await post('town02.director', `/api/v1/duty/handovers/${handoverId}/acknowledge`);
    expect(foreign.status).toBe(404);
    const county = await post('county.duty', `/api/v1/duty/handovers/${handoverId}/acknowledge`);
    expect(county.status).toBe(403); // the county reads it, but is not the township's incoming officer
    const wall = await me('town01.wall');
    const acked = await post('town01.wall', `/api/v1/duty/handovers/${handoverId}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body.acknowledgedBy).toEqual({ userId: wall.id, displayName: wall.displayName });
    expect(acked.body.acknowledgedAt).toBeGreaterThan(0);
    const twice = await post('town01.wall', `/api/v1/duty/handovers/${handoverId}/acknowledge`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('handover_acknowledged');
    expect((await get('town01.director', `/api/v1/duty/handovers/${handoverId}`)).body.acknowledgedBy.userId).toBe(
      wall.id,
    );
  });

  it('is searchable by period, officer and text; a township never finds another’s', async () => {
    const other = await post('town02.director', '/api/v1/duty/handovers', { note: '二号镇：防汛物资清点完毕 100%' });
    expect(other.status).toBe(201);
    const q = (user: string, query: string) => get(user, `/api/v1/duty/handovers?${query}`);
    const byText = await q('town01.director', `text=${encodeURIComponent('积案')}`);
    expect(byText.body.items.map((h: any) => h.id)).toEqual([handoverId]);
    expect(byText.body.items[0].caseCount).toBeGreaterThanOrEqual(2);
    expect((await q('town01.director', `text=${encodeURIComponent('防汛')}`)).body.items).toEqual([]);
    expect((await q('town02.director', `text=${encodeURIComponent('100%')}`)).body.items).toHaveLength(1);
    expect((await q('town02.director', `text=${encodeURIComponent('0%%')}`)).body.items).toHaveLength(0);
    const wall = await me('town01.wall');
    expect((await q('town01.director', `officer=${wall.id}`)).body.items.map((h: any) => h.id)).toEqual([handoverId]);
    const name = (await me('town01.director')).displayName;
    expect((await q('town01.director', `officer=${encodeURIComponent(name)}`)).body.items).toHaveLength(1);
    const future = iso(Date.now() + 24 * HOUR);
    expect((await q('town01.director', `from=${encodeURIComponent(future)}`)).body.items).toEqual([]);
    expect((await q('town02.director', `room=${TOWN01}`)).status).toBe(404);
    expect((await get('town02.director', `/api/v1/duty/handovers/${handoverId}`)).status).toBe(404);
    // The county finds every room's handovers of its county.
    const county = (await q('county.duty', '')).body.items.map((h: any) => h.roomCode);
    expect(county).toEqual(expect.arrayContaining([TOWN01, TOWN02]));
  });

  it('refuses an empty note and writes nothing', async () => {
    const before = hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM shift_handovers`)!.n;
    const empty = await post('town01.director', '/api/v1/duty/handovers', { note: '   ' });
    expect(empty.status).toBe(400);
    expect(hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM shift_handovers`)!.n).toBe(before);
  });
});

function connect(token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

function collect(socket: Socket): any[] {
  const got: any[] = [];
  socket.on('alert.raised', (payload) => got.push(payload.alert));
  return got;
}

describe('alerts the hub knows first', () => {
  it('tells the supervised unit of a 督办 against it — live, in its list, acknowledged per user and kept', async () => {
    const t1 = collect(await connect(tokens['town01.director']!));
    const t1wall = collect(await connect(tokens['town01.wall']!));
    const t2 = collect(await connect(tokens['town02.director']!));
    const county = collect(await connect(tokens['county.duty']!));
    const id = await newCase(TOWN01, 'general');
    const c = await dispatched(id, TOWN01);
    const legId = c.legs.find((l: any) => l.role === 'lead').id;
    const supervised = await move(hub, tokens['county.duty']!, id, c.version, {
      type: 'supervise',
      legId,
      note: '请加快',
    });
    expect(supervised.status).toBe(200);
    await expect.poll(() => t1.filter((a) => a.caseId === id)).toHaveLength(1);
    const alert = t1.find((a) => a.caseId === id);
    expect(alert).toMatchObject({ kind: 'supervised', severity: 'serious', unitCode: TOWN01 });
    await expect.poll(() => t1wall.some((a) => a.id === alert.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(t2).toEqual([]); // another township never hears of it
    expect(county.filter((a) => a.id === alert.id)).toEqual([]); // the county raised it; no alert to itself

    const list = (await get('town01.director', '/api/v1/alerts')).body.items;
    expect(list.find((a: any) => a.id === alert.id)).toMatchObject({ acknowledged: false, kind: 'supervised' });
    expect((await get('town02.director', '/api/v1/alerts')).body.items.some((a: any) => a.id === alert.id)).toBe(false);
    // Another township cannot acknowledge it (nor plant rows for alerts it is not shown).
    expect((await post('town02.director', '/api/v1/alerts/acknowledge', { ids: [alert.id] })).status).toBe(404);
    expect((await post('town01.director', '/api/v1/alerts/acknowledge', { ids: [alert.id] })).status).toBe(200);
    const after = (await get('town01.director', '/api/v1/alerts')).body.items;
    expect(after.find((a: any) => a.id === alert.id).acknowledged).toBe(true);
    // Per user: the room's other console user still has it open.
    const wallList = (await get('town01.wall', '/api/v1/alerts')).body.items;
    expect(wallList.find((a: any) => a.id === alert.id).acknowledged).toBe(false);
  });

  it('tells the late unit and the county when a leg goes overdue', async () => {
    const t1 = collect(await connect(tokens['town01.director']!));
    const county = collect(await connect(tokens['county.duty2']!));
    const id = await newCase(TOWN01, 'general');
    const due = dueSoon();
    await dispatched(id, TOWN01, due);
    await untilPast(due);
    expect(await superviseOverdue(hub.context)).toBeGreaterThanOrEqual(1);
    await expect.poll(() => t1.some((a) => a.caseId === id && a.kind === 'leg_overdue')).toBe(true);
    await expect.poll(() => county.some((a) => a.caseId === id && a.kind === 'leg_overdue')).toBe(true);
    const countyList = (await get('county.duty2', '/api/v1/alerts')).body.items;
    expect(countyList.find((a: any) => a.caseId === id)).toMatchObject({ kind: 'leg_overdue', severity: 'warning' });
  });

  it('tells a room that a camera has been lent to it', async () => {
    const t2 = collect(await connect(tokens['town02.director']!));
    const cameras = (await get('county.duty', '/api/v1/cameras')).body.items as Array<{
      id: string;
      orgUnitCode: string;
      name: string;
    }>;
    const camera = cameras.find((cam) => cam.orgUnitCode.startsWith(TOWN01))!;
    const lent = await post('county.duty', '/api/v1/camera-grants', {
      cameraId: camera.id,
      granteeUnitCode: TOWN02,
      until: iso(Date.now() + 2 * HOUR),
    });
    expect(lent.status).toBe(200);
    await expect
      .poll(() => t2.find((a) => a.id === `grant:${lent.body.id}`))
      .toMatchObject({
        kind: 'camera_loan',
        cameraName: camera.name,
      });
    const list = (await get('town02.director', '/api/v1/alerts')).body.items;
    expect(list.find((a: any) => a.id === `grant:${lent.body.id}`)).toMatchObject({ acknowledged: false });
    expect((await get('town01.director', '/api/v1/alerts')).body.items.some((a: any) => a.kind === 'camera_loan')).toBe(
      false,
    );
  });
});
