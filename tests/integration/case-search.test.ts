/**
 * Case search and archive on a real hub (real SQLite with the seeded demo history, real HTTP): CJK words of two and
 * more characters over description, place, reporter and results; case numbers; each filter; the scope cut (a
 * township never sees its neighbour's case, whatever it types); keyset paging that stays stable while cases arrive;
 * and the CSV built from a real result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../common/csv.js';
import type { SearchHit, SearchPage } from '../../common/search-schemas.js';
import { superviseOverdue } from '../../hub/cases/supervision-timer.js';
import { searchCsvRows, SEARCH_CSV_COLUMNS } from '../../renderer/src/search/search-csv.js';
import { dueSoon, getCase, move, pointInTownship, report, untilPast } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const TOWN = '431099001';
const OTHER_TOWN = '431099002';

let hub: TestHub;
let duty: string;
let town: string;
let otherTown: string;
/** Our cases: a (town 1, hotline, reporter 欧阳振华), b (town 1, fed back, supervised, overdue), n (town 2). */
const ids = { a: '', b: '', n: '' };
let gridA = '';

async function search(token: string, query: Record<string, string | number | boolean>) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return api(hub, 'GET', `/api/v1/cases/search?${qs.toString()}`, { token });
}
async function hits(token: string, query: Record<string, string | number | boolean>): Promise<SearchHit[]> {
  const res = await search(token, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as SearchPage).hits;
}
const numbers = (list: SearchHit[]) => list.map((h) => h.caseNo).sort();

async function newCase(township: string, description: string, extra: Record<string, unknown> = {}) {
  const place = await pointInTownship(hub, duty, township);
  const res = await report(hub, duty, {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: place.location,
    description,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.caseId as string, grid: place.gridCode };
}

beforeAll(async () => {
  hub = await startTestHub();
  duty = await login(hub, 'county.duty');
  town = await login(hub, 'town01.director');
  otherTown = await login(hub, 'town02.director');
  const a = await newCase(TOWN, '小区门口有人饲养蓝色鹦鹉，清晨叫声扰民', {
    reporter: { name: '欧阳振华', phone: '13912345678' },
  });
  ids.a = a.id;
  gridA = a.grid;
  ids.b = (await newCase(TOWN, '鹦鹉的笼子挂在楼道里占道', { grade: 'serious', source: 'public' })).id;
  ids.n = (await newCase(OTHER_TOWN, '邻镇也有一只鹦鹉在叫')).id;

  // b: filed, dispatched to town 1 with a deadline already past, fed back with its result, supervised when overdue.
  let c = (await getCase(hub, duty, ids.b)).body.case;
  c = (await move(hub, duty, ids.b, c.version, { type: 'file' })).body;
  const due = dueSoon();
  c = (
    await move(hub, duty, ids.b, c.version, {
      type: 'dispatch',
      lead: { unitCode: TOWN, dueAt: due, clock: 'wall' },
    })
  ).body;
  const lead = c.legs[0];
  await untilPast(due);
  expect(await superviseOverdue(hub.context)).toBeGreaterThanOrEqual(1);
  c = (await getCase(hub, duty, ids.b)).body.case;
  c = (await move(hub, town, ids.b, c.version, { type: 'sign', legId: lead.id })).body;
  c = (
    await move(hub, town, ids.b, c.version, {
      type: 'feedback',
      legId: lead.id,
      result: '笼具已移入住户阳台',
      photos: [],
    })
  ).body;
  expect(c.status).toBe('checking');
});
afterAll(async () => hub.dispose());

describe('words', () => {
  it('finds a two-character word in every case of the scope that has it, and nowhere else', async () => {
    expect(numbers(await hits(duty, { q: '鹦鹉' }))).toEqual([ids.a, ids.b, ids.n].sort());
    expect(numbers(await hits(duty, { q: '扰民鹦鹉' }))).toEqual([]);
  });

  it('matches a longer word only where its characters stand together', async () => {
    expect(numbers(await hits(duty, { q: '蓝色鹦鹉' }))).toEqual([ids.a]);
    // "鹦鹉笼" is not written anywhere ("鹦鹉的笼子" is): no hit.
    expect(numbers(await hits(duty, { q: '鹦鹉笼' }))).toEqual([]);
    // Two words: both must occur.
    expect(numbers(await hits(duty, { q: '鹦鹉 占道' }))).toEqual([ids.b]);
  });

  it('searches the reporter, the results and the place too', async () => {
    expect(numbers(await hits(duty, { q: '欧阳振华' }))).toEqual([ids.a]);
    expect(numbers(await hits(duty, { q: '13912345' }))).toEqual([ids.a]); // a phone number's first digits
    expect(numbers(await hits(duty, { q: '阳台' }))).toEqual([ids.b]); // the township's feedback
    const units = (await api(hub, 'GET', '/api/v1/org-units', { token: duty })).body.items as Array<{
      code: string;
      name: string;
    }>;
    const gridName = units.find((u) => u.code === gridA)!.name;
    const found = await hits(duty, { q: `${gridName} 鹦鹉` });
    expect(numbers(found)).toEqual([ids.a, ids.b].sort()); // both lie in that grid; the neighbour's does not
  });

  it('refuses a single Chinese character with a clear error, and writes nothing', async () => {
    const res = await search(duty, { q: '鸟' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('search_text_too_short');
  });
});

describe('case numbers', () => {
  it('finds a case by its number, and the day’s cases by the date part', async () => {
    expect(numbers(await hits(duty, { q: ids.a }))).toEqual([ids.a]);
    const day = await hits(duty, { q: ids.a.slice(0, 8), limit: 500 });
    expect(day.map((h) => h.caseNo)).toEqual(expect.arrayContaining([ids.a, ids.b, ids.n]));
    expect(day.every((h) => h.caseNo.startsWith(ids.a.slice(0, 8)))).toBe(true);
  });
});

describe('filters', () => {
  it('cuts by grade, source, status, category and unit', async () => {
    expect(numbers(await hits(duty, { q: '鹦鹉', grade: 'serious' }))).toEqual([ids.b]);
    expect(numbers(await hits(duty, { q: '鹦鹉', source: 'hotline' }))).toEqual([ids.a, ids.n].sort());
    expect(numbers(await hits(duty, { q: '鹦鹉', status: 'checking' }))).toEqual([ids.b]);
    const category = (await getCase(hub, duty, ids.a)).body.case.categoryCode as string;
    expect(numbers(await hits(duty, { q: '鹦鹉', category }))).toEqual([ids.a, ids.b, ids.n].sort());
    expect(numbers(await hits(duty, { q: '鹦鹉', category: category === '0201' ? '0202' : '0201' }))).toEqual([]);
    expect(numbers(await hits(duty, { q: '鹦鹉', unit: OTHER_TOWN }))).toEqual([ids.n]);
    expect(numbers(await hits(duty, { q: '鹦鹉', unit: gridA }))).toEqual([ids.a, ids.b].sort());
  });

  it('cuts by period, overdue and supervised', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(numbers(await hits(duty, { q: '鹦鹉', from: today }))).toEqual([ids.a, ids.b, ids.n].sort());
    expect(numbers(await hits(duty, { q: '鹦鹉', to: today }))).toEqual([]);
    expect(numbers(await hits(duty, { q: '鹦鹉', overdue: true }))).toEqual([ids.b]);
    expect(numbers(await hits(duty, { q: '鹦鹉', supervised: true }))).toEqual([ids.b]);
    // Filters alone, over the demo's whole history: every hit is what the filter says.
    const late = await hits(duty, { overdue: true, limit: 200 });
    expect(late.length).toBe(200);
    for (const h of late) {
      expect(h.overdue).toBe(true);
      expect(h.closedAt === null ? h.dueAt! < Date.now() : h.closedAt > h.dueAt!).toBe(true);
    }
    const supervised = await hits(duty, { supervised: true, grade: 'serious', limit: 100 });
    expect(supervised.every((h) => h.supervisionCount > 0 && h.grade === 'serious')).toBe(true);
  });
});

describe('scope', () => {
  it('never shows a township its neighbour’s case, by word, number or unit', async () => {
    expect(numbers(await hits(town, { q: '鹦鹉' }))).toEqual([ids.a, ids.b].sort());
    expect(numbers(await hits(otherTown, { q: '鹦鹉' }))).toEqual([ids.n]);
    expect(numbers(await hits(otherTown, { q: ids.a }))).toEqual([]);
    expect(numbers(await hits(otherTown, { unit: TOWN }))).toEqual([]);
    // Without words: a whole page of the township's history, every case held in it.
    const page = await hits(otherTown, { limit: 300 });
    expect(page.length).toBe(300);
    for (const h of page.slice(0, 20)) expect((await getCase(hub, otherTown, h.caseNo)).status).toBe(200);
    expect(page.some((h) => h.caseNo === ids.a || h.caseNo === ids.b)).toBe(false);
  });
});

describe('paging', () => {
  it('walks a common word page by page, newest first, without repeats even while cases arrive', async () => {
    const first = await search(duty, { q: '垃圾', limit: 50 });
    expect(first.status).toBe(200);
    const firstPage = first.body as SearchPage;
    expect(firstPage.capped).toBe(true);
    expect(firstPage.total).toBe(1000);
    const seen = firstPage.hits.map((h) => h.caseNo);
    // A new case with the word arrives after the first page: it must not shift what the next pages hold.
    await newCase(TOWN, '路边垃圾堆积');
    let cursor = firstPage.next;
    let last = firstPage.hits.at(-1)!.reportedAt;
    for (let i = 0; i < 4; i++) {
      const res = await search(duty, { q: '垃圾', limit: 50, after: cursor! });
      const page = res.body as SearchPage;
      expect(page.total).toBeUndefined(); // counted on the first page only
      expect(page.hits[0]!.reportedAt).toBeLessThanOrEqual(last);
      seen.push(...page.hits.map((h) => h.caseNo));
      last = page.hits.at(-1)!.reportedAt;
      cursor = page.next;
    }
    expect(new Set(seen).size).toBe(250);
    const oldest = await hits(duty, { q: '垃圾', sort: 'oldest', limit: 5 });
    expect(oldest[0]!.reportedAt).toBeLessThan(last);
  });
});

describe('CSV', () => {
  it('exports the result with localized headings and Beijing times', async () => {
    const found = await hits(duty, { q: '鹦鹉', sort: 'oldest' });
    const headings = Object.fromEntries(SEARCH_CSV_COLUMNS.map((c) => [c, `列${c}`])) as Record<
      (typeof SEARCH_CSV_COLUMNS)[number],
      string
    >;
    const csv = toCsv(
      searchCsvRows(found, {
        headings: { ...headings, caseNo: '案件编号', reportedAt: '上报时间' },
        yes: '是',
        no: '否',
        category: (code) => `类${code}`,
        grade: (g) => g,
        status: (s) => s,
        source: (s) => s,
        unit: (code) => `单位${code}`,
      }),
    );
    const rows = parseCsv(csv).map((r) => r.cells);
    expect(rows[0]!.slice(0, 2)).toEqual(['案件编号', '上报时间']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids.a, ids.b, ids.n]);
    const a = found[0]!;
    const beijing = new Date(a.reportedAt + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(rows[1]![1]).toBe(beijing);
    expect(rows[2]![11]).toBe('是'); // b is overdue
    expect(rows[1]![8]).toBe('小区门口有人饲养蓝色鹦鹉，清晨叫声扰民');
  });
});
