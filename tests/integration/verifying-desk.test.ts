/**
 * The verifying desk on a real hub (real SQLite, real HTTP): duplicate suggestions at the 100 m / 24 h boundaries,
 * one-click merge with its scope and closed-case refusals, a call-back that reopens the case, closing after
 * unanswered tries, and the call-back KPIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import { getCase, move, pointInTownship, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const TOWN = '431099001';
const OTHER_TOWN = '431099002';
const HOUR = 3_600_000;
/** Metres per degree of latitude on the sphere the hub measures distances on (hub/org/distance.ts). */
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;

let hub: TestHub;
let duty: string;
let town: string;
let otherTown: string;
let base: { lon: number; lat: number };
let now: number;
beforeAll(async () => {
  hub = await startTestHub();
  duty = await login(hub, 'county.duty');
  town = await login(hub, 'town01.director');
  otherTown = await login(hub, 'town02.director');
  const place = await pointInTownship(hub, duty, TOWN);
  // Off the grid's centre, so no other test case (or demo case) sits next to it.
  base = { lon: place.location.lon + 0.0011, lat: place.location.lat + 0.0007 };
  now = Date.now();
});
afterAll(async () => hub.dispose());

const north = (metres: number) => ({ lon: base.lon, lat: base.lat + metres / M_PER_DEG });
const iso = (ms: number) => new Date(ms).toISOString();

async function reportAt(
  location: { lon: number; lat: number },
  reportedAt: number,
  extra: Record<string, unknown> = {},
  token = duty,
) {
  const res = await report(hub, token, {
    source: 'public',
    categoryName: '违法建设',
    grade: 'general',
    location,
    reportedAt: iso(reportedAt),
    description: '疑似违章搭建',
    reporter: { name: '李先生', phone: '13700000001' },
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.caseId as string;
}

const current = async (id: string, token = duty) => (await getCase(hub, token, id)).body.case;
const duplicatesOf = async (id: string, token = duty) => api(hub, 'GET', `/api/v1/cases/${id}/duplicates`, { token });

describe('duplicate suggestions', () => {
  let anchor: string;
  let near: string;
  let far: string;
  let early: string;
  let edge: string;
  let otherKind: string;
  beforeAll(async () => {
    const t = now - 30 * HOUR;
    anchor = await reportAt(base, t);
    near = await reportAt(north(99.9), t + HOUR);
    far = await reportAt(north(100.2), t + HOUR);
    edge = await reportAt(north(20), t + 24 * HOUR); // exactly 24 h after the anchor
    early = await reportAt(north(20), t - 24 * HOUR - 60_000); // 24 h and a minute before
    otherKind = await reportAt(north(10), t, { categoryName: '暴露垃圾' });
  });

  it('suggests open cases of the same category within 100 m and 24 h, nearest first', async () => {
    const res = await duplicatesOf(anchor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseId: anchor, radiusM: 100, windowHours: 24 });
    const ids = res.body.suggestions.map((s: any) => s.case.id);
    expect(ids).toEqual([edge, near]);
    expect(ids).not.toContain(far);
    expect(ids).not.toContain(early);
    expect(ids).not.toContain(otherKind);
    const nearest = res.body.suggestions[1];
    expect(nearest.distanceM).toBeGreaterThan(99.5);
    expect(nearest.distanceM).toBeLessThanOrEqual(100);
    expect(res.body.suggestions[0].hoursApart).toBe(24);
    // Side by side needs the whole case: its words, place and reporters.
    expect(nearest.case).toMatchObject({ description: '疑似违章搭建', caseNo: expect.any(String) });
  });

  it('counts suggestions per card for a centre that may merge, and for nobody else', async () => {
    const counts = await api(hub, 'GET', '/api/v1/cases/duplicate-counts', { token: town });
    expect(counts.status).toBe(200);
    const byId = new Map(counts.body.counts.map((c: any) => [c.caseId, c.count]));
    // anchor: near (99.9 m) and edge (24 h); near: anchor, far (0.3 m) and edge; far: near and edge (not anchor).
    expect(byId.get(anchor)).toBe(2);
    expect(byId.get(near)).toBe(3);
    expect(byId.get(far)).toBe(2);
    expect(byId.has(early)).toBe(false);
    expect(byId.has(otherKind)).toBe(false);
    const outside = await api(hub, 'GET', '/api/v1/cases/duplicate-counts', { token: otherTown });
    expect(outside.body.counts.map((c: any) => c.caseId)).not.toContain(anchor);
    // Another township cannot even ask about the case.
    expect((await duplicatesOf(anchor, otherTown)).status).toBe(404);
  });

  it('merges a duplicate with one move: closed as merged, its reporter kept on the survivor, history on both', async () => {
    const dup = await current(near, town);
    const res = await move(hub, town, near, dup.version, { type: 'merge', intoCaseId: anchor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedInto: anchor });
    const survivor = (await getCase(hub, town, anchor)).body;
    expect(survivor.case.status).toBe('reported');
    expect(survivor.case.reporters.filter((r: any) => r.phone === '13700000001').length).toBe(1); // same person once
    expect(survivor.history.at(-1)).toMatchObject({
      move: 'merge',
      noteCode: 'merged_in',
      noteParams: { caseId: near },
    });
    const merged = (await getCase(hub, town, near)).body;
    expect(merged.history.at(-1)).toMatchObject({
      move: 'merge',
      from: 'reported',
      to: 'merged',
      noteCode: 'merged_into',
      noteParams: { caseId: anchor },
    });
    // A merged case is no longer suggested.
    const after = await duplicatesOf(anchor, town);
    expect(after.body.suggestions.map((s: any) => s.case.id)).not.toContain(near);
  });

  it('keeps reporters who are different people', async () => {
    const other = await reportAt(north(5), now - 2 * HOUR, { reporter: { name: '赵女士', phone: '13700000002' } });
    const c = await current(other);
    await move(hub, duty, other, c.version, { type: 'merge', intoCaseId: anchor });
    const phones = (await current(anchor)).reporters.map((r: any) => r.phone);
    expect(phones).toEqual(expect.arrayContaining(['13700000001', '13700000002']));
  });

  it('refuses a merge across scope or into a closed case, writing nothing', async () => {
    const elsewhere = await pointInTownship(hub, duty, OTHER_TOWN);
    const foreign = await reportAt(elsewhere.location, now - HOUR);
    const dup = await current(far, town);
    const across = await move(hub, town, far, dup.version, { type: 'merge', intoCaseId: foreign });
    expect(across.status).toBe(404);
    expect(across.body.error).toMatchObject({ code: 'unknown_case', field: 'move.intoCaseId' });
    // The other township cannot merge our case at all.
    const theirs = await move(hub, otherTown, far, dup.version, { type: 'merge', intoCaseId: foreign });
    expect(theirs.status).toBe(404);

    const closed = await closedGridWorkerCase();
    const intoClosed = await move(hub, town, far, dup.version, { type: 'merge', intoCaseId: closed });
    expect(intoClosed.status).toBe(409);
    expect(intoClosed.body.error.code).toBe('case_not_open');
    const unchanged = await current(far, town);
    expect(unchanged).toMatchObject({ status: 'reported', version: dup.version });
  });
});

/** A grid worker's report (no call-back needed) taken through the loop to closed. */
async function closedGridWorkerCase(): Promise<string> {
  const id = await reportAt(north(300), now - HOUR, { source: 'grid_worker', reporter: undefined });
  let c = await current(id);
  c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
  c = (await move(hub, duty, id, c.version, { type: 'dispatch', lead: { unitCode: TOWN } })).body;
  const lead = c.legs.find((l: any) => l.role === 'lead');
  c = (await move(hub, town, id, c.version, { type: 'sign', legId: lead.id })).body;
  c = (await move(hub, town, id, c.version, { type: 'feedback', legId: lead.id, result: '已拆除', photos: [] })).body;
  c = (await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' })).body;
  expect(c.status).toBe('closed');
  return id;
}

/** A hotline case dispatched to the township, signed and fed back: waiting for the check. */
async function hotlineAtCheck(): Promise<{ id: string; legId: string; version: number }> {
  const id = await reportAt(north(600), now - HOUR, { source: 'hotline', categoryName: '暴露垃圾' });
  let c = await current(id);
  c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
  c = (await move(hub, duty, id, c.version, { type: 'dispatch', lead: { unitCode: TOWN } })).body;
  const legId = c.legs.find((l: any) => l.role === 'lead').id;
  c = (await move(hub, town, id, c.version, { type: 'sign', legId })).body;
  c = (await move(hub, town, id, c.version, { type: 'feedback', legId, result: '已清运', photos: [] })).body;
  expect(c.status).toBe('checking');
  return { id, legId, version: c.version };
}

const callbackRows = (caseNo: string) =>
  hub.context.db.all<{ outcome: string; reopened: number; note: string | null }>(
    sql`SELECT cb.outcome, cb.reopened, cb.note FROM case_callbacks cb JOIN cases c ON c.id = cb.case_id
        WHERE c.case_no = ${caseNo} ORDER BY cb.id`,
  );

describe('call-back (回访)', () => {
  it('refuses to close a hotline case before the call-back, and writes nothing', async () => {
    const { id, version } = await hotlineAtCheck();
    const res = await move(hub, duty, id, version, { type: 'check', outcome: 'pass' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'invalid_transition', field: 'outcome' });
    expect((await current(id)).version).toBe(version);
  });

  it('reopens on an unsatisfied call-back: back to the township’s handling, logged, with history', async () => {
    const { id, legId, version } = await hotlineAtCheck();
    const res = await move(hub, duty, id, version, {
      type: 'callback',
      outcome: 'unsatisfied',
      reopen: true,
      note: '群众反映垃圾仍未清完',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('in_progress');
    expect(res.body.reworkCount).toBe(1);
    expect(res.body.legs.find((l: any) => l.id === legId)).toMatchObject({ status: 'signed', unitCode: TOWN });
    const detail = (await getCase(hub, duty, id)).body;
    expect(detail.history.at(-1)).toMatchObject({
      move: 'callback',
      from: 'checking',
      to: 'in_progress',
      noteCode: 'callback_reopened',
      note: '群众反映垃圾仍未清完',
      unitCode: TOWN,
    });
    expect(callbackRows(id)).toEqual([{ outcome: 'unsatisfied', reopened: 1, note: '群众反映垃圾仍未清完' }]);

    // The township handles it again; three unanswered call-backs then let the county close it.
    let c = (await move(hub, town, id, res.body.version, { type: 'feedback', legId, result: '已彻底清理', photos: [] }))
      .body;
    for (let i = 0; i < 3; i++) {
      const early = await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' });
      expect(early.status, `after ${i} tries`).toBe(409);
      c = (await move(hub, duty, id, c.version, { type: 'callback', outcome: 'not_reached' })).body;
    }
    const closed = await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(callbackRows(id).map((r) => r.outcome)).toEqual([
      'unsatisfied',
      'not_reached',
      'not_reached',
      'not_reached',
    ]);
  });

  it('refuses a call-back on a grid worker’s report and from a unit that does not check the case', async () => {
    const { id, version } = await hotlineAtCheck();
    const notTheirs = await move(hub, town, id, version, { type: 'callback', outcome: 'satisfied' });
    expect(notTheirs.status).toBe(403);
    const bad = await move(hub, duty, id, version, { type: 'callback', outcome: 'satisfied', reopen: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('reopen');
    expect(callbackRows(id)).toEqual([]);
  });

  it('counts call-back and satisfaction rates in the KPIs of the period', async () => {
    const kpis = async () => {
      const query = new URLSearchParams({ from: iso(now - 3 * 24 * HOUR), to: iso(now + HOUR), orgUnit: TOWN });
      const res = await api(hub, 'GET', `/api/v1/stats/kpis?${query}`, { token: duty });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.summary;
    };
    const before = await kpis();
    // One satisfied, one unsatisfied (kept), one closed with no call-back owed (grid worker): two more due.
    for (const outcome of ['satisfied', 'unsatisfied'] as const) {
      const { id, version } = await hotlineAtCheck();
      const c = (await move(hub, duty, id, version, { type: 'callback', outcome })).body;
      expect((await move(hub, duty, id, c.version, { type: 'check', outcome: 'pass' })).status).toBe(200);
    }
    await closedGridWorkerCase();
    const after = await kpis();
    expect(after.callbackDue - before.callbackDue).toBe(2);
    expect(after.calledBack - before.calledBack).toBe(2);
    expect(after.callbackReached - before.callbackReached).toBe(2);
    expect(after.callbackSatisfied - before.callbackSatisfied).toBe(1);
    expect(after.callbackRate).toMatchObject({ numerator: after.calledBack, denominator: after.callbackDue });
    expect(after.satisfactionRate).toMatchObject({
      numerator: after.callbackSatisfied,
      denominator: after.callbackReached,
      value: after.callbackSatisfied / after.callbackReached,
    });
  });
});

describe('NDJSON import with call-backs', () => {
  const importNdjson = async (lines: object[]) => {
    const admin = await login(hub, 'admin');
    const r = await fetch(`${hub.url}/api/v1/events/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${admin}` },
      body: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  it('carries call-backs into the case, the call-back log and the KPIs; refuses misplaced ones', async () => {
    const place = await pointInTownship(hub, duty, '431099004');
    const day = { from: '2023-05-10T00:00:00+08:00', to: '2023-05-11T00:00:00+08:00' };
    const kpis = async () => {
      const query = new URLSearchParams({ ...day, orgUnit: '431099004' });
      return (await api(hub, 'GET', `/api/v1/stats/kpis?${query}`, { token: duty })).body.summary;
    };
    const before = await kpis();
    const closedLine = (externalId: string, source: string, callbacks: object[]) => ({
      externalId,
      source,
      categoryName: '暴露垃圾',
      grade: 'routine',
      location: place.location,
      description: '垃圾未清运',
      status: 'closed',
      reportedAt: '2023-05-10T09:00:00+08:00',
      closedAt: '2023-05-10T17:00:00+08:00',
      handlingUnit: '431099004',
      callbacks,
    });
    const res = await importNdjson([
      closedLine('CB-1', 'hotline', [
        { at: '2023-05-10T15:00:00+08:00', outcome: 'not_reached' },
        { at: '2023-05-10T16:00:00+08:00', outcome: 'satisfied', note: '满意' },
      ]),
      closedLine('CB-2', 'public', [{ at: '2023-05-10T16:30:00+08:00', outcome: 'unsatisfied' }]),
      closedLine('CB-3', 'grid_worker', [{ at: '2023-05-10T16:30:00+08:00', outcome: 'satisfied' }]),
      closedLine('CB-4', 'hotline', [{ at: '2023-05-11T09:00:00+08:00', outcome: 'satisfied' }]),
      closedLine('CB-5', 'hotline', [{ at: '2023-05-10T16:30:00+08:00', outcome: 'maybe' }]),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(2);
    expect(res.body.rejected).toEqual([
      { line: 3, reason: 'callbacks: only public and hotline reports are called back' },
      { line: 4, reason: 'callbacks: a call-back lies between the report and the closing' },
      { line: 5, reason: expect.stringContaining('callbacks') },
    ]);
    const id = hub.context.db.get<{ case_no: string }>(
      sql`SELECT case_no FROM cases WHERE external_id = 'CB-1'`,
    )!.case_no;
    expect((await current(id)).callbacks.map((c: any) => c.outcome)).toEqual(['not_reached', 'satisfied']);
    expect(callbackRows(id).map((r) => r.outcome)).toEqual(['not_reached', 'satisfied']);
    const after = await kpis();
    expect(after.callbackDue - before.callbackDue).toBe(2);
    expect(after.calledBack - before.calledBack).toBe(2);
    expect(after.callbackReached - before.callbackReached).toBe(2);
    expect(after.callbackSatisfied - before.callbackSatisfied).toBe(1);
  });
});
