/**
 * PTZ re-aim bench: how long from a move command on a watched demo PTZ camera until the camera's HLS playlist lists
 * the first segment of the new crop (what a tile's next playlist poll sees), over ~10 moves, plus the first move
 * (clip → encoder of the crop). Prints p50/p95 of that time and of the command's own answer.
 *
 *   npx tsx bench/ptz-reaim.ts [--moves=10] [--quality=sub]
 *
 * Clips are cached in .grid-data/media-cache (shared with `npm run hub`); the first run on a machine encodes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHub } from '../hub/server.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const MOVES = Number(arg('moves', '10'));
const QUALITY = arg('quality', 'sub');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const fmt = (xs: number[]) => `n=${xs.length}  p50=${pct(xs, 50).toFixed(0)} ms  p95=${pct(xs, 95).toFixed(0)} ms`;

/** The newest segment number a playlist lists. */
const lastSegment = (playlist: string) =>
  Math.max(-1, ...[...playlist.matchAll(/seg\/(\d+)\.ts/g)].map((m) => Number(m[1])));

const dir = mkdtempSync(join(tmpdir(), 'grid-ptz-bench-'));
console.log(`seeding a demo hub in ${dir} …`);
const hub = await createHub({
  dbPath: join(dir, 'hub.sqlite'),
  demo: true,
  supervisionIntervalMs: 0,
  video: { media: { cacheDir: resolve('.grid-data/media-cache'), liveEncodedCameraIds: [] } },
});
try {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'county.wall', password: 'Demo@2026' }),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { ...json, authorization: `Bearer ${token}` };
  const { id } = hub.context.db.raw
    .prepare(`SELECT id FROM cameras WHERE kind = 'ptz' AND sensitive = 0 AND online = 1 ORDER BY code LIMIT 1`)
    .get() as { id: string };
  await hub.context.video.gateway.clips.readyAll();
  const ticket = await fetch(`${hub.url}/api/v1/cameras/${id}/stream`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ quality: QUALITY }),
  });
  const { url } = (await ticket.json()) as { url: string };
  const playlist = async () => (await fetch(url)).text();
  await playlist();

  /** One move: the command's answer time and the time until the playlist lists a segment of the new encoder. */
  const move = async (step: { pan: number; tilt: number; zoom: number }) => {
    const before = lastSegment(await playlist());
    const t = performance.now();
    let answered = NaN;
    const command = fetch(`${hub.url}/api/v1/cameras/${id}/ptz`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ action: 'move', ...step }),
    }).then(async (r) => {
      if (r.status !== 200) throw new Error(`move refused: ${r.status} ${await r.text()}`);
      answered = performance.now() - t;
    });
    // The new encoder numbers its segments from the old newest + 10 (demo-ptz-reaim.ts): seeing one is the switch.
    let shown = NaN;
    while (Number.isNaN(shown) && performance.now() - t < 60_000) {
      if (lastSegment(await playlist()) >= before + 10) shown = performance.now() - t;
      else await sleep(100);
    }
    await command;
    return { answered, shown };
  };

  const first = await move({ pan: 1, tilt: 0, zoom: 0 });
  console.log(
    `first move (clip → encoder): playlist shows the crop after ${first.shown.toFixed(0)} ms ` +
      `(command answered in ${first.answered.toFixed(0)} ms)`,
  );
  const shown: number[] = [];
  const answered: number[] = [];
  const steps = [
    { pan: 0, tilt: 0, zoom: 1 },
    { pan: -1, tilt: 0, zoom: 0 },
    { pan: 0, tilt: 1, zoom: 0 },
    { pan: 0, tilt: 0, zoom: -1 },
  ];
  for (let i = 0; i < MOVES; i++) {
    await sleep(1000); // an operator's pace between key presses
    const r = await move(steps[i % steps.length]!);
    shown.push(r.shown);
    answered.push(r.answered);
  }
  console.log(`re-aim, move → playlist lists the new crop (${QUALITY}): ${fmt(shown)}`);
  console.log(`re-aim, move → command answered:                ${fmt(answered)}`);
  console.log(
    `load average: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
}
