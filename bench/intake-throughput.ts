/**
 * Intake throughput through HTTP: reports POSTed to a real hub process (synchronous=FULL, group commit) by a
 * fixed number of concurrent clients for a fixed time. Target ≥ 2,000 reports/s sustained on this 2-core machine.
 * Prints accepted reports/s, refusals, and latency percentiles.
 *
 *   npx tsx bench/intake-throughput.ts [--seconds=15] [--concurrency=64]
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import { gridPoints, loginToken, percentile, startHubProcess } from './lib/hub-process.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 15);
const CONCURRENCY = arg('concurrency', 64);

/**
 * The load generator shares this 2-core machine with the hub, so it should cost as little as it can: node:http on
 * kept-alive connections costs about half of what fetch() does per request.
 */
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, token: string, body: unknown): Promise<{ status: number }> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          authorization: `Bearer ${token}`,
          'idempotency-key': randomUUID(),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

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
  let hubCpuAtStart = 0;
  let clientCpuAtStart = 0;

  const client = async () => {
    while (performance.now() < deadline) {
      const p = points[sent % points.length]!;
      const category = categories[sent % categories.length]!;
      sent += 1;
      const t = performance.now();
      const res = await post(`${hub.url}/api/v1/events`, token, {
        source: 'grid_worker',
        categoryName: category,
        location: { lon: p.lon, lat: p.lat },
        description: `压测上报 ${sent}`,
      });
      const now = performance.now();
      if (now < warmupEnds) continue;
      if (!measuredStart) {
        measuredStart = t;
        hubCpuAtStart = hub.cpuSeconds();
        clientCpuAtStart = process.cpuUsage().user + process.cpuUsage().system;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) {
        accepted += 1;
        latencies.push(now - t);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsed = (performance.now() - measuredStart) / 1000;
  const hubCpu = (hub.cpuSeconds() - hubCpuAtStart) / elapsed;
  const usage = process.cpuUsage();
  const clientCpu = (usage.user + usage.system - clientCpuAtStart) / 1e6 / elapsed;
  console.log(
    `intake: ${(accepted / elapsed).toFixed(0)} reports/s accepted over ${elapsed.toFixed(1)} s (after 2 s warm-up), ${CONCURRENCY} concurrent clients`,
  );
  console.log(`        statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `        latency p50=${percentile(latencies, 50).toFixed(1)} ms p99=${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `        CPU: hub ${(100 * hubCpu).toFixed(0)} % of a core (${((1000 * hubCpu * elapsed) / accepted).toFixed(2)} ms a report), load generator ${(100 * clientCpu).toFixed(0)} %, on ${availableParallelism()} cores`,
  );
  console.log(
    `        hub RSS ${hub.rssMiB().toFixed(0)} MiB; target ≥ 2,000 reports/s: ${accepted / elapsed >= 2000 ? 'met' : 'NOT met'}`,
  );
} finally {
  await hub.stop();
}
