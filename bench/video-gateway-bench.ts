/**
 * Hub-side video bench: a demo hub serving N camera tiles (default 36) to N concurrent playlist + segment loops,
 * first paced like hls.js (a playlist per target duration, each new segment once), then back-to-back to find the
 * ceiling. Prints p50/p95/p99 response times, throughput and the process's CPU use. The Chromium side (36 tiles,
 * time to first frame, hls.latency, memory over 30 minutes) belongs to the wall's own bench.
 *
 *   npx tsx bench/video-gateway-bench.ts [--tiles=36] [--seconds=20] [--quality=sub] [--live=0]
 *
 * Clips are cached in .grid-data/media-cache (shared with `npm run hub`); the first run on a machine encodes them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHub } from '../hub/server.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const TILES = Number(arg('tiles', '36'));
const SECONDS = Number(arg('seconds', '20'));
const QUALITY = arg('quality', 'sub');
const LIVE = Number(arg('live', '0'));

/** CPU seconds a child process has used (Linux /proc; 0 elsewhere). */
const childCpuSeconds = (pid: number | undefined) => {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 10 ms
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const fmt = (xs: number[]) =>
  `n=${xs.length}  p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms  p99=${pct(xs, 99).toFixed(1)} ms`;

async function timed(url: string): Promise<{ ms: number; status: number; body: Buffer }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - t, status: res.status, body };
}

const dir = mkdtempSync(join(tmpdir(), 'grid-video-bench-'));
console.log(`seeding a demo hub in ${dir} …`);
const hub = await createHub({
  dbPath: join(dir, 'hub.sqlite'),
  demo: true,
  supervisionIntervalMs: 0, // the cases timers are not what this bench measures
  video: {
    media: { cacheDir: resolve('.grid-data/media-cache'), ...(LIVE === 0 ? { liveEncodedCameraIds: [] } : {}) },
  },
});
try {
  const login = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'county.wall', password: 'Demo@2026' }),
  });
  const { token } = (await login.json()) as { token: string };
  const cameras = hub.context.db.raw
    .prepare(`SELECT id FROM cameras WHERE sensitive = 0 ORDER BY code LIMIT ?`)
    .all(TILES) as Array<{ id: string }>;

  const encode = performance.now();
  await hub.context.video.gateway.clips.readyAll(); // the first run on a machine encodes the clips (about a minute)
  console.log(
    `demo clips ready in ${(performance.now() - encode).toFixed(0)} ms (cache ${hub.context.video.gateway.clips.dir})`,
  );

  const tickets: string[] = [];
  const ticketMs: number[] = [];
  for (const { id } of cameras) {
    const t = performance.now();
    const res = await fetch(`${hub.url}/api/v1/cameras/${id}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ quality: QUALITY }),
    });
    ticketMs.push(performance.now() - t);
    tickets.push(((await res.json()) as { url: string }).url);
  }
  const warm = performance.now();
  await Promise.all(tickets.map(async (url) => (await timed(url)).status)); // waits for clips / encoders
  console.log(
    `${TILES} tickets (${QUALITY}): ${fmt(ticketMs)}; streams ready in ${(performance.now() - warm).toFixed(0)} ms`,
  );

  const run = async (paced: boolean) => {
    const playlists: number[] = [];
    const segments: number[] = [];
    let bytes = 0;
    let errors = 0;
    const cpu = process.cpuUsage();
    const encoders = hub.context.video.gateway.activeStreams().filter((s) => s.pid !== undefined);
    const encoderCpu = encoders.map((s) => childCpuSeconds(s.pid));
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      tickets.map(async (url, i) => {
        const seen = new Set<string>();
        if (paced) await new Promise((r) => setTimeout(r, (i * 2000) / tickets.length)); // tiles start staggered
        while (performance.now() < end) {
          const pl = await timed(url);
          playlists.push(pl.ms);
          if (pl.status !== 200) errors++;
          const uris = pl.body
            .toString()
            .split('\n')
            .filter((l) => l && !l.startsWith('#'));
          for (const uri of paced ? uris.filter((u) => !seen.has(u)).slice(-1) : uris.slice(-1)) {
            seen.add(uri);
            const seg = await timed(new URL(uri, url).toString());
            segments.push(seg.ms);
            bytes += seg.body.length;
            if (seg.status !== 200) errors++;
          }
          if (paced) await new Promise((r) => setTimeout(r, 2000));
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    const encoderUse = encoders.map((s, i) => (childCpuSeconds(s.pid) - encoderCpu[i]!) / SECONDS);
    console.log(`\n${paced ? 'paced like hls.js' : 'back-to-back'} × ${tickets.length} loops, ${SECONDS} s:`);
    console.log(`  playlist  ${fmt(playlists)}`);
    console.log(`  segment   ${fmt(segments)}`);
    console.log(
      `  ${((bytes * 8) / SECONDS / 1e6).toFixed(1)} Mbit/s out, ${errors} errors, ` +
        `process CPU ${(((used.user + used.system) / 1e6 / SECONDS) * 100).toFixed(0)} % of one core (hub + bench client)`,
    );
    if (encoders.length) {
      const each = encoderUse.map((u) => `${(u * 100).toFixed(0)} %`).join(', ');
      console.log(`  ${encoders.length} live ffmpeg encoder(s) (${QUALITY}): ${each} of one core`);
    }
  };
  await run(true);
  await run(false);
  console.log(
    `\nactive streams: ${hub.context.video.gateway.activeStreams().length}, open views: ${hub.context.video.views.openCount}`,
  );
} finally {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
}
