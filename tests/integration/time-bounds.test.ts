/**
 * Every time a client sends is inside one range (common/time-range.ts: 2000-01-01 … 2100-01-01 Beijing time), in
 * every route that takes one: a time outside it is a 400 that writes nothing. And as a class: a write whose answer
 * the hub cannot serialise rolls back with a 500 instead of committing first.
 */
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getMeta, setMeta } from '../../hub/db/meta-store.js';
import { sql } from '../../hub/db/sql.js';
import { installErrorHandling } from '../../hub/http/errors.js';
import { route } from '../../hub/http/route.js';
import { move, pointInTownship, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let duty: string;
let town1: string;
let admin: string;
let place: { location: { lon: number; lat: number } };
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  duty = await login(hub, 'county.duty');
  town1 = await login(hub, 'town01.director');
  admin = await login(hub, 'admin');
  place = await pointInTownship(hub, duty, '431099001');
});
afterAll(async () => hub.dispose());

const counts = () => ({
  cases: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)!.n,
  history: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_history`)!.n,
  changes: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_changes`)!.n,
});
const body = (extra: Record<string, unknown> = {}) => ({
  source: 'hotline',
  categoryName: '暴露垃圾',
  location: place.location,
  description: '路边垃圾',
  ...extra,
});

async function filedCase(): Promise<{ id: string; version: number }> {
  const r = await report(hub, duty, body());
  expect(r.status).toBe(201);
  const filed = await move(hub, duty, r.body.caseId, 1, { type: 'file' });
  expect(filed.status).toBe(200);
  return { id: r.body.caseId, version: filed.body.version };
}

describe('a report outside the time range', () => {
  it.each(['1969-12-31T23:00:00+08:00', '1999-12-31T23:59:59+08:00', '0001-01-01T00:00:00Z'])(
    'refuses reportedAt %s with 400 and writes nothing; the board still reads',
    async (reportedAt) => {
      const before = counts();
      const r = await report(hub, town1, body({ reportedAt }));
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'validation_failed', field: 'reportedAt' });
      expect(counts()).toEqual(before);
      for (const token of [town1, duty]) {
        expect((await api(hub, 'GET', '/api/v1/cases/board', { token })).status).toBe(200);
      }
    },
  );

  it('accepts the range’s first instant', async () => {
    expect((await report(hub, town1, body({ reportedAt: '2000-01-01T00:00:00+08:00' }))).status).toBe(201);
  });
});

describe('deadlines outside the time range', () => {
  it.each([4_102_444_800_000, 8.64e15, -1])('refuses a dispatch with lead.dueAt %d quickly', async (dueAt) => {
    const c = await filedCase();
    const before = counts();
    const started = Date.now();
    const r = await move(hub, duty, c.id, c.version, { type: 'dispatch', lead: { unitCode: '431099001', dueAt } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(counts()).toEqual(before);
  });
});

describe('queries outside the time range', () => {
  it('refuses KPI, map and audit periods outside the range', async () => {
    const kpi = await api(hub, 'GET', '/api/v1/stats/kpis?from=1969-01-01&to=2019-07-01', { token: duty });
    expect(kpi.status).toBe(400);
    const map = await api(hub, 'GET', '/api/v1/map/events?from=2095-01-01&to=2101-01-01', { token: duty });
    expect(map.status).toBe(400);
    const audit = await api(hub, 'GET', '/api/v1/audit/views?from=1960-01-01T00:00:00Z', { token: admin });
    expect(audit.status).toBe(400);
  });
});

describe('an answer the hub cannot serialise', () => {
  it('rolls the write back and answers 500', async () => {
    const app = Fastify();
    installErrorHandling(app);
    const spec = {
      method: 'POST',
      path: '/broken',
      auth: true,
      body: z.strictObject({}),
      response: z.strictObject({ at: z.number().int().nonnegative() }),
      idempotent: true,
    } as const;
    route(app, hub.context, spec, () => {
      setMeta(hub.context.db, 'broken_route_wrote', 'yes');
      return { at: -1 };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address() as { port: number };
      const r = await api({ url: `http://127.0.0.1:${address.port}` }, 'POST', '/broken', {
        token: duty,
        body: {},
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
      expect(getMeta(hub.context.db, 'broken_route_wrote')).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

describe('import lines outside the time range', () => {
  it('rejects them by line number and the month’s KPIs still answer', async () => {
    const line = (n: number, extra: Record<string, unknown>) =>
      JSON.stringify({
        externalId: `TB-${n}`,
        source: 'grid_worker',
        categoryName: '暴露垃圾',
        grade: 'general',
        location: place.location,
        description: '旧平台事件',
        status: 'in_progress',
        reportedAt: '2019-06-03T09:00:00+08:00',
        dispatchedAt: '2019-06-03T10:00:00+08:00',
        handlingUnit: '431099001',
        ...extra,
      });
    const text = [
      line(1, { dueAt: '9999-12-31T00:00:00+08:00' }),
      line(2, { reportedAt: '1969-12-31T23:00:00+08:00' }),
      line(3, {}),
    ].join('\n');
    const r = await fetch(`${hub.url}/api/v1/events/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${admin}` },
      body: text,
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(1);
    expect(r.body.rejected.map((x: { line: number }) => x.line)).toEqual([1, 2]);
    expect(r.body.rejected[0].reason).toContain('dueAt');
    const kpi = await api(hub, 'GET', '/api/v1/stats/kpis?from=2019-06-01&to=2019-07-01', { token: duty });
    expect(kpi.status).toBe(200);
  });
});

describe('fields only the hub sets', () => {
  it('refuses a person’s supervision marked automatic, and writes nothing', async () => {
    const c = await filedCase();
    const dispatched = await move(hub, duty, c.id, c.version, { type: 'dispatch', lead: { unitCode: '431099001' } });
    expect(dispatched.status).toBe(200);
    const legId = dispatched.body.legs[0].id;
    const before = counts();
    for (const automatic of [true, false]) {
      const r = await move(hub, duty, c.id, dispatched.body.version, { type: 'supervise', legId, automatic });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'validation_failed', field: 'move.automatic' });
    }
    expect(counts()).toEqual(before);
    const manual = await move(hub, duty, c.id, dispatched.body.version, { type: 'supervise', legId });
    expect(manual.status).toBe(200);
    expect(manual.body.supervisions.at(-1)).toMatchObject({ automatic: false });
  });
});
