/**
 * Import of the old platform's history is an administrator's migration tool: only `admin` may run it, every run is
 * a batch (who, when, sha256 of the file, counts) that can be listed and rolled back whole — unless one of its cases
 * was moved since — and imported cases say so in their detail.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import { getCase, move, pointInTownship } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let admin: string;
let duty: string;
let town1: string;
let place: { location: { lon: number; lat: number } };
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  admin = await login(hub, 'admin');
  duty = await login(hub, 'county.duty');
  town1 = await login(hub, 'town01.director');
  place = await pointInTownship(hub, duty, '431099001');
});
afterAll(async () => hub.dispose());

const importNdjson = (text: string, token: string) =>
  fetch(`${hub.url}/api/v1/events/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    body: text,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
const rollback = (batchId: string, token = admin) =>
  api(hub, 'POST', `/api/v1/imports/${batchId}/rollback`, {
    token,
    body: {},
    headers: { 'idempotency-key': randomUUID() },
  });
const counts = () => ({
  cases: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)!.n,
  history: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_history`)!.n,
});
/** Closed-on-time history in June 2019 of township 01: what a township once invented to lift its rate. */
const onTimeLines = (prefix: string, n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      externalId: `${prefix}-${i}`,
      source: 'grid_worker',
      categoryName: '暴露垃圾',
      grade: 'general',
      location: place.location,
      description: '旧平台事件',
      status: 'closed',
      reportedAt: '2019-06-10T09:00:00+08:00',
      dispatchedAt: '2019-06-10T09:30:00+08:00',
      closedAt: '2019-06-10T11:00:00+08:00',
      handlingUnit: '431099001',
      ...extra,
    }),
  ).join('\n');
const juneKpi = async () =>
  (await api(hub, 'GET', '/api/v1/stats/kpis?from=2019-06-01&to=2019-07-01&orgUnit=431099001', { token: duty })).body
    .summary;

describe('who may import', () => {
  it.each(['town01.director', 'county.duty', 'county.wall'])('refuses %s with 403 and writes nothing', async (user) => {
    const before = counts();
    const r = await importNdjson(onTimeLines(`NO-${user}`, 3), await login(hub, user));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(counts()).toEqual(before);
  });

  it('refuses listing and rolling back batches to anyone but an admin', async () => {
    expect((await api(hub, 'GET', '/api/v1/imports', { token: town1 })).status).toBe(403);
    expect((await rollback('imp-x', town1)).status).toBe(403);
  });
});

describe('import batches', () => {
  it('records each import as a batch, marks its cases, and a rollback restores the KPIs exactly', async () => {
    const kpiBefore = await juneKpi();
    const text = `${onTimeLines('BATCH-A', 20)}\n{broken`;
    const r = await importNdjson(text, admin);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 20, skipped: 0, batchId: expect.any(String) });
    expect(r.body.rejected).toEqual([{ line: 21, reason: expect.stringContaining('JSON') }]);
    expect(await juneKpi()).not.toEqual(kpiBefore);

    const list = await api(hub, 'GET', '/api/v1/imports', { token: admin });
    expect(list.status).toBe(200);
    const batch = list.body.items.find((b: any) => b.id === r.body.batchId);
    expect(batch).toMatchObject({
      sha256: createHash('sha256').update(text).digest('hex'),
      username: 'admin',
      lines: 21,
      accepted: 20,
      skipped: 0,
      refused: 1,
      status: 'done',
    });

    const caseNo = hub.context.db.get<{ case_no: string }>(
      sql`SELECT case_no FROM cases WHERE external_id = 'BATCH-A-0'`,
    )!.case_no;
    const detail = await getCase(hub, duty, caseNo);
    expect(detail.body.imported).toEqual({ externalId: 'BATCH-A-0', batchId: r.body.batchId });
    expect(detail.body.history[0]).toMatchObject({
      move: 'import',
      noteCode: 'imported_from',
      noteParams: { externalId: 'BATCH-A-0' },
    });

    const before = counts();
    const undone = await rollback(r.body.batchId);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ batchId: r.body.batchId, deletedCases: 20 });
    expect(counts()).toEqual({ cases: before.cases - 20, history: before.history - 20 });
    expect(await juneKpi()).toEqual(kpiBefore);
    expect((await getCase(hub, duty, caseNo)).status).toBe(404);
    const after = (await api(hub, 'GET', '/api/v1/imports', { token: admin })).body.items;
    expect(after.find((b: any) => b.id === r.body.batchId)).toMatchObject({ status: 'rolled_back' });
    expect((await rollback(r.body.batchId)).status).toBe(409);
    // Outside a rollback, history is still append-only.
    expect(() =>
      hub.context.db.run(sql`DELETE FROM case_history WHERE id = (SELECT min(id) FROM case_history)`),
    ).toThrow(/append-only/);
  });

  it('refuses to roll back a batch one of whose cases was moved since, and deletes nothing', async () => {
    const r = await importNdjson(
      onTimeLines('BATCH-B', 3, { status: 'dispatched', closedAt: undefined, dueAt: '2019-06-12T17:00:00+08:00' }),
      admin,
    );
    expect(r.body.imported).toBe(3);
    const caseNo = hub.context.db.get<{ case_no: string }>(
      sql`SELECT case_no FROM cases WHERE external_id = 'BATCH-B-1'`,
    )!.case_no;
    const c = (await getCase(hub, town1, caseNo)).body.case;
    expect((await move(hub, town1, caseNo, c.version, { type: 'sign', legId: c.legs[0].id })).status).toBe(200);
    const before = counts();
    const refused = await rollback(r.body.batchId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(caseNo);
    expect(counts()).toEqual(before);
  });

  it('accounts for every line of a file imported in many chunks, by its line number', async () => {
    const lines = onTimeLines('BATCH-C', 2500).split('\n');
    for (const bad of [1, 1500, 2500]) lines[bad - 1] = '{not json';
    const r = await importNdjson(lines.join('\n'), admin);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(2497);
    expect(r.body.rejected.map((x: { line: number }) => x.line)).toEqual([1, 1500, 2500]);
    const batch = (await api(hub, 'GET', '/api/v1/imports', { token: admin })).body.items[0];
    expect(batch).toMatchObject({ id: r.body.batchId, lines: 2500, accepted: 2497, refused: 3, status: 'done' });
  });

  it('answers 404 for an unknown batch', async () => {
    expect((await rollback('imp-does-not-exist')).status).toBe(404);
  });
});
