/**
 * The console's outbox under a lost hub: N writes (default 500: half `file` moves on cases the board holds, half
 * new hotline reports) made through a console service while its hub (its own process, as on a county server) is
 * down, then the hub comes back on the same file and port. Prints how long queueing took, how long the replay took once the console was back online, and —
 * counted in the hub's own database — how many writes landed, how many were lost and how many doubled (both 0).
 * One more move made during the replay shows what a user waits when older offline writes go first.
 *
 *   npx tsx bench/outbox-replay.ts [--n=500] [--port=7393]
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleService } from '../main/console-service.js';
import { dispatchConsoleCall } from '../main/dispatch-call.js';
import { gridPoints, loginToken, percentile } from './lib/hub-process.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const N = arg('n', 500);
const MOVES = Math.floor(N / 2);
const REPORTS = N - MOVES;
const TAG = `bench-outbox-${Date.now()}`;

const PORT = arg('port', 7393);
const dir = mkdtempSync(join(tmpdir(), 'grid-bench-outbox-'));
const dbPath = join(dir, 'hub.sqlite');

/** The hub CLI on this folder and port, demo county without its simulators (they would move the bench's cases). */
async function startHub(): Promise<{ url: string; stop(): Promise<void> }> {
  const env = { ...process.env, GRID_DATA_DIR: dir, GRID_HUB_PORT: String(PORT), GRID_DEMO: '1', GRID_SIMULATE: '0' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

console.log('starting a demo hub process (seeding X County and its history) …');
let hub = await startHub();
const service = new ConsoleService({ hubUrl: hub.url, storePath: join(dir, 'console.sqlite'), healthIntervalMs: 200 });
const call = async (method: string, request: unknown): Promise<any> => {
  const result = await dispatchConsoleCall(service, method, request);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
try {
  const token = await loginToken(hub.url, 'county.duty');
  const points = await gridPoints(hub.url, token);
  const report = (i: number) => ({
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: { lon: points[i % points.length]!.lon, lat: points[i % points.length]!.lat },
    description: `${TAG} ${i}`,
  });
  console.log(`reporting ${MOVES + 1} cases for the moves …`);
  for (let i = 0; i <= MOVES; i++) {
    const res = await fetch(`${hub.url}/api/v1/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(report(i)),
    });
    if (res.status !== 201) throw new Error(`report ${i}: ${res.status}`);
  }
  await call('session.login', { username: 'county.duty', password: 'Demo@2026' });
  await until(() => service.connection.state === 'online', 20_000, 'online');
  const board = await call('cases.board', {});
  const targets = (board.cases as any[]).filter((c) => c.description.startsWith(TAG) && c.status === 'reported');
  if (targets.length < MOVES + 1) throw new Error(`only ${targets.length} bench cases on the board`);

  await hub.stop();
  await until(() => service.connection.state === 'offline', 20_000, 'offline');
  console.log(`hub down; queueing ${MOVES} moves and ${REPORTS} reports …`);
  const queueMs: number[] = [];
  const queuedStart = performance.now();
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const answer =
      i % 2 === 0 && i / 2 < MOVES
        ? await call('cases.move', {
            caseId: targets[i / 2]!.id,
            idempotencyKey: `${TAG}-move-${i}`,
            request: { expectedVersion: targets[i / 2]!.version, move: { type: 'file' } },
          })
        : await call('cases.report', { idempotencyKey: `${TAG}-report-${i}`, report: report(100_000 + i) });
    if (!answer.queued) throw new Error(`write ${i} was not queued`);
    queueMs.push(performance.now() - t);
  }
  const queuedTotal = performance.now() - queuedStart;
  const pending = service.connection.outbox?.pending ?? 0;

  const back = performance.now();
  hub = await startHub();
  await until(() => service.connection.state === 'online', 30_000, 'back online');
  const online = performance.now();
  // A user acting during the replay: the move waits for the older offline writes, then gets the hub's answer.
  const last = targets[MOVES]!;
  const lateStart = performance.now();
  const late = await call('cases.move', {
    caseId: last.id,
    idempotencyKey: `${TAG}-late`,
    request: { expectedVersion: last.version, move: { type: 'file' } },
  });
  const lateMs = performance.now() - lateStart;
  await until(() => service.connection.outbox === undefined, 300_000, 'outbox drained');
  const drained = performance.now();

  // Counted in the hub's own file: one `file` row per queued move, one case per queued report.
  const db = new Database(dbPath, { readonly: true });
  const fileRows = db
    .prepare(
      `SELECT c.case_no AS id, count(h.id) AS n FROM cases c LEFT JOIN case_history h ON h.case_id = c.id AND h.move = 'file'
       WHERE c.description LIKE ? GROUP BY c.id`,
    )
    .all(`${TAG} %`) as Array<{ id: string; n: number }>;
  const moved = new Map(fileRows.map((r) => [r.id, r.n]));
  const moveTargets = targets.slice(0, MOVES).map((c) => moved.get(c.id) ?? 0);
  const reports = db
    .prepare(`SELECT description, count(*) AS n FROM cases WHERE description LIKE ? GROUP BY description`)
    .all(`${TAG} 1%`) as Array<{ description: string; n: number }>;
  db.close();
  const queuedReports = reports.filter((r) => Number(r.description.split(' ')[1]) >= 100_000);
  const lost = moveTargets.filter((n) => n === 0).length + (REPORTS - queuedReports.length);
  const doubled = moveTargets.filter((n) => n > 1).length + queuedReports.filter((r) => r.n > 1).length;

  console.log(`queued: ${pending} writes (${MOVES} moves, ${REPORTS} reports) in ${queuedTotal.toFixed(0)} ms`);
  console.log(
    `  per queued call: p50 ${percentile(queueMs, 50).toFixed(2)} ms, p99 ${percentile(queueMs, 99).toFixed(2)} ms`,
  );
  console.log(`hub restarted → console online: ${(online - back).toFixed(0)} ms (hub start + socket back-off)`);
  const replayMs = drained - online;
  console.log(
    `replayed: ${N - lost} of ${N} in ${replayMs.toFixed(0)} ms after reconnect (${((N / replayMs) * 1000).toFixed(0)} writes/s)`,
  );
  console.log(`lost: ${lost}, doubled: ${doubled}, refused: ${(await call('outbox.list', {})).items.length}`);
  console.log(
    `a move made during the replay: answered after ${lateMs.toFixed(0)} ms (${late.queued ? 'still queued' : `by the hub: ${late.status}`})`,
  );
  if (lost || doubled) process.exitCode = 1;
} finally {
  service.close();
  await hub.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
