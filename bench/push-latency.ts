/**
 * Hub → consoles push latency: 1,000 consoles of 1,000 distinct users (socket.io-client; township directors spread
 * over the county's townships, seeded for the bench only, through the hub's own store function, into the hub's
 * database) connected while reports arrive at a steady rate. The consoles run in --client-procs child processes
 * (bench/lib/push-consoles.ts), not in this one: 1,000 consoles decoding ~4,000 pushes a second on one event loop
 * queue behind each other, and that queue is the bench's, not the hub's (a county's consoles are 1,000 machines).
 * For each push a console receives, latency = arrival − the moment the report was sent, both on the machine's wall
 * clock. Each client process's event-loop delay p99 is printed beside it, so a reader can see whether the clients
 * kept up. Also prints the hub's memory and how a login and a scoped read fare during the load. Target p99 ≤ 100 ms.
 *
 *   npx tsx bench/push-latency.ts [--seconds=20] [--rate=50] [--consoles=1000] [--client-procs=3]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hashPassword } from '../hub/auth/passwords.js';
import { insertUser } from '../hub/auth/users-store.js';
import { HubDatabase } from '../hub/db/database.js';
import { gridPoints, loginToken, percentile, startHubProcess } from './lib/hub-process.js';
import { stampedDescription, wallNow, type FromConsoles, type ToConsoles } from './lib/push-consoles.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 20);
const RATE = arg('rate', 50);
const CONSOLES = arg('consoles', 1000);
const CLIENT_PROCS = arg('client-procs', 3);
const TARGET_P99_MS = 100;

/**
 * Bench-only accounts, written into the running hub's database through the hub's store function (the hub sees
 * them at the next login: its auth memory follows the database's auth version). One demo-password hash for all.
 */
async function seedConsoleUsers(dataDir: string, townships: readonly string[], count: number): Promise<string[]> {
  const db = new HubDatabase(join(dataDir, 'hub.sqlite'));
  try {
    const passwordHash = await hashPassword('Demo@2026');
    const names = Array.from({ length: count }, (_, i) => `bench.console${String(i).padStart(4, '0')}`);
    db.transaction(() =>
      names.forEach((username, i) =>
        insertUser(db, {
          id: randomUUID(),
          username,
          displayName: `压测席位 ${i}`,
          role: 'township_director',
          orgUnitCode: townships[i % townships.length]!,
          passwordHash,
          isDemoPassword: true,
          createdAt: Date.now(),
        }),
      ),
    );
    return names;
  } finally {
    db.close();
  }
}

console.log('starting a demo hub process (seeding X County and its history) …');
const hub = await startHubProcess(7391, { GRID_SIMULATE: '0' }, { settle: false });
const children: ChildProcess[] = [];
let finished = false;
const tell = (child: ChildProcess, m: ToConsoles) => child.send(m);
const reply = <T extends FromConsoles['type']>(child: ChildProcess, type: T) =>
  new Promise<Extract<FromConsoles, { type: T }>>((resolve) => {
    const on = (m: FromConsoles) => {
      if (m.type !== type) return;
      child.off('message', on);
      resolve(m as Extract<FromConsoles, { type: T }>);
    };
    child.on('message', on);
  });
try {
  const reporter = await loginToken(hub.url, 'county.duty');
  const points = await gridPoints(hub.url, reporter);
  const townships = [...new Set(points.map((p) => p.code.slice(0, 9)))];
  const consoleUsers = await seedConsoleUsers(hub.dataDir, townships, CONSOLES);
  const users = [
    'county.duty',
    'county.wall',
    ...Array.from({ length: 12 }, (_, i) => `town${String(i + 1).padStart(2, '0')}.director`),
    ...Array.from({ length: 12 }, (_, i) => `town${String(i + 1).padStart(2, '0')}.wall`),
  ];
  const loginStarted = performance.now();
  const tokens: string[] = [];
  // Eight logins at a time: scrypt is the hub's cost per login, and the hub has two cores.
  for (let i = 0; i < CONSOLES; i += 8) {
    tokens.push(...(await Promise.all(consoleUsers.slice(i, i + 8).map((username) => loginToken(hub.url, username)))));
  }
  console.log(`${CONSOLES} distinct users signed in in ${((performance.now() - loginStarted) / 1000).toFixed(0)} s`);
  for (let c = 0; c < CLIENT_PROCS; c += 1) {
    const child = fork(new URL('./lib/push-consoles.ts', import.meta.url).pathname, {
      execArgv: ['--import', 'tsx'],
    });
    children.push(child);
    child.once('exit', (code, signal) => {
      if (!finished) console.error(`client process ${c} exited early (${code ?? signal})`);
    });
    tell(child, { type: 'connect', url: hub.url, tokens: tokens.filter((_, i) => i % CLIENT_PROCS === c) });
  }
  await Promise.all(children.map((child) => reply(child, 'connected')));
  console.log(
    `${CONSOLES} consoles connected from ${CLIENT_PROCS} client processes; reporting ${RATE}/s for ${SECONDS} s …`,
  );
  children.forEach((child) => tell(child, { type: 'start' }));

  const readLatencies: number[] = [];
  let probes = 0;
  let probeFailures = 0;
  const probeOnce = async () => {
    const t = performance.now();
    // A township operator arriving at a new machine: a different address and user each time.
    probes += 1;
    const token = await loginToken(hub.url, users[2 + (probes % 24)]!, `127.0.1.${probes % 250}`);
    const res = await fetch(`${hub.url}/api/v1/org-units`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`scoped read: ${res.status}`);
    readLatencies.push(performance.now() - t);
  };
  const probe = setInterval(() => void probeOnce().catch(() => (probeFailures += 1)), 1000);

  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  let n = 0;
  const started = performance.now();
  const pending: Array<Promise<unknown>> = [];
  while (performance.now() - started < SECONDS * 1000) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const p = points[n % points.length]!;
    const description = stampedDescription(n, wallNow());
    pending.push(
      fetch(`${hub.url}/api/v1/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${reporter}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          source: 'grid_worker',
          categoryName: '乱堆乱放',
          location: { lon: p.lon, lat: p.lat },
          description,
        }),
      }).then((r) => r.arrayBuffer()),
    );
    n += 1;
  }
  await Promise.all(pending);
  console.log(`${n} reports filed`);
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(probe);
  const results = await Promise.all(
    children.map(async (child) => {
      const result = reply(child, 'result');
      tell(child, { type: 'stop' });
      return result;
    }),
  );
  finished = true;
  const latencies = results.flatMap((r) => r.latencies);
  const received = latencies.length;
  console.log(
    `push latency over ${received} deliveries of ${n} reports: p50=${percentile(latencies, 50).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms (target p99 ≤ ${TARGET_P99_MS} ms: ${percentile(latencies, 99) <= TARGET_P99_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `login + scoped read during load: p50=${percentile(readLatencies, 50).toFixed(0)} ms max=${Math.max(...readLatencies).toFixed(0)} ms over ${readLatencies.length} probes, ${probeFailures} failed`,
  );
  console.log(
    `client processes' event-loop delay p99: ${results.map((r) => `${r.loopDelayP99Ms.toFixed(1)} ms`).join(', ')} (max ${Math.max(...results.map((r) => r.loopDelayMaxMs)).toFixed(0)} ms); reporter's p99 ${(eld.percentile(99) / 1e6).toFixed(1)} ms`,
  );
  console.log(`hub RSS ${hub.rssMiB().toFixed(0)} MiB`);
} finally {
  children.forEach((child) => child.kill());
  await hub.stop();
}
