/**
 * A console on another machine: the county hub in one network namespace, a township console host (web host +
 * console store + headless Chromium) in another, one veth hop with 20 ms of netem delay on the township's side —
 * printed beside the same console on the hub's own host over 127.0.0.1. Figures: time to first frame of one tile
 * and of a 9-tile wall (the tiles' own data-ttff: ticket request → first decoded frame), board load (menu click →
 * board shown), push latency (the report's POST at the hub → the event in the console page; 60 reports at 5/s),
 * and catch-up after a partition with 200 changes made on the hub meanwhile (link back → every change on the board).
 *
 * The partition: the link is really cut (`ip link set … down`) for --partition-seconds (default 60). What a
 * 10-minute partition changes in the console's logic is all reached within that minute — the socket has timed out
 * (≤ 15 s), socket.io's reconnect backoff has reached its ceiling, the store answers reads and the hub token (12 h)
 * is still valid — so the catch-up that follows is the same; only wall-clock waiting is saved.
 *
 * Needs root and iproute2 (netns, tc netem) and the built renderer; prints one line and exits 0 where it cannot run.
 */
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsUnavailable } from '../tests/support/netns.js';
import { startMultiHostRig, type MultiHostRig } from '../tests/support/multi-host.js';
import { startHubProcess, percentile } from './lib/hub-process.js';
import { fillWall, flag, fmt, tileFacts, waitUntil } from './lib/wall-bench.js';

const TOWN = '431099001';
const PARTITION_MS = flag('partition-seconds', 60) * 1000;
const CHANGES = flag('changes', 200);

const unavailable = netnsUnavailable();
if (unavailable) {
  console.log(`remote-console bench skipped: network namespaces cannot be created here (${unavailable})`);
  process.exit(0);
}
if (!existsSync('out/renderer/index.html')) throw new Error('build the renderer first: npm run build:renderer');

async function value(page: Page, method: string, body: unknown = {}): Promise<any> {
  const answer: any = await page.evaluate(
    async ([m, b]) =>
      (
        await fetch(`/rpc/${m}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        })
      ).json(),
    [method, body] as const,
  );
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

interface Figures {
  tile1: number;
  wall9: number;
  wall9Median: number;
  board: number;
  pushP50: number;
  pushP99: number;
  pushes: number;
  catchUp?: number;
}

async function measure(rig: MultiHostRig, cutLink: boolean): Promise<Figures> {
  const host = rig.consoles[0]!;
  const page = await host.browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await page.goto(host.url);
  await page.getByTestId('login-username').fill('town01.director');
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-status').and(page.locator('[data-state=online]')).waitFor();
  const cameras = ((await value(page, 'cameras.list')) as Array<{ id: string; sensitive: boolean; online: boolean }>)
    .filter((c) => !c.sensitive && c.online)
    .map((c) => c.id);

  // Board: from the menu click to the board shown (its first load, over the link).
  let started = Date.now();
  await page.getByTestId('nav-dispatch').click();
  await page.locator('[data-testid=dispatch-board][data-loading=false]').waitFor();
  const board = Date.now() - started;

  await page.getByTestId('nav-wall').click();
  await page.getByTestId('wall-view').waitFor();
  const ttffs = async (count: number) => {
    await waitUntil(
      async () => (await tileFacts(page)).filter((t) => t.ttff !== null).length >= count,
      90_000,
      'first frames',
    );
    return (await tileFacts(page)).flatMap((t) => (t.ttff === null ? [] : [t.ttff]));
  };
  await fillWall(page, '1', cameras.slice(0, 1));
  const tile1 = (await ttffs(1))[0]!;
  await fillWall(page, '9', cameras.slice(1, 10));
  const nine = await ttffs(9);

  // Pushes: the page listens on its own event stream (as a second tab would) and stamps each case change.
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (globalThis as unknown as { benchSeen: Record<string, number> }).benchSeen = seen;
    const source = new EventSource('/rpc/events');
    source.onmessage = (event) => {
      const { push, payload } = JSON.parse(event.data as string);
      if (push === 'case.changed' && !(payload.case.id in seen)) seen[payload.case.id] = Date.now();
    };
  });
  await page.waitForTimeout(1000);
  const sent = (await rig.runInHub('bench/lib/netns-reports.ts', [rig.hubUrl, TOWN, '60', '200', 'push']))
    .split('\n')
    .map((line) => JSON.parse(line) as { caseId: string; sentAt: number });
  await page.waitForTimeout(2000);
  const seen = await page.evaluate(() => (globalThis as unknown as { benchSeen: Record<string, number> }).benchSeen);
  const latencies = sent.flatMap((s) => (seen[s.caseId] === undefined ? [] : [seen[s.caseId]! - s.sentAt]));
  const figures: Figures = {
    tile1,
    wall9: Math.max(...nine),
    wall9Median: percentile(nine, 50),
    board,
    pushP50: percentile(latencies, 50),
    pushP99: percentile(latencies, 99),
    pushes: latencies.length,
  };

  if (cutLink) {
    rig.topology.setLink(1, false);
    await page.getByTestId('connection-status').and(page.locator('[data-state=offline]')).waitFor({ timeout: 30_000 });
    const cutAt = Date.now();
    const changed = (
      await rig.runInHub('bench/lib/netns-reports.ts', [rig.hubUrl, TOWN, String(CHANGES), '0', 'partition'])
    )
      .split('\n')
      .map((line) => (JSON.parse(line) as { caseId: string }).caseId);
    await new Promise((r) => setTimeout(r, Math.max(0, PARTITION_MS - (Date.now() - cutAt))));
    rig.topology.setLink(1, true);
    started = Date.now();
    await waitUntil(
      async () => {
        const status = await value(page, 'connection.status');
        if (status.state !== 'online') return false;
        const ids = new Set(((await value(page, 'cases.board')).cases as Array<{ id: string }>).map((c) => c.id));
        return changed.every((id) => ids.has(id));
      },
      120_000,
      'the board to hold every change made during the partition',
    );
    figures.catchUp = Date.now() - started;
  }
  await page.close();
  return figures;
}

// The demo county, seeded once by a real hub process and copied (SQLite backup) before that hub stops.
const seed = await startHubProcess(7399, { GRID_SIMULATE: '0' }, { settle: false });
const seedCopy = mkdtempSync(join(tmpdir(), 'grid-remote-bench-'));
const sourceDb = join(seedCopy, 'hub.sqlite');
const live = new Database(join(seed.dataDir, 'hub.sqlite'), { readonly: true });
await live.backup(sourceDb);
live.close();
await seed.stop();
const results: Array<[string, Figures]> = [];
for (const mode of [
  { name: 'loopback (console on the hub host)', loopback: true },
  { name: 'one hop, +20 ms netem', delayMs: 20 },
]) {
  const rig = await startMultiHostRig({ towns: 1, sourceDb, ...mode });
  try {
    const name = rig.delayBy === 'relay' ? `${mode.name.replace('netem', 'relay')} (no netem here)` : mode.name;
    results.push([name, await measure(rig, !mode.loopback)]);
    console.log(`${name}: ${JSON.stringify(results.at(-1)![1])}`);
  } finally {
    await rig.close();
  }
}

console.log(
  '\nremote console                                      first frame 1 tile   9-tile wall (last / median)   board load   push p50 / p99 (n)        catch-up',
);
for (const [name, f] of results) {
  console.log(
    `${name.padEnd(52)}${`${fmt(f.tile1)} ms`.padEnd(21)}${`${fmt(f.wall9)} / ${fmt(f.wall9Median)} ms`.padEnd(30)}${`${fmt(f.board)} ms`.padEnd(13)}${`${fmt(f.pushP50)} / ${fmt(f.pushP99)} ms (${f.pushes})`.padEnd(26)}${f.catchUp === undefined ? '—' : `${fmt(f.catchUp)} ms after ${PARTITION_MS / 1000} s cut, ${CHANGES} changes (target ≤ 5,000 ms)`}`,
  );
}
rmSync(seedCopy, { recursive: true, force: true });
process.exit(0);
