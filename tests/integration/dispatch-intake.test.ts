/** Intake on a real hub: validation (each bad input → its 4xx, nothing written), idempotent retries, duplicates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import { getCase, pointInTownship, report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let duty: string;
let place: Awaited<ReturnType<typeof pointInTownship>>;
beforeAll(async () => {
  hub = await startTestHub();
  duty = await login(hub, 'county.duty');
  place = await pointInTownship(hub, duty, '431099003');
});
afterAll(async () => hub.dispose());

const countCases = () => hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)!.n;
const good = () => ({
  source: 'hotline',
  categoryName: '暴露垃圾',
  location: place.location,
  description: '路边垃圾堆放三天无人清理',
});

describe('intake', () => {
  it('files a report into the grid its point falls in', async () => {
    const res = await report(hub, duty, good());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'reported',
      gridCode: place.gridCode,
      caseNo: expect.stringMatching(/^\d{8}-\d{6}$/),
    });
  });

  it('refuses each bad input with its own error and field, writing nothing', async () => {
    const before = countCases();
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ ...good(), location: { lon: 116.4, lat: 39.9 } }, 400, 'outside_county', 'location'],
      [{ ...good(), categoryName: '不存在的小类' }, 400, 'validation_failed', 'categoryName'],
      [{ ...good(), categoryName: undefined, categoryCode: '9999' }, 400, 'validation_failed', 'categoryCode'],
      [{ ...good(), description: '   ' }, 400, 'validation_failed', 'description'],
      [{ ...good(), source: 'rumour' }, 400, 'validation_failed', 'source'],
      [{ ...good(), grade: 'apocalyptic' }, 400, 'validation_failed', 'grade'],
      [{ ...good(), location: { lon: 'east', lat: 25.9 } }, 400, 'validation_failed', 'location.lon'],
      [{ ...good(), reportedAt: '2099-01-01T00:00:00+08:00' }, 400, 'validation_failed', 'reportedAt'],
      [{ ...good(), unexpected: true }, 400, 'validation_failed'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await report(hub, duty, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
      if (field) expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    const huge = await api(hub, 'POST', '/api/v1/events', {
      token: duty,
      headers: { 'idempotency-key': 'huge-body-0001' },
      rawBody: JSON.stringify({ ...good(), description: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const noKey = await api(hub, 'POST', '/api/v1/events', { token: duty, body: good() });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.field).toBe('Idempotency-Key');
    expect(countCases()).toBe(before);
  });

  it('answers a retry with the first result and never files twice', async () => {
    const before = countCases();
    const first = await report(hub, duty, good(), 'retry-key-0001');
    const again = await report(hub, duty, good(), 'retry-key-0001');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(countCases()).toBe(before + 1);
    const reused = await report(hub, duty, { ...good(), description: '另一件事' }, 'retry-key-0001');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('suggests merging a report near an open case of the same category', async () => {
    const first = await report(hub, duty, { ...good(), categoryName: '占道经营' });
    const near = { lon: place.location.lon + 0.0003, lat: place.location.lat };
    const second = await report(hub, duty, { ...good(), categoryName: '占道经营', location: near });
    expect(second.body.duplicates).toEqual([expect.objectContaining({ caseId: first.body.caseId })]);
    expect(second.body.duplicates[0].distanceM).toBeLessThanOrEqual(100);
    // The report row notes the suspicion as a code with the cited cases, for the console to word.
    const [reported] = (await getCase(hub, duty, second.body.caseId)).body.history;
    expect(reported).toMatchObject({
      move: 'report',
      noteCode: 'possible_duplicate',
      noteParams: { caseIds: first.body.caseId },
    });
    expect(reported.note).toBeUndefined();
    const other = await report(hub, duty, { ...good(), categoryName: '乱堆乱放', location: near });
    expect(other.body.duplicates).toEqual([]);
  });

  it('lets a grid worker report only in its own grid', async () => {
    const worker = await login(hub, 'grid.worker');
    const me = (await api(hub, 'GET', '/api/v1/auth/me', { token: worker })).body;
    const own = (await api(hub, 'GET', '/api/v1/org-units', { token: worker })).body.items[0];
    expect(own.code).toBe(me.orgUnitCode);
    const ok = await report(hub, worker, {
      ...good(),
      source: 'grid_worker',
      location: { lon: own.center[0], lat: own.center[1] },
    });
    expect(ok.status).toBe(201);
    const elsewhere = await report(hub, worker, { ...good(), source: 'grid_worker' });
    expect(elsewhere.status).toBe(403);
  });

  it('refuses reports from roles that do not report', async () => {
    const wall = await login(hub, 'county.wall');
    expect((await report(hub, wall, good())).status).toBe(403);
  });
});
