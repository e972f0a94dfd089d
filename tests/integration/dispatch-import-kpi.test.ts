/**
 * Bulk import of the old platform's history, and the KPI report — which, run over the demo county's imported
 * 2017–2020 history, must reproduce the county's published figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInTownship } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let duty: string;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  duty = await login(hub, 'county.duty');
  admin = await login(hub, 'admin');
});
afterAll(async () => hub.dispose());

const importNdjson = (text: string, token = admin) =>
  fetch(`${hub.url}/api/v1/events/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
    body: text,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe('bulk import', () => {
  it('imports valid lines, rejects bad ones with line numbers and reasons, and a re-run is a no-op', async () => {
    const place = await pointInTownship(hub, duty, '431099004');
    const base = {
      source: 'grid_worker',
      categoryName: '邻里纠纷',
      grade: 'general',
      location: place.location,
      description: '邻里因排水起争执',
    };
    const lines = [
      {
        ...base,
        externalId: 'OLD-1',
        status: 'closed',
        reportedAt: '2019-03-01T09:00:00+08:00',
        closedAt: '2019-03-02T10:00:00+08:00',
      },
      {
        ...base,
        externalId: 'OLD-2',
        status: 'in_progress',
        reportedAt: '2019-03-01T09:00:00+08:00',
        dispatchedAt: '2019-03-01T10:00:00+08:00',
        handlingUnit: '431099004',
      },
      { ...base, externalId: 'OLD-3', status: 'closed', reportedAt: '2019-03-01T09:00:00+08:00' },
      {
        ...base,
        externalId: 'OLD-4',
        status: 'closed',
        location: { lon: 100, lat: 30 },
        reportedAt: '2019-03-01T09:00:00+08:00',
        closedAt: '2019-03-02T10:00:00+08:00',
      },
    ].map((l) => JSON.stringify(l));
    const text = [...lines, '{not json', ''].join('\n');
    const first = await importNdjson(text);
    expect(first.status).toBe(200);
    expect(first.body.imported).toBe(2);
    expect(first.body.batchId).toMatch(/^imp-/);
    expect(first.body.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('closedAt') },
      { line: 4, reason: expect.stringContaining('outside the county') },
      { line: 5, reason: expect.stringContaining('JSON') },
    ]);
    const again = await importNdjson(text);
    expect(again.body).toMatchObject({ imported: 0, skipped: 2 });

    const board = (await api(hub, 'GET', '/api/v1/cases/board', { token: await login(hub, 'town04.director') })).body;
    const open = board.cases.find((c: any) => c.description === '邻里因排水起争执' && c.status === 'in_progress');
    expect(open.legs[0]).toMatchObject({ unitCode: '431099004', role: 'lead' });
  });

  it('refuses an import from anyone but an administrator', async () => {
    expect((await importNdjson('{}', await login(hub, 'county.wall'))).status).toBe(403);
  });
});

describe('KPIs', () => {
  const kpis = async (token: string, query: string) => api(hub, 'GET', `/api/v1/stats/kpis?${query}`, { token });

  it('reproduce the county’s published figures from its 2017–2020 history', async () => {
    const res = await kpis(duty, 'from=2017-01-01&to=2021-01-01');
    expect(res.status).toBe(200);
    const { summary, byGrade, sourceComposition } = res.body;
    expect(summary.received).toBeGreaterThanOrEqual(84_000);
    expect(summary.closureRate.value).toBeCloseTo(0.996, 3);
    const onTime = Object.fromEntries(byGrade.map((g: any) => [g.key, g.onTimeRate.value]));
    expect(onTime.routine).toBeCloseTo(0.9739, 2);
    expect(onTime.general).toBeCloseTo(0.8085, 2);
    expect(onTime.serious).toBe(1);
    const gridWorkers = sourceComposition.find((s: any) => s.source === 'grid_worker');
    expect(gridWorkers.share.value).toBeCloseTo(0.93, 2);
    expect(summary.closureRate.smallSample).toBe(false);
    const epidemic = res.body.byType.filter((t: any) => ['0401', '0402'].includes(t.key));
    expect(epidemic.every((t: any) => t.received > 0)).toBe(true);
  });

  it('cut to a township, and refused for another township', async () => {
    const town = await login(hub, 'town03.director');
    const own = await kpis(town, 'from=2017-01-01&to=2021-01-01');
    expect(own.status).toBe(200);
    expect(own.body.orgUnit).toBe('431099003');
    const county = (await kpis(duty, 'from=2017-01-01&to=2021-01-01')).body;
    expect(own.body.summary.received).toBeLessThan(county.summary.received);
    expect(own.body.summary.received).toBeGreaterThan(0);
    expect((await kpis(town, 'from=2017-01-01&to=2021-01-01&orgUnit=431099004')).status).toBe(403);
    expect((await kpis(town, 'from=2020-01-01&to=2019-01-01')).status).toBe(400);
    expect((await kpis(town, 'from=yesterday&to=2019-01-01')).status).toBe(400);
  });

  it('flag a rate computed on fewer than 20 cases', async () => {
    const res = await kpis(duty, 'from=2017-01-01T09:00:00%2B08:00&to=2017-01-01T09:30:00%2B08:00');
    expect(res.body.summary.closureRate.smallSample).toBe(true);
  });
});
