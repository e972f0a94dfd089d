/**
 * The linked-response loop on a real hub with real sockets: joint dispatch end to end, two consoles racing the same
 * dispatch, overdue → automatic supervision, and pushes reaching only the consoles whose scope holds the case.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseOverdue } from '../../hub/cases/supervision-timer.js';
import { sql } from '../../hub/db/sql.js';
import { dueSoon, getCase, move, pointInTownship, report, untilPast } from '../support/cases.js';
import { login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let duty: string;
let town1: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  duty = await login(hub, 'county.duty');
  town1 = await login(hub, 'town01.director');
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await hub.dispose();
});

async function newCase(townshipCode = '431099001', categoryName = '违法建设') {
  const place = await pointInTownship(hub, duty, townshipCode);
  const res = await report(hub, duty, {
    source: 'hotline',
    categoryName,
    grade: 'general',
    location: place.location,
    description: '村口新建违章棚屋',
  });
  expect(res.status).toBe(201);
  return res.body.caseId as string;
}

async function current(caseId: string, token = duty) {
  return (await getCase(hub, token, caseId)).body.case;
}

describe('the case loop', () => {
  it('runs a joint dispatch to the end: the case closes only when the lead’s feedback passes the check', async () => {
    const id = await newCase();
    let c = await current(id);
    expect((await move(hub, duty, id, c.version, { type: 'file' })).status).toBe(200);
    c = await current(id);
    const dispatched = await move(hub, duty, id, c.version, {
      type: 'dispatch',
      lead: { unitCode: '431099001' },
      assists: [{ unitCode: 'dept:zhujian' }],
    });
    expect(dispatched.status).toBe(200);
    c = dispatched.body;
    expect(c.status).toBe('dispatched');
    const lead = c.legs.find((l: any) => l.role === 'lead');
    const assist = c.legs.find((l: any) => l.role === 'assist');
    expect(lead.dueAt).toBeGreaterThan(Date.now()); // filled from the deadline table
    expect(assist.unitCode).toBe('dept:zhujian');

    // The township signs for its leg; another township cannot.
    const town2 = await login(hub, 'town02.director');
    expect((await move(hub, town2, id, c.version, { type: 'sign', legId: lead.id })).status).toBe(404);
    c = (await move(hub, town1, id, c.version, { type: 'sign', legId: lead.id })).body;
    expect(c.status).toBe('in_progress');
    // 住建's own officer signs and feeds back for the department; the county may not stand in for it.
    const zhujian = await login(hub, 'dept.zhujian');
    expect((await move(hub, duty, id, c.version, { type: 'sign', legId: assist.id })).status).toBe(403);
    c = (await move(hub, zhujian, id, c.version, { type: 'sign', legId: assist.id })).body;
    c = (
      await move(hub, zhujian, id, c.version, {
        type: 'feedback',
        legId: assist.id,
        result: '住建局已出具拆除意见',
        photos: [],
      })
    ).body;
    expect(c.status).toBe('in_progress');
    c = (
      await move(hub, town1, id, c.version, {
        type: 'feedback',
        legId: lead.id,
        result: '已组织拆除',
        photos: ['https://example.invalid/p1.jpg'],
      })
    ).body;
    expect(c.status).toBe('checking');

    // A failed check sends it back for rework; the second check passes and closes it.
    c = (await move(hub, duty, id, c.version, { type: 'check', outcome: 'fail', note: '现场仍有残留建材' })).body;
    expect(c.status).toBe('in_progress');
    expect(c.reworkCount).toBe(1);
    c = (
      await move(hub, town1, id, c.version, { type: 'feedback', legId: lead.id, result: '残留建材已清运', photos: [] })
    ).body;
    // A hotline case is called back (回访) before it closes.
    c = (await move(hub, duty, id, c.version, { type: 'callback', outcome: 'satisfied' })).body;
    c = (await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' })).body;
    expect(c.status).toBe('closed');

    const detail = (await getCase(hub, duty, id)).body;
    expect(detail.history.map((h: any) => h.move)).toEqual([
      'report',
      'file',
      'dispatch',
      'sign',
      'sign',
      'feedback',
      'feedback',
      'check',
      'feedback',
      'callback',
      'check',
    ]);
    expect(detail.history.every((h: any, i: number) => h.version === i + 1)).toBe(true);
  });

  it('lets exactly one of two racing dispatchers win; the other hears someone else already acted', async () => {
    const id = await newCase();
    let c = await current(id);
    c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
    const duty2 = await login(hub, 'county.duty2');
    const [a, b] = await Promise.all([
      move(hub, duty, id, c.version, { type: 'dispatch', lead: { unitCode: '431099001' } }),
      move(hub, duty2, id, c.version, { type: 'dispatch', lead: { unitCode: 'dept:chengguan' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'conflict', params: { lastMove: 'dispatch' } });
    const history = (await getCase(hub, duty, id)).body.history;
    expect(history.filter((h: any) => h.move === 'dispatch')).toHaveLength(1);
  });

  it('replays a retried move instead of applying it twice', async () => {
    const id = await newCase();
    const c = await current(id);
    const first = await move(hub, duty, id, c.version, { type: 'file' }, 'move-retry-0001');
    const again = await move(hub, duty, id, c.version, { type: 'file' }, 'move-retry-0001');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await current(id)).version).toBe(c.version + 1);
  });

  it('refuses moves the machine does not allow, with the right status', async () => {
    const id = await newCase();
    const c = await current(id);
    const wall = await login(hub, 'county.wall');
    expect((await move(hub, wall, id, c.version, { type: 'file' })).status).toBe(403);
    expect((await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' })).status).toBe(409);
    const bad = await move(hub, duty, id, c.version, { type: 'void' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await move(hub, duty, id, c.version, { type: 'teleport' })).status).toBe(400);
    expect((await current(id)).version).toBe(c.version);
  });

  it('merges a duplicate into its target, whose history notes the merge as a code', async () => {
    const target = await newCase();
    const duplicate = await newCase();
    const merged = await move(hub, duty, duplicate, (await current(duplicate)).version, {
      type: 'merge',
      intoCaseId: target,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.status).toBe('merged');
    const detail = (await getCase(hub, duty, target)).body;
    expect(detail.history.at(-1)).toMatchObject({
      move: 'merge',
      noteCode: 'merged_in',
      noteParams: { caseId: duplicate },
    });
    expect(detail.history.at(-1).note).toBeUndefined();
  });

  it('supervises an overdue leg automatically, once, against the late unit', async () => {
    const id = await newCase();
    let c = await current(id);
    c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
    const due = dueSoon();
    const dispatched = await move(hub, duty, id, c.version, {
      type: 'dispatch',
      lead: { unitCode: '431099001', dueAt: due, clock: 'wall' },
    });
    expect(dispatched.body.status).toBe('dispatched');
    await untilPast(due);
    expect(await superviseOverdue(hub.context)).toBeGreaterThanOrEqual(1);
    c = await current(id);
    expect(c.supervisionCount).toBe(1);
    expect(c.supervisions[0]).toMatchObject({ unitCode: '431099001', automatic: true });
    const rows = hub.context.db.all<{ unit_code: string }>(
      sql`SELECT s.unit_code FROM supervisions s JOIN cases c ON c.id = s.case_id WHERE c.case_no = ${id}`,
    );
    expect(rows).toEqual([{ unit_code: '431099001' }]);
    // The history says so as a code the console words in the viewer's language, not as prose in both.
    const history = (await getCase(hub, duty, id)).body.history;
    const supervised = history.filter((h: any) => h.move === 'supervise');
    expect(supervised).toEqual([expect.objectContaining({ noteCode: 'automatic_overdue', unitCode: '431099001' })]);
    expect(supervised[0].note).toBeUndefined();
    await superviseOverdue(hub.context);
    expect((await current(id)).supervisionCount).toBe(1);
  });

  it('ends an unsigned assisting leg with its case: stored with the closing move, never supervised after', async () => {
    const id = await newCase();
    let c = await current(id);
    const assistDue = dueSoon();
    c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
    c = (
      await move(hub, duty, id, c.version, {
        type: 'dispatch',
        lead: { unitCode: '431099001' },
        assists: [{ unitCode: 'dept:zhujian', dueAt: assistDue, clock: 'wall' }],
      })
    ).body;
    const lead = c.legs.find((l: any) => l.role === 'lead');
    const assist = c.legs.find((l: any) => l.role === 'assist');
    c = (await move(hub, town1, id, c.version, { type: 'sign', legId: lead.id })).body;
    c = (await move(hub, town1, id, c.version, { type: 'feedback', legId: lead.id, result: '已处置', photos: [] }))
      .body;
    c = (await move(hub, duty, id, c.version, { type: 'callback', outcome: 'satisfied' })).body;
    const closed = await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' });
    expect(closed.status).toBe(200);
    // The answer and the stored case agree: the assist that never signed ended with the case, at the closing time.
    for (const view of [closed.body, await current(id)]) {
      expect(view.status).toBe('closed');
      const ended = view.legs.find((l: any) => l.id === assist.id);
      expect(ended).toMatchObject({ status: 'ended', doneAt: view.closedAt });
      expect(ended.signedAt).toBeUndefined();
    }
    // Its deadline has passed, but a closed case's legs are not supervised.
    await untilPast(assistDue);
    await superviseOverdue(hub.context);
    expect((await current(id)).supervisionCount).toBe(0);
  });
});

describe('case pushes', () => {
  const connect = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
      sockets.push(s);
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });

  it('reach the township of the case and the county, never another township', async () => {
    const county = await connect(duty);
    const t1 = await connect(town1);
    const t2 = await connect(await login(hub, 'town02.director'));
    const got = { county: [] as string[], t1: [] as string[], t2: [] as string[] };
    county.on('case.changed', (c) => got.county.push(c.case.id));
    t1.on('case.changed', (c) => got.t1.push(c.case.id));
    t2.on('case.changed', (c) => got.t2.push(c.case.id));
    const inTown1 = await newCase('431099001');
    const inTown2 = await newCase('431099002');
    await new Promise((r) => setTimeout(r, 300));
    expect(got.county).toEqual([inTown1, inTown2]);
    expect(got.t1).toEqual([inTown1]);
    expect(got.t2).toEqual([inTown2]);
  });
});
