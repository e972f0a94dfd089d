/**
 * "Who holds this case" on a real hub: the county dispatches a town01 case to town02 as lead (and a department as
 * assist). Town02 must find it everywhere a console looks — the board, the change feed, the catch-up from the board's
 * sequence after a reload, the case detail — and town03 nowhere. The SQL behind the board and feed cuts by the
 * `case_holders` index, checked with EXPLAIN QUERY PLAN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesSince, listBoard } from '../../hub/cases/cases-store.js';
import { sql, type SqlQuery } from '../../hub/db/sql.js';
import { getCase, move, openCaseIn } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let duty: string;
let town2: string;
let town3: string;
let caseId: string;
let seqBeforeDispatch: number;

beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  duty = await login(hub, 'county.duty');
  town2 = await login(hub, 'town02.director');
  town3 = await login(hub, 'town03.director');
  caseId = await openCaseIn(hub, duty, '431099001');
  // Town02 loaded its board before the dispatch: its catch-up starts from this sequence.
  seqBeforeDispatch = (await api(hub, 'GET', '/api/v1/cases/board', { token: town2 })).body.lastSeq;
  let c = (await getCase(hub, duty, caseId)).body.case;
  c = (await move(hub, duty, caseId, c.version, { type: 'file' })).body;
  const dispatched = await move(hub, duty, caseId, c.version, {
    type: 'dispatch',
    lead: { unitCode: '431099002' },
    assists: [{ unitCode: 'dept:zhujian' }],
  });
  expect(dispatched.status).toBe(200);
});
afterAll(() => hub.dispose());

const boardIds = async (token: string) =>
  ((await api(hub, 'GET', '/api/v1/cases/board', { token })).body.cases as Array<{ id: string }>).map((c) => c.id);
const feedIds = async (token: string, since: number) =>
  (
    (await api(hub, 'GET', `/api/v1/cases/changes?since=${since}`, { token })).body.changes as Array<{
      case: { id: string };
    }>
  ).map((ch) => ch.case.id);

describe('a case dispatched across townships', () => {
  it('is on the lead township’s board after a reload, and on no other township’s', async () => {
    expect(await boardIds(town2)).toContain(caseId);
    expect(await boardIds(town3)).not.toContain(caseId);
  });

  it('reaches the lead township through the change feed and the catch-up from its old board sequence', async () => {
    expect(await feedIds(town2, 0)).toContain(caseId);
    expect(await feedIds(town2, seqBeforeDispatch)).toContain(caseId);
    expect(await feedIds(town3, 0)).not.toContain(caseId);
  });

  it('opens for the lead township and the county (acting for the department leg), not for town03', async () => {
    expect((await getCase(hub, town2, caseId)).status).toBe(200);
    expect((await getCase(hub, duty, caseId)).status).toBe(200);
    expect((await getCase(hub, town3, caseId)).status).toBe(404);
  });

  it('cuts the board and the feed on the case_holders indexes (EXPLAIN QUERY PLAN)', () => {
    const db = hub.context.db;
    const holders = db
      .all<{ org_code: string }>(
        sql`
        SELECT org_code FROM case_holders h JOIN cases c ON c.id = h.case_id WHERE c.case_no = ${caseId}`,
      )
      .map((r) => r.org_code);
    expect(holders).toEqual(expect.arrayContaining(['431099002', 'dept:zhujian']));

    const plans: string[] = [];
    const all = db.all.bind(db);
    db.all = ((query: SqlQuery) => {
      const rows = db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>;
      plans.push(rows.map((r) => r.detail).join(' | '));
      return all(query);
    }) as typeof db.all;
    try {
      listBoard(db, '431099002', 0, 10);
      changesSince(db, '431099002', seqBeforeDispatch, 10);
    } finally {
      db.all = all;
    }
    const [board, feed] = plans;
    expect(board).toMatch(
      /SEARCH case_holders USING (COVERING )?INDEX case_holders_open \(org_code>\? AND org_code<\?\)/,
    );
    expect(board).toMatch(/SEARCH case_holders USING (COVERING )?INDEX case_holders_closed \(closed_at>\?\)/);
    expect(board).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(board).not.toMatch(/SCAN (c|cases)\b/);
    expect(feed).toMatch(/SEARCH ch USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(feed).not.toMatch(/SCAN (c|cases)\b/);
    expect(feed).toMatch(/SEARCH h EXISTS USING PRIMARY KEY \(case_id=\? AND org_code>\? AND org_code<\?\)/);
  });
});
