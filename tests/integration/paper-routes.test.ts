/**
 * The papers on a real hub: a 督办单 whose number is allocated once and stays, the case sheet with its timeline and
 * photos, the monthly KPI report — each scoped like what it prints: a township director gets its own township's,
 * never another's (404 for a case, 403 for a unit), and a refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import type { CasePhotoSource } from '../../hub/paper/case-photo-source.js';
import { getCase, move, pointInTownship, report } from '../support/cases.js';
import { embeddedFonts, pdfText } from '../support/pdf-text.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

/** A 2×2 PNG (what the attachments would hand over once wired in). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const photos: CasePhotoSource = {
  photosOf: async () => [{ caption: 'scene.png', mime: 'image/png', bytes: new Uint8Array(PNG) }],
};

let hub: TestHub;
let duty: string;
let town1: string;
let town2: string;
let townshipName: string;
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0, paperPhotos: photos });
  duty = await login(hub, 'county.duty');
  town1 = await login(hub, 'town01.director');
  town2 = await login(hub, 'town02.director');
  const units = (await api(hub, 'GET', '/api/v1/org-units', { token: duty })).body.items as Array<{
    code: string;
    name: string;
  }>;
  townshipName = units.find((u) => u.code === '431099001')!.name;
});
afterAll(async () => {
  await hub.dispose();
});

async function pdf(path: string, token?: string) {
  const res = await fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(Buffer.from(bytes).toString()) };
}

/** A case of township 1, filed and dispatched to it, supervised by the county once (with a requirement). */
async function supervisedCase(): Promise<{ id: string; caseNo: string }> {
  const place = await pointInTownship(hub, duty, '431099001');
  const reported = await report(hub, duty, {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: place.location,
    description: '村口新建违章棚屋，占用机耕道',
  });
  expect(reported.status).toBe(201);
  const id = reported.body.caseId as string;
  let c = (await getCase(hub, duty, id)).body.case;
  c = (await move(hub, duty, id, c.version, { type: 'file' })).body;
  c = (await move(hub, duty, id, c.version, { type: 'dispatch', lead: { unitCode: '431099001' } })).body;
  const supervised = await move(hub, duty, id, c.version, {
    type: 'supervise',
    legId: c.legs[0].id,
    note: '请于明日12时前拆除并反馈照片',
  });
  expect(supervised.status).toBe(200);
  return { id, caseNo: supervised.body.caseNo as string };
}

const noticeCount = () => hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM supervision_notices`)!.n;

describe('the 督办单', () => {
  it('prints the case number, its own number, the units and the requirement as real text with the font embedded', async () => {
    const { id, caseNo } = await supervisedCase();
    const res = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`, duty);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''`);
    const number = decodeURIComponent(res.headers.get('x-supervision-notice')!);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(number).toMatch(new RegExp(`^督办〔${year}〕第\\d{4}号$`));
    const { text } = await pdfText(res.bytes);
    expect(text).toContain(caseNo);
    expect(text).toContain(number);
    expect(text).toContain(townshipName);
    expect(text).toContain('社会治理指挥中心');
    expect(text).toContain('请于明日12时前拆除并反馈照片');
    expect(embeddedFonts(res.bytes)).toEqual(expect.arrayContaining([expect.stringMatching(/\+NotoSansSC-Regular$/)]));
  });

  it('keeps the number on every printing, and gives the next 督办 the next number', async () => {
    const { id } = await supervisedCase();
    const first = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`, duty);
    const again = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf?lang=en`, town1);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-supervision-notice')).toBe(first.headers.get('x-supervision-notice'));
    const english = (await pdfText(again.bytes)).text;
    expect(english).toContain('Supervision Notice');
    expect(english).toContain(decodeURIComponent(first.headers.get('x-supervision-notice')!));

    const c = (await getCase(hub, duty, id)).body.case;
    await move(hub, duty, id, c.version, { type: 'supervise', legId: c.legs[0].id });
    const second = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`, duty);
    const seq = (h: Headers) => Number(decodeURIComponent(h.get('x-supervision-notice')!).match(/第(\d+)号/)![1]);
    expect(seq(second.headers)).toBe(seq(first.headers) + 1);
    // The first 督办 can still be printed, with its own number.
    const older = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf?supervision=1`, duty);
    expect(older.headers.get('x-supervision-notice')).toBe(first.headers.get('x-supervision-notice'));
  });

  it('refuses another township’s case as if it did not exist, and allocates nothing', async () => {
    const { id } = await supervisedCase();
    const before = noticeCount();
    const refused = await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`, town2);
    expect(refused.status).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    expect(noticeCount()).toBe(before);
    expect((await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`)).status).toBe(401);
  });

  it('answers 404 for a case never supervised, and 400 for a bad language', async () => {
    const place = await pointInTownship(hub, duty, '431099001');
    const r = await report(hub, duty, {
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: place.location,
      description: '未督办的案件',
    });
    const res = await pdf(`/api/v1/cases/${r.body.caseId}/paper/supervision-notice.pdf`, duty);
    expect(res.status).toBe(404);
    expect(res.json().error.field).toBe('supervision');
    const bad = await pdf(`/api/v1/cases/${r.body.caseId}/paper/case-sheet.pdf?lang=fr`, duty);
    expect(bad.status).toBe(400);
  });
});

describe('the case sheet', () => {
  it('prints the facts, every step of the timeline and the photos', async () => {
    const { id, caseNo } = await supervisedCase();
    await pdf(`/api/v1/cases/${id}/paper/supervision-notice.pdf`, duty);
    const res = await pdf(`/api/v1/cases/${id}/paper/case-sheet.pdf`, town1);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    expect(text).toContain(caseNo);
    expect(text).toContain('村口新建违章棚屋');
    for (const step of ['上报', '立案', '派遣', '督办']) expect(text).toContain(step);
    expect(text).toMatch(/督办〔\d{4}〕第\d{4}号/);
    expect(text).toContain('scene.png');
    expect(Buffer.from(res.bytes).toString('latin1')).toContain('/Subtype /Image');
    expect((await pdf(`/api/v1/cases/${id}/paper/case-sheet.pdf`, town2)).status).toBe(404);
  });
});

describe('the monthly KPI report', () => {
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  it('prints a township’s month for its director, with the figures the KPI route gives', async () => {
    await supervisedCase();
    const res = await pdf(`/api/v1/stats/kpis/monthly-report.pdf?month=${month}`, town1);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.bytes);
    expect(text).toContain(townshipName);
    expect(text).toContain(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const kpis = await api(hub, 'GET', `/api/v1/stats/kpis?from=${from}&to=${to}`, { token: town1 });
    const closure = kpis.body.summary.closureRate;
    expect(text).toContain(`${closure.numerator} / ${closure.denominator}`);
    expect(text).toContain(`${kpis.body.summary.received} 件`);
  });

  it('refuses a township director another township’s report (403), and the county may print any', async () => {
    const refused = await pdf(`/api/v1/stats/kpis/monthly-report.pdf?month=${month}&orgUnit=431099001`, town2);
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const county = await pdf(`/api/v1/stats/kpis/monthly-report.pdf?month=${month}&orgUnit=431099001&lang=en`, duty);
    expect(county.status).toBe(200);
    expect((await pdfText(county.bytes)).text).toContain('grid management report');
    expect((await pdf(`/api/v1/stats/kpis/monthly-report.pdf?month=2026-13`, duty)).status).toBe(400);
  });
});
