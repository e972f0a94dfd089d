/**
 * Hub → consoles push latency: 50 simulated consoles (socket.io-client; the county, every township and village
 * operators) connected while reports arrive at a steady rate. For each push a console receives, latency = arrival
 * − the moment the report was sent (one clock: the consoles and the reporter share this process). Also prints the
 * hub's memory and how a login and a scoped read fare during the load. Target p99 ≤ 250 ms.
 *
 *   npx tsx bench/push-latency.ts [--seconds=20] [--rate=50] [--consoles=50]
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { gridPoints, loginToken, percentile, startHubProcess } from './lib/hub-process.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 20);
const RATE = arg('rate', 50);
const CONSOLES = arg('consoles', 50);

console.log('starting a demo hub process (seeding X County and its history) …');
const hub = await startHubProcess(7391);
const sockets: Socket[] = [];
try {
  const reporter = await loginToken(hub.url, 'county.duty');
  const points = await gridPoints(hub.url, reporter);
  const users = [
    'county.duty',
    'county.wall',
    ...Array.from({ length: 12 }, (_, i) => `town${String(i + 1).padStart(2, '0')}.director`),
    ...Array.from({ length: 12 }, (_, i) => `town${String(i + 1).padStart(2, '0')}.wall`),
  ];
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  for (let i = 0; i < CONSOLES; i++) {
    const token = await loginToken(hub.url, users[i % users.length]!, `127.0.0.${10 + i}`);
    const socket = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'] });
    socket.on('case.changed', (change: { case: { description: string } }) => {
      const t = sentAt.get(change.case.description);
      if (t !== undefined) {
        latencies.push(performance.now() - t);
        received += 1;
      }
    });
    sockets.push(socket);
  }
  await Promise.all(sockets.map((s) => (s.connected ? null : new Promise<void>((r) => s.once('connect', () => r())))));
  console.log(`${CONSOLES} consoles connected; reporting ${RATE}/s for ${SECONDS} s …`);

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

  let n = 0;
  const started = performance.now();
  const pending: Array<Promise<unknown>> = [];
  while (performance.now() - started < SECONDS * 1000) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const p = points[n % points.length]!;
    const description = `推送压测 ${n}`;
    sentAt.set(description, performance.now());
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
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(probe);
  console.log(
    `push latency over ${received} deliveries of ${n} reports: p50=${percentile(latencies, 50).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms (target p99 ≤ 250 ms: ${percentile(latencies, 99) <= 250 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `login + scoped read during load: p50=${percentile(readLatencies, 50).toFixed(0)} ms max=${Math.max(...readLatencies).toFixed(0)} ms over ${readLatencies.length} probes, ${probeFailures} failed`,
  );
  console.log(`hub RSS ${hub.rssMiB().toFixed(0)} MiB`);
} finally {
  sockets.forEach((s) => s.disconnect());
  await hub.stop();
}
