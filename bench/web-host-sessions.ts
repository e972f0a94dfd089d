/**
 * What cookieless requests cost the web host and the hub: 4,000 requests to `/` without a cookie (what a
 * cross-site `<img src="http://127.0.0.1:5180/">` on any page makes a browser send), then the web host's memory
 * and the hub's /health requests per second over the next 10 s. Before the fix every such request created a
 * console service that probed the hub every 5 s and was never freed.
 *
 * The hub runs in its own process (a demo county); a counting proxy in this process sits between the web host and
 * the hub, so the health figure is what reaches the hub. The web host's RSS is this process's (web host + proxy).
 *
 *   npx tsx bench/web-host-sessions.ts [--requests=4000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost } from '../main/web-host/server.js';
import { startHubProcess } from './lib/hub-process.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 4000);
const rssMiB = () => process.memoryUsage().rss / 1024 / 1024;

console.log('starting a demo hub process …');
const hub = await startHubProcess(7393, { GRID_SIMULATE: '0' }, { settle: false });
let healthRequests = 0;
const hubUrl = new URL(hub.url);
const proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.url?.startsWith('/api/v1/health')) healthRequests += 1;
  const upstream = request(
    { host: hubUrl.hostname, port: hubUrl.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.once('error', () => res.writeHead(502).end());
  req.pipe(upstream);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

const rendererDir = mkdtempSync(join(tmpdir(), 'grid-bench-renderer-'));
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网格联动指挥台</title>');
const web = await startWebHost({ hubUrl: proxyUrl, rendererDir });
try {
  await new Promise((r) => setTimeout(r, 1000));
  const rssBefore = rssMiB();
  const started = performance.now();
  for (let sent = 0; sent < REQUESTS; sent += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, REQUESTS - sent) }, () => fetch(`${web.url}/`).then((r) => r.arrayBuffer())),
    );
  }
  console.log(`${REQUESTS} cookieless requests to / in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 6000)); // every probe that was started has had its first interval
  global.gc?.();
  const countedFrom = healthRequests;
  const windowS = 10;
  await new Promise((r) => setTimeout(r, windowS * 1000));
  console.log(`web host RSS ${rssBefore.toFixed(0)} MiB before → ${rssMiB().toFixed(0)} MiB after`);
  console.log(`hub /health requests: ${((healthRequests - countedFrom) / windowS).toFixed(1)}/s over ${windowS} s`);
  const stats = (web as { stats?: () => unknown }).stats?.();
  if (stats) console.log(`web host sessions: ${JSON.stringify(stats)}`);
} finally {
  await web.close();
  proxy.close();
  await hub.stop();
  rmSync(rendererDir, { recursive: true, force: true });
}
