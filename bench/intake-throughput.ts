/**
 * Intake throughput through HTTP: reports POSTed to a real hub process (synchronous=FULL, group commit) by a
 * fixed number of concurrent clients for a fixed time. Target ≥ 2,000 reports/s sustained on this 2-core machine.
 * Prints accepted reports/s, refusals, and latency percentiles.
 *
 *   npx tsx bench/intake-throughput.ts [--seconds=15] [--concurrency=64]
 */
import { randomUUID } from 'node:crypto';
import { gridPoints, loginToken, percentile, startHubProcess } from './lib/hub-process.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 15);
const CONCURRENCY = arg('concurrency', 64);

console.log('starting a demo hub process (seeding X County and its history) …');
const hub = await startHubProcess(7390);
try {
  const token = await loginToken(hub.url, 'county.duty');
  const points = await gridPoints(hub.url, token);
  const categories = ['暴露垃圾', '占道经营', '乱堆乱放', '邻里纠纷', '消防通道堵塞', '噪声扰民'];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const warmupEnds = performance.now() + 2000;
  let accepted = 0;
  let measuredStart = 0;

  const client = async () => {
    while (performance.now() < deadline) {
      const p = points[sent % points.length]!;
      const category = categories[sent % categories.length]!;
      sent += 1;
      const t = performance.now();
      const res = await fetch(`${hub.url}/api/v1/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          source: 'grid_worker',
          categoryName: category,
          location: { lon: p.lon, lat: p.lat },
          description: `压测上报 ${sent}`,
        }),
      });
      await res.arrayBuffer();
      const now = performance.now();
      if (now < warmupEnds) continue;
      if (!measuredStart) measuredStart = t;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) {
        accepted += 1;
        latencies.push(now - t);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsed = (performance.now() - measuredStart) / 1000;
  console.log(
    `intake: ${(accepted / elapsed).toFixed(0)} reports/s accepted over ${elapsed.toFixed(1)} s (after 2 s warm-up), ${CONCURRENCY} concurrent clients`,
  );
  console.log(`        statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `        latency p50=${percentile(latencies, 50).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `        hub RSS ${hub.rssMiB().toFixed(0)} MiB; target ≥ 2,000 reports/s: ${accepted / elapsed >= 2000 ? 'met' : 'NOT met'}`,
  );
} finally {
  await hub.stop();
}
