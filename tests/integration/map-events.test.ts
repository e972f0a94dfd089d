/**
 * The map's events API on a real hub over the seeded demo county: the binary answer equals the cases table, scope
 * is cut in SQL (a township sees only its own points), live writes show up, and the plans use the chosen indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_GRADES } from '../../common/cases.js';
import { caseNoOf, decodeMapEvents, MAP_EVENTS_FLAG_FILTERED, type MapEvents } from '../../common/map-events-format.js';
import { sql } from '../../hub/db/sql.js';
import { majorCodeOf } from '../../common/taxonomy.js';
import { move, pointInTownship, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const TOWN = '431099001';
const OTHER_TOWN = '431099002';
const PERIOD = 'from=2017-01-01&to=2021-01-01';

let hub: TestHub;
let duty: string;
let director: string;
beforeAll(async () => {
  hub = await startTestHub();
  duty = await login(hub, 'county.duty');
  director = await login(hub, 'town01.director');
});
afterAll(async () => hub.dispose());

async function events(token: string, query: string): Promise<{ status: number; events?: MapEvents; body?: any }> {
  const res = await fetch(`${hub.url}/api/v1/map/events?${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  expect(res.headers.get('content-type')).toBe('application/octet-stream');
  const events = decodeMapEvents(new Uint8Array(await res.arrayBuffer()));
  expect(res.headers.get('x-map-event-count')).toBe(String(events.count));
  return { status: 200, events };
}

interface Row {
  id: number;
  case_no: string;
  lon: number;
  lat: number;
  reported_at: number;
  grade: string;
  category_code: string;
  status: string;
  source: string;
  grid_code: string;
}
const rowsIn = (scope: string, from: string, to: string) =>
  hub.context.db.all<Row>(sql`
    SELECT id, case_no, lon, lat, reported_at, grade, category_code, status, source, grid_code FROM cases
    WHERE grid_code >= ${scope} AND grid_code < ${scope + ':'}
      AND reported_at >= ${Date.parse(`${from}T00:00:00+08:00`)} AND reported_at < ${Date.parse(`${to}T00:00:00+08:00`)}`);

/** Every event of the answer, read back through the dictionary. */
function unpack(e: MapEvents) {
  const d = e.dictionary;
  return Array.from({ length: e.count }, (_, i) => ({
    id: e.caseId[i]!,
    lon: e.position[2 * i]!,
    lat: e.position[2 * i + 1]!,
    time: e.time[i]!,
    grid: d.grids[e.grid[i]!]!,
    grade: d.grades[e.categories[4 * i]!]!,
    major: d.majors[e.categories[4 * i + 1]!]!,
    status: d.statuses[e.categories[4 * i + 2]!]!,
    source: d.sources[e.categories[4 * i + 3]!]!,
  }));
}

describe('map events', () => {
  it('answers the county the whole period as columns equal to the cases table, grouped by grid', async () => {
    const { status, events: e } = await events(duty, PERIOD);
    expect(status).toBe(200);
    const rows = new Map(rowsIn('431099', '2017-01-01', '2021-01-01').map((r) => [r.id, r]));
    expect(e!.count).toBe(rows.size);
    expect(e!.count).toBeGreaterThan(80_000);
    expect(e!.flags & MAP_EVENTS_FLAG_FILTERED).toBe(0);
    // Compared in plain code and reported at once: 84,000 expect() calls would take longer than the query.
    const mismatches: string[] = [];
    let lastGrid = -1;
    for (const [i, ev] of unpack(e!).entries()) {
      const row = rows.get(ev.id);
      const same =
        row !== undefined &&
        ev.lon === Math.fround(row.lon) &&
        ev.lat === Math.fround(row.lat) &&
        ev.time === Math.floor(row.reported_at / 1000) &&
        ev.grid === row.grid_code &&
        ev.grade === row.grade &&
        ev.major === majorCodeOf(row.category_code) &&
        ev.status === row.status &&
        ev.source === row.source &&
        // The case number the map derives for click-through is the hub's.
        caseNoOf(ev.id, ev.time) === row.case_no &&
        e!.grid[i]! >= lastGrid;
      if (!same) mismatches.push(JSON.stringify({ ev, row }));
      lastGrid = e!.grid[i]!;
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect([...e!.dictionary.grids]).toEqual([...e!.dictionary.grids].sort());
  });

  it('gives a township director only the points of its own township', async () => {
    const { events: e } = await events(director, PERIOD);
    const own = rowsIn(TOWN, '2017-01-01', '2021-01-01');
    expect(e!.count).toBe(own.length);
    expect(e!.dictionary.grids.every((grid) => grid.startsWith(TOWN))).toBe(true);
    expect(unpack(e!).every((ev) => ev.grid.startsWith(TOWN))).toBe(true);
    expect([...e!.caseId].sort((a, b) => a - b)).toEqual(own.map((r) => r.id).sort((a, b) => a - b));

    // Asking for a neighbour's township (or the county) is refused, not answered with less.
    for (const unit of [OTHER_TOWN, '431099']) {
      const refused = await events(director, `${PERIOD}&orgUnit=${unit}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    // The county may narrow to the township and gets exactly the director's answer.
    const narrowed = await events(duty, `${PERIOD}&orgUnit=${TOWN}`);
    expect(narrowed.events!.count).toBe(own.length);
  });

  it('trims to the period and applies the optional hub-side filters', async () => {
    const { events: e } = await events(duty, 'from=2019-03-01&to=2019-04-01&grades=serious,general&sources=public');
    const expected = rowsIn('431099', '2019-03-01', '2019-04-01').filter(
      (r) => r.grade !== 'routine' && r.source === 'public',
    );
    expect(e!.count).toBe(expected.length);
    expect(e!.flags & MAP_EVENTS_FLAG_FILTERED).toBe(MAP_EVENTS_FLAG_FILTERED);
    expect(new Set(unpack(e!).map((ev) => ev.id))).toEqual(new Set(expected.map((r) => r.id)));
    expect(e!.dictionary.grades).toEqual([...CASE_GRADES]);
  });

  it('shows a live report and its next status without a restart', async () => {
    const place = await pointInTownship(hub, duty, TOWN);
    const res = await report(hub, duty, {
      source: 'hotline',
      categoryName: '暴露垃圾',
      location: place.location,
      description: '地图测试：路口垃圾堆放',
    });
    expect(res.status).toBe(201);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
    const find = async () => {
      const { events: e } = await events(director, `from=${today}&to=${tomorrow}`);
      return unpack(e!).find((ev) => caseNoOf(ev.id, ev.time) === res.body.caseNo);
    };
    expect((await find())?.status).toBe('reported');
    const detail = await api(hub, 'GET', `/api/v1/cases/${res.body.caseNo}`, { token: duty });
    expect((await move(hub, duty, res.body.caseNo, detail.body.case.version, { type: 'file' })).status).toBe(200);
    expect((await find())?.status).toBe('filed');
  });

  it('answers a repeated query with the same bytes, and never one scope’s answer to another', async () => {
    const raw = async (token: string, query: string) =>
      Buffer.from(
        await (
          await fetch(`${hub.url}/api/v1/map/events?${query}`, { headers: { authorization: `Bearer ${token}` } })
        ).arrayBuffer(),
      );
    const [a, b] = await Promise.all([raw(duty, PERIOD), raw(duty, PERIOD)]);
    expect(a.equals(b)).toBe(true);
    const town = await raw(director, PERIOD);
    const narrowed = await raw(duty, `${PERIOD}&orgUnit=${TOWN}`);
    expect(town.equals(narrowed)).toBe(true);
    expect(town.byteLength).toBeLessThan(a.byteLength);
  });

  it('refuses bad periods, strangers and unknown filter values', async () => {
    expect((await events(duty, 'from=2020-01-01&to=2019-01-01')).status).toBe(400);
    expect((await events(duty, 'from=2000-01-01&to=2020-01-01')).status).toBe(400);
    expect((await events(duty, 'from=yesterday&to=2020-01-01')).status).toBe(400);
    expect((await events(duty, `${PERIOD}&grades=apocalyptic`)).status).toBe(400);
    expect((await events(duty, `${PERIOD}&orgUnit=x' OR 1=1`)).status).toBe(400);
    expect((await events('not-a-token', PERIOD)).status).toBe(401);
  });

  it('cuts scope and period on the chunk key and builds chunks from the grid index, without sorting', () => {
    const plan = (text: string, ...params: unknown[]) =>
      (hub.context.db.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT grid_code, bucket, gen FROM map_chunks WHERE (grid_code >= ? AND grid_code < ?) AND bucket BETWEEN ? AND ? ORDER BY grid_code, bucket`,
        TOWN,
        `${TOWN}:`,
        0,
        100,
      ),
    ).toMatch(/^SEARCH map_chunks USING PRIMARY KEY \(grid_code>\? AND grid_code<\?\)$/);
    expect(
      plan(
        `SELECT id, lon, lat, reported_at, grade, category_code, status, source FROM cases WHERE grid_code = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at`,
        `${TOWN}001001`,
        0,
        1,
      ),
    ).toBe('SEARCH cases USING INDEX cases_grid_reported (grid_code=? AND reported_at>? AND reported_at<?)');
  });
});

describe('map boundaries', () => {
  it('gives each user the outlines of its own subtree with zh-CN names', async () => {
    const county = (await api(hub, 'GET', '/api/v1/map/boundaries', { token: duty })).body.items as any[];
    const levels: Record<string, number> = {};
    for (const b of county) levels[b.level] = (levels[b.level] ?? 0) + 1;
    expect(levels).toEqual({ county: 1, township: 12, village: expect.any(Number), grid: expect.any(Number) });
    expect(levels.grid).toBeGreaterThan(800);
    expect(county[0].name).toMatch(/[\u4e00-\u9fff]/);
    const town = (await api(hub, 'GET', '/api/v1/map/boundaries', { token: director })).body.items as any[];
    expect(town[0]).toMatchObject({ code: TOWN, level: 'township' });
    expect(town.every((b) => b.code.startsWith(TOWN))).toBe(true);
    expect(['Polygon', 'MultiPolygon']).toContain(town[0].geometry.type);
  });
});
