/**
 * Reference data on a real hub (hub/reference/, migration 0015): version 1 is the shipped files; only an
 * administrator makes a new version or imports a calendar year; each bad edit or file is refused with its code and
 * writes nothing; a case filed after a change gets the new limit and name while one filed before keeps the old; a
 * deadline that reaches into a year without calendar data is flagged provisional, and the readiness fact names it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '../../hub/db/sql.js';
import { referenceDataReadiness } from '../../hub/reference/reference-admin.js';
import { getCase, move, pointInTownship, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
let clock = bj('2026-06-02 09:00'); // a Tuesday
let hub: TestHub;
let admin: string;
let duty: string;
let place: Awaited<ReturnType<typeof pointInTownship>>;

beforeAll(async () => {
  hub = await startTestHub({ now: () => clock, supervisionIntervalMs: 0 });
  admin = await login(hub, 'admin');
  duty = await login(hub, 'county.duty');
  place = await pointInTownship(hub, duty, '431099002');
});
afterAll(async () => hub.dispose());

const count = (table: 'reference_versions' | 'calendar_years') =>
  hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(table)}`)!.n;
const reference = async (token = duty) => (await api(hub, 'GET', '/api/v1/reference', { token })).body;
const saveVersion = (token: string, body: unknown) => api(hub, 'POST', '/api/v1/reference/versions', { token, body });
const importYear = (token: string, year: number | string, body: unknown) =>
  api(hub, 'POST', `/api/v1/reference/calendar/${year}`, { token, body });

/** Reports a 违规广告招牌 (0206) case and files it; the case is dispatched by the caller. */
async function filedCase(categoryCode = '0206') {
  const res = await report(hub, duty, {
    source: 'hotline',
    categoryCode,
    location: place.location,
    description: '广告牌',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.caseId as string;
  const filed = await move(hub, duty, id, 1, { type: 'file' });
  expect(filed.status, JSON.stringify(filed.body)).toBe(200);
  return filed.body as { id: string; version: number; refVersion?: number };
}

async function dispatch(c: { id: string; version: number }) {
  const res = await move(hub, duty, c.id, c.version, { type: 'dispatch', lead: { unitCode: '431099002' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { refVersion?: number; legs: Array<{ dueAt: number; dueProvisional?: true }> };
}

function editOf(snapshot: { versions: Array<{ version: number; taxonomy: any; deadlines: any }> }) {
  const latest = snapshot.versions.at(-1)!;
  return {
    basedOn: latest.version,
    reason: '户外广告整治：时限压缩为 1 个工作日',
    taxonomy: structuredClone(latest.taxonomy),
    deadlines: structuredClone(latest.deadlines),
  };
}

describe('reference data on the hub', () => {
  it('starts with the shipped taxonomy and deadline table as version 1, and the package calendar', async () => {
    const snapshot = await reference();
    expect(snapshot.versions).toHaveLength(1);
    expect(snapshot.versions[0]).toMatchObject({ version: 1, effectiveFrom: 0, createdBy: null });
    expect(snapshot.versions[0].taxonomy.categories).toHaveLength(9);
    const years = new Map(snapshot.calendarYears.map((y: { year: number; source: string }) => [y.year, y.source]));
    expect(years.get(2025)).toBe('package');
    expect(years.get(2027)).toBe('missing');
    expect(snapshot.calendar.coveredYears).not.toContain(2027);
  });

  it('refuses every bad edit with its code and writes nothing', async () => {
    const base = editOf(await reference());
    const removed = editOf(await reference());
    removed.taxonomy.categories[1].minors.splice(0, 1); // 0201 暴露垃圾: the demo history uses it
    delete removed.deadlines.categories['0201'];
    const zero = editOf(await reference());
    zero.deadlines.countyDefault.routine.amount = 0;
    const orphan = editOf(await reference());
    orphan.deadlines.categories['0998'] = { routine: { amount: 1, unit: 'working_days' } };
    const misplaced = editOf(await reference());
    misplaced.taxonomy.categories[0].minors[0].code = '0299';
    const cases: Array<[string, unknown, number, string, string?]> = [
      [duty, base, 403, 'forbidden'],
      [admin, { ...base, basedOn: 7 }, 409, 'conflict', 'basedOn'],
      [admin, removed, 409, 'category_in_use', 'taxonomy'],
      [admin, zero, 400, 'validation_failed', 'deadlines.countyDefault.routine.amount'],
      [admin, orphan, 400, 'validation_failed', 'deadlines.categories.0998'],
      [admin, misplaced, 400, 'validation_failed', 'taxonomy.categories.0.minors.0.code'],
      [admin, { ...base, reason: '' }, 400, 'validation_failed', 'reason'],
    ];
    for (const [token, body, status, code, field] of cases) {
      const res = await saveVersion(token, body);
      expect(res.status, `${code} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (field) expect(res.body.error.field).toBe(field);
    }
    expect(count('reference_versions')).toBe(1);
    expect((await reference()).versions).toHaveLength(1);
  });

  it('applies a new version to cases filed after it; a case filed before keeps its own', async () => {
    const before = await filedCase(); // filed under version 1: 0206 takes its major's 3 working days
    expect(before.refVersion).toBe(1);

    clock = bj('2026-06-02 10:00');
    const edit = editOf(await reference());
    edit.deadlines.categories['0206'] = { name: '违规广告招牌', routine: { amount: 1, unit: 'working_days' } };
    edit.taxonomy.categories[1].minors[5].zh = '违规户外广告招牌';
    const saved = await saveVersion(admin, edit);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ version: 2, effectiveFrom: clock, reason: edit.reason });
    expect(count('reference_versions')).toBe(2);

    clock = bj('2026-06-02 11:00');
    const after = await filedCase();
    expect(after.refVersion).toBe(2);

    // Both dispatched at the same moment, after the change: each by its own version's limit.
    clock = bj('2026-06-02 16:00'); // Tuesday
    const detail = await getCase(hub, duty, before.id);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const old = await dispatch(detail.body.case);
    const neu = await dispatch((await getCase(hub, duty, after.id)).body.case);
    expect(old.refVersion).toBe(1);
    expect(old.legs[0]!.dueAt).toBe(bj('2026-06-05 16:00')); // 3 working days: Wed, Thu, Fri
    expect(neu.legs[0]!.dueAt).toBe(bj('2026-06-03 16:00')); // 1 working day
    expect(old.legs[0]!.dueProvisional).toBeUndefined();

    // The names of both versions stay readable for the consoles.
    const versions = (await reference()).versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0].taxonomy.categories[1].minors[5].zh).toBe('违规广告招牌');
    expect(versions[1].taxonomy.categories[1].minors[5].zh).toBe('违规户外广告招牌');
  });

  it('retires a category: no new report may use it, and a filing cannot switch a case to it', async () => {
    const edit = editOf(await reference());
    edit.taxonomy.categories[1].minors[5].retired = true;
    edit.reason = '并入市容类，停用';
    expect((await saveVersion(admin, edit)).status).toBe(201);
    const refused = await report(hub, duty, {
      source: 'hotline',
      categoryCode: '0206',
      location: place.location,
      description: 'x',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', field: 'categoryCode' });
    const res = await report(hub, duty, {
      source: 'hotline',
      categoryCode: '0205',
      location: place.location,
      description: 'y',
    });
    const switched = await move(hub, duty, res.body.caseId, 1, { type: 'file', categoryCode: '0206' });
    expect(switched.status).toBe(400);
    expect(switched.body.error.field).toBe('move.categoryCode');
    const unknown = await move(hub, duty, res.body.caseId, 1, { type: 'file', categoryCode: '0998' });
    expect(unknown.status).toBe(400);
  });
});

describe('the working calendar', () => {
  it('flags a deadline reaching into a year without data as provisional, and readiness names that year', async () => {
    clock = bj('2026-12-30 09:00'); // Wednesday; 2027 is not in chinese-days 1.5.7
    [admin, duty] = [await login(hub, 'admin'), await login(hub, 'county.duty')]; // the old sessions expired
    expect(referenceDataReadiness(hub.context)).toMatchObject({ ok: true, currentYear: 2026, missingYears: [2027] });
    expect(referenceDataReadiness(hub.context, bj('2027-03-01 09:00'))).toMatchObject({
      ok: false,
      missingYears: [2027, 2028],
    });
    const c = await filedCase('0203'); // 违法建设: 15 working days, into 2027
    const dispatched = await dispatch(c);
    expect(dispatched.legs[0]!.dueProvisional).toBe(true);
  });

  it('takes an administrator’s import of a year, refusing bad files without writing anything', async () => {
    const bad: Array<[string, number | string, unknown, number, string]> = [
      [duty, 2027, { format: 'csv', content: 'date,type\n2027-01-01,holiday' }, 403, 'forbidden'],
      [admin, 2027, { format: 'csv', content: 'day,kind\n2027-01-01,holiday' }, 400, 'calendar_import_invalid'],
      [
        admin,
        2027,
        { format: 'csv', content: 'date,type\n2027-01-05,workday\n2027-01-01,holiday' },
        400,
        'calendar_import_invalid',
      ],
      [
        admin,
        2027,
        { format: 'json', content: '{"holidays": ["2026-10-01"], "makeupWorkdays": []}' },
        400,
        'calendar_import_invalid',
      ],
      [admin, 1999, { format: 'csv', content: 'date,type\n1999-01-01,holiday' }, 400, 'validation_failed'],
      [admin, 2027, { format: 'xlsx', content: 'x' }, 400, 'validation_failed'],
    ];
    for (const [token, year, body, status, code] of bad) {
      const res = await importYear(token, year, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const invalid = await importYear(admin, 2027, {
      format: 'csv',
      content: 'date,type\n2027-01-05,workday\n2027-13-01,holiday',
    });
    expect(invalid.body.error.message).toContain('line 3');
    expect(count('calendar_years')).toBe(0);

    const csv = [
      'date,type',
      '2027-01-01,holiday',
      '2027-02-06,holiday',
      '2027-02-07,holiday',
      '2027-02-08,holiday',
      '2027-02-20,workday',
    ];
    const ok = await importYear(admin, 2027, { format: 'csv', content: csv.join('\n'), note: '国办发明电〔2026〕号' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.years.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      source: 'imported',
      holidays: 4,
      makeupWorkdays: 1,
    });
    expect(count('calendar_years')).toBe(1);
    expect(referenceDataReadiness(hub.context)).toMatchObject({ ok: true, missingYears: [] });
    const snapshot = await reference();
    expect(snapshot.calendar.coveredYears).toContain(2027);

    // A dispatch now counts the imported New Year's Day and is no longer provisional.
    const c = await filedCase('0203');
    const dispatched = await dispatch(c);
    expect(dispatched.legs[0]!.dueProvisional).toBeUndefined();
  });
});
