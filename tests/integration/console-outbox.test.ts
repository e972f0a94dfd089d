/**
 * The outbox against a real hub that goes away and comes back on the same file and port: writes made meanwhile
 * are answered as queued, replayed in order exactly once (the hub's history has one row per move), a write the hub
 * refuses on replay is kept and shown with what happened instead, and the outbox outlives the console service.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../hub/server.js';
import { getCase, move, pointInTownship, report } from '../support/cases.js';
import { openConsole, storeDir, waitOffline, type TestConsole } from '../support/console-fixture.js';
import { restartHub, until } from '../support/hub-restart.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

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

/** A console of the county duty officer with two fresh cases on its board, then the hub goes down. */
async function offlineWithCases(descriptions: string[]) {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  store = storeDir();
  const duty = await login(hub, 'county.duty');
  const place = await pointInTownship(hub, duty, '431099001');
  const ids: string[] = [];
  for (const description of descriptions) {
    const res = await report(hub, duty, {
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: place.location,
      description,
    });
    ids.push(res.body.caseId as string);
  }
  const c = openConsole(hub.url, store.storePath);
  consoles.push(c);
  await c.login('county.duty');
  const board = await c.value('cases.board');
  const versions = ids.map((id) => board.cases.find((x: any) => x.id === id).version as number);
  await hub.close();
  await waitOffline(c);
  return { c, ids, versions, place };
}

const moveCall = (caseId: string, key: string, expectedVersion: number, m: Record<string, unknown>) => ({
  caseId,
  idempotencyKey: key,
  request: { expectedVersion, move: m },
});

async function historyOf(h: { url: string }, caseId: string) {
  return (await getCase(h, await login(h, 'county.duty'), caseId)).body.history as Array<{ move: string }>;
}

describe('the outbox', () => {
  it('queues moves and reports while the hub is down and replays them in order, exactly once', async () => {
    const { c, ids, versions, place } = await offlineWithCases(['离线立案派遣', '离线作废']);
    const [a, b] = ids as [string, string];
    const filed = await c.value('cases.move', moveCall(a, 'offline-a-file', versions[0]!, { type: 'file' }));
    expect(filed).toMatchObject({ id: a, status: 'filed', version: versions[0]! + 1, queued: { outboxId: 1 } });
    // Chained on the queued guess: the next move expects the version the first one will produce.
    const lead = { unitCode: '431099001' };
    const dispatched = await c.value(
      'cases.move',
      moveCall(a, 'offline-a-dispatch', filed.version, { type: 'dispatch', lead }),
    );
    expect(dispatched).toMatchObject({ status: 'dispatched', version: versions[0]! + 2, queued: { outboxId: 2 } });
    const voided = await c.value(
      'cases.move',
      moveCall(b, 'offline-b-void', versions[1]!, { type: 'void', reason: '重复' }),
    );
    expect(voided.queued.outboxId).toBe(3);
    const reportCall = {
      idempotencyKey: 'offline-report-0001',
      report: {
        source: 'hotline',
        categoryName: '违法建设',
        location: place.location,
        description: '断网时接到的热线',
      },
    };
    expect(await c.value('cases.report', reportCall)).toEqual({
      queued: { outboxId: 4, queuedAt: expect.any(String) },
    });
    // A double click (same key) is the same row, not a second write.
    expect((await c.value('cases.move', moveCall(a, 'offline-a-file', versions[0]!, { type: 'file' }))).queued).toEqual(
      filed.queued,
    );
    // The machine's refusal comes at once, not after the hub is back.
    expect(
      await c.call('cases.move', moveCall(b, 'offline-b-check', versions[1]! + 1, { type: 'sign', legId: 'x' })),
    ).toMatchObject({ ok: false });
    expect(c.service.connection.outbox).toEqual({ pending: 4, refused: 0 });
    expect((await c.value('outbox.list')).items.map((i: any) => [i.id, i.kind, i.state])).toEqual([
      [1, 'move', 'pending'],
      [2, 'move', 'pending'],
      [3, 'move', 'pending'],
      [4, 'report', 'pending'],
    ]);
    const board = await c.value('cases.board');
    expect(board.cases.find((x: any) => x.id === a)).toMatchObject({ status: 'dispatched', queued: { outboxId: 2 } });

    hubs.push(await restartHub(hub));
    await until(() => c.service.connection.state === 'online' && c.service.connection.outbox === undefined, 30_000);
    expect((await c.value('outbox.list')).items).toEqual([]);

    expect((await historyOf(hub, a)).map((h) => h.move)).toEqual(['report', 'file', 'dispatch']);
    expect((await historyOf(hub, b)).map((h) => h.move)).toEqual(['report', 'void']);
    const token = await login(hub, 'county.duty');
    const onHub = (await api(hub, 'GET', '/api/v1/cases/board', { token })).body.cases as any[];
    expect(onHub.filter((x) => x.description === '断网时接到的热线')).toHaveLength(1);
    // The board now holds the hub's case again, no longer the queued guess.
    const live = (await c.value('cases.board')).cases.find((x: any) => x.id === a);
    expect(live).toMatchObject({ status: 'dispatched', version: versions[0]! + 2 });
    expect(live.queued).toBeUndefined();
    expect(c.pushes.some((p) => p.push === 'case.changed' && p.payload.case.id === a)).toBe(true);
  });

  it('replays a move whose answer was lost without applying it twice', async () => {
    const { c, ids, versions } = await offlineWithCases(['回执丢失的立案']);
    const id = ids[0]!;
    await c.value('cases.move', moveCall(id, 'lost-answer-0001', versions[0]!, { type: 'file' }));
    // The hub did get it (as if the answer had been lost on the way back): same user, same key.
    const elsewhere = await createHub({ dbPath: hub.dbPath, demo: true, supervisionIntervalMs: 0 });
    const sent = await move(
      elsewhere,
      await login(elsewhere, 'county.duty'),
      id,
      versions[0]!,
      { type: 'file' },
      'lost-answer-0001',
    );
    expect(sent.status).toBe(200);
    await elsewhere.close();

    hubs.push(await restartHub(hub));
    await until(() => c.service.connection.state === 'online' && c.service.connection.outbox === undefined, 30_000);
    expect((await historyOf(hub, id)).map((h) => h.move)).toEqual(['report', 'file']);
  });

  it('keeps a move the hub refuses on replay and shows what happened instead', async () => {
    const { c, ids, versions } = await offlineWithCases(['离线时被他人处理', '离线时无人处理']);
    const [x, y] = ids as [string, string];
    const filed = await c.value('cases.move', moveCall(x, 'refused-x-file', versions[0]!, { type: 'file' }));
    await c.value(
      'cases.move',
      moveCall(x, 'refused-x-dispatch', filed.version, { type: 'dispatch', lead: { unitCode: '431099001' } }),
    );
    await c.value('cases.move', moveCall(y, 'accepted-y-file', versions[1]!, { type: 'file' }));

    // Another console voids case x meanwhile.
    const elsewhere = await createHub({ dbPath: hub.dbPath, demo: true, supervisionIntervalMs: 0 });
    const other = await move(elsewhere, await login(elsewhere, 'county.duty2'), x, versions[0]!, {
      type: 'void',
      reason: '重复上报',
    });
    expect(other.status).toBe(200);
    await elsewhere.close();

    hubs.push(await restartHub(hub));
    await until(() => c.service.connection.outbox?.pending === 0, 30_000, 'replay done');
    expect(c.service.connection.outbox).toEqual({ pending: 0, refused: 2 });
    const refusals = c.pushes.filter((p) => p.push === 'outbox.refused').map((p) => p.payload);
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({
      item: { kind: 'move', caseId: x, state: 'refused', request: { move: { type: 'file' } } },
      error: {
        code: 'conflict',
        message: expect.stringContaining('someone else already'),
        params: { lastMove: 'void' },
      },
      currentCase: { id: x, status: 'void', version: versions[0]! + 1 },
    });
    // The chained dispatch expected the version the void now has: the hub finds a void case cannot be dispatched.
    expect(refusals[1]).toMatchObject({
      item: { caseId: x, request: { move: { type: 'dispatch' } } },
      error: { code: 'invalid_transition' },
      currentCase: { status: 'void' },
    });
    // The other case went through; x's history has the other console's move only.
    expect((await historyOf(hub, y)).map((h) => h.move)).toEqual(['report', 'file']);
    expect((await historyOf(hub, x)).map((h) => h.move)).toEqual(['report', 'void']);

    const listed = (await c.value('outbox.list')).items;
    expect(listed.map((i: any) => [i.state, i.error.code])).toEqual([
      ['refused', 'conflict'],
      ['refused', 'invalid_transition'],
    ]);
    expect(await c.value('outbox.dismiss', { id: listed[0].id })).toEqual({ ok: true });
    expect((await c.value('outbox.list')).items).toHaveLength(1);
    expect(c.service.connection.outbox).toEqual({ pending: 0, refused: 1 });
  });

  it('holds writes behind older offline ones while the hub refuses with 503, and answers them once it accepts', async () => {
    const { c, ids, versions, place } = await offlineWithCases(['繁忙时补发一', '繁忙时补发二']);
    const [a, b] = ids as [string, string];
    await c.value('cases.move', moveCall(a, 'busy-a-file', versions[0]!, { type: 'file' }));
    // Back, but refusing every write for back-pressure: the replay stops and keeps the row, it does not refuse it.
    const busy = await restartHub(hub, { maxWriteBacklog: 0 });
    hubs.push(busy);
    await until(async () => (await c.value('outbox.list')).items[0]?.attempts >= 1, 30_000, 'first try');
    expect(c.service.connection.state).toBe('online');
    const held = await c.value('cases.move', moveCall(b, 'busy-b-file', versions[1]!, { type: 'file' }));
    expect(held).toMatchObject({ status: 'filed', queued: { outboxId: 2 } });
    expect(c.service.connection.outbox).toEqual({ pending: 2, refused: 0 });

    (busy.context as { maxWriteBacklog: number }).maxWriteBacklog = 5000;
    const receipt = await c.value('cases.report', {
      idempotencyKey: 'busy-report-0001',
      report: {
        source: 'hotline',
        categoryName: '违法建设',
        location: place.location,
        description: '繁忙后接到的热线',
      },
    });
    // The hub's own receipt (a case number), after the two older moves: nothing overtook them.
    expect(receipt).toMatchObject({ caseNo: expect.any(String), status: 'reported' });
    expect(receipt.queued).toBeUndefined();
    const at = async (id: string) => (await getCase(busy, await login(busy, 'county.duty'), id)).body.history;
    const [fileA, fileB, reported] = [(await at(a))[1], (await at(b))[1], (await at(receipt.caseId))[0]];
    expect([fileA.move, fileB.move, reported.move]).toEqual(['file', 'file', 'report']);
    expect(fileA.at).toBeLessThanOrEqual(fileB.at);
    expect(fileB.at).toBeLessThanOrEqual(reported.at);
    expect((await c.value('outbox.list')).items).toEqual([]);
  });

  it('survives closing and reopening the console service', async () => {
    const { c, ids, versions } = await offlineWithCases(['重启后补发']);
    const id = ids[0]!;
    await c.value('cases.move', moveCall(id, 'restart-file-0001', versions[0]!, { type: 'file' }));
    c.service.close();

    hubs.push(await restartHub(hub));
    const reopened = openConsole(hub.url, store.storePath);
    consoles.push(reopened);
    await reopened.login('county.duty');
    await until(async () => (await reopened.value('outbox.list')).items.length === 0, 30_000, 'outbox drained');
    expect((await historyOf(hub, id)).map((h) => h.move)).toEqual(['report', 'file']);
  });

  it('sends moves straight to the hub when it is up, and an online refusal is an answer, not an outbox row', async () => {
    const { c, ids, versions } = await offlineWithCases(['在线立案']);
    hubs.push(await restartHub(hub));
    await until(() => c.service.connection.state === 'online', 30_000);
    const open = { id: ids[0]!, version: versions[0]! };
    const moved = await c.value('cases.move', moveCall(open.id, 'online-file-0001', open.version, { type: 'file' }));
    expect(moved.queued).toBeUndefined();
    expect(
      await c.call('cases.move', moveCall(open.id, 'online-stale-0001', open.version, { type: 'file' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await c.value('outbox.list')).items).toEqual([]);
  });
});
