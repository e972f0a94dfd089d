/**
 * The console's store against a real hub that goes away: the org tree, cameras, board and case detail stay
 * readable (and say as of when), changes made meanwhile are caught up on reconnect, and one user's cache is never
 * another's.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hub } from '../../hub/server.js';
import { move, pointInTownship, report } from '../support/cases.js';
import { openConsole, storeDir, waitOffline, waitOnline, type TestConsole } from '../support/console-fixture.js';
import { restartHub, until } from '../support/hub-restart.js';
import { createHub } from '../../hub/server.js';
import { login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
const hubs: Hub[] = [];
const consoles: TestConsole[] = [];
let store: ReturnType<typeof storeDir>;
afterEach(async () => {
  consoles.splice(0).forEach((c) => c.service.close());
  for (const h of hubs.splice(0)) await h.close();
  await hub?.dispose();
  store?.remove();
});

async function setUp() {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  store = storeDir();
  const console1 = openConsole(hub.url, store.storePath);
  consoles.push(console1);
  return console1;
}

async function newCase(token: string, description: string) {
  const place = await pointInTownship(hub, token, '431099001');
  const res = await report(hub, token, {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: place.location,
    description,
  });
  expect(res.status).toBe(201);
  return res.body.caseId as string;
}

describe('the console store while the hub is down', () => {
  it('answers org tree, cameras, board and a case from the store, saying as of when', async () => {
    const c = await setUp();
    await c.login('town01.director');
    const duty = await login(hub, 'county.duty');
    // Reported twice at the same spot: the second's history carries a machine note, which the cache must keep.
    const earlier = await newCase(duty, '先报的案件');
    const caseId = await newCase(duty, '离线可读的案件');
    const units = await c.value('org.units');
    const cameras = await c.value('cameras.list');
    const board = await c.value('cases.board');
    const detail = await c.value('cases.get', { caseId });
    expect(units.length).toBeGreaterThan(10);
    expect(cameras.length).toBeGreaterThan(0);
    expect(board.cases.map((x: any) => x.id)).toContain(caseId);
    expect(c.service.connection.cachedAt).toBeUndefined();
    expect(detail.history[0]).toMatchObject({ noteCode: 'possible_duplicate', noteParams: { caseIds: earlier } });

    const before = Date.now();
    await hub.close();
    await waitOffline(c);
    const status = await c.value('connection.status');
    expect(status.state).toBe('offline');
    expect(Date.parse(status.cachedAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(status.cachedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(c.pushes.some((p) => p.push === 'connection.changed' && p.payload.cachedAt)).toBe(true);

    expect(await c.value('org.units')).toEqual(units);
    expect(await c.value('cameras.list')).toEqual(cameras);
    const offlineBoard = await c.value('cases.board');
    expect(offlineBoard.cases.map((x: any) => x.id).sort()).toEqual(board.cases.map((x: any) => x.id).sort());
    expect(offlineBoard.lastSeq).toBe(board.lastSeq);
    expect(await c.value('cases.get', { caseId })).toEqual(detail);
    // What was never read cannot be shown: said plainly, not faked.
    expect(await c.call('stats.kpis', { from: '2026-01-01', to: '2026-02-01' })).toMatchObject({
      ok: false,
      error: { code: 'hub_unreachable' },
    });

    hubs.push(await restartHub(hub));
    await waitOnline(c);
    expect(c.service.connection.cachedAt).toBeUndefined();
  });

  it('catches up from the last change seen — also after a restart of the console — into the cached board', async () => {
    const c = await setUp();
    await c.login('county.duty');
    const duty2 = await login(hub, 'county.duty2');
    const caseId = await newCase(duty2, '断网期间被他人立案');
    await until(() => c.pushes.some((p) => p.push === 'case.changed' && p.payload.case.id === caseId));
    const board = await c.value('cases.board');
    const version = board.cases.find((x: any) => x.id === caseId).version;
    await hub.close();
    await waitOffline(c);
    c.service.close();

    // Meanwhile another console files the case (the hub up on another port, same database).
    const elsewhere = await createHub({ dbPath: hub.dbPath, demo: true, supervisionIntervalMs: 0 });
    const filed = await move(elsewhere, await login(elsewhere, 'county.duty2'), caseId, version, { type: 'file' });
    expect(filed.status).toBe(200);
    await elsewhere.close();

    // A restarted console: the store remembers the sequence it had reached, and catches up from there.
    hubs.push(await restartHub(hub));
    const restarted = openConsole(hub.url, store.storePath);
    consoles.push(restarted);
    await restarted.login('county.duty');
    await until(() => restarted.pushes.some((p) => p.push === 'case.changed' && p.payload.case.id === caseId));
    const caught = restarted.pushes.find((p) => p.push === 'case.changed' && p.payload.case.id === caseId)!;
    expect(caught.payload).toMatchObject({ case: { status: 'filed', version: version + 1 } });
    expect(caught.payload.seq).toBeGreaterThan(board.lastSeq);

    // The cached board has it, without the board ever being loaded again.
    await hubs.pop()!.close();
    await waitOffline(restarted);
    const offline = await restarted.value('cases.board');
    expect(offline.cases.find((x: any) => x.id === caseId)).toMatchObject({ status: 'filed', version: version + 1 });
  });

  it('never shows one user’s cache or outbox to another user of the same console', async () => {
    const c = await setUp();
    const caseId = await newCase(await login(hub, 'county.duty'), '乡镇一离线立案');
    await c.login('town01.director');
    await c.value('org.units');
    await c.value('cameras.list');
    const some = (await c.value('cases.board')).cases.find((x: any) => x.id === caseId);
    await hub.close();
    await waitOffline(c);
    const queued = await c.value('cases.move', {
      caseId,
      idempotencyKey: 'town01-offline-0001',
      request: { expectedVersion: some.version, move: { type: 'file' } },
    });
    expect(queued).toMatchObject({ status: 'filed', queued: { outboxId: 1 } });
    await c.value('session.logout');

    hubs.push(await restartHub(hub));
    await c.login('town02.director');
    await hubs.pop()!.close();
    await waitOffline(c);
    for (const method of ['org.units', 'cameras.list', 'cases.board']) {
      expect(await c.call(method), method).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
    }
    expect(await c.value('outbox.list')).toEqual({ items: [] });
    expect(c.service.connection.outbox).toBeUndefined();
    expect(await c.call('cases.get', { caseId })).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });

    // The first user's rows are still there, under their own id only.
    const raw = new Database(store.storePath, { readonly: true });
    try {
      const users = raw.prepare('SELECT DISTINCT user_id FROM cached_org_units').all() as Array<{ user_id: string }>;
      expect(users).toHaveLength(1);
      expect(raw.prepare(`SELECT state FROM outbox`).all()).toEqual([{ state: 'pending' }]);
    } finally {
      raw.close();
    }
  });
});
