/**
 * The wall at its largest, in Chromium against the real web console: a 36-tile layout filled at once (36 stream
 * tickets, 36 hls.js players on sub streams), `--rounds` times. Prints the time to first frame (ticket asked → first
 * frame shown) p50/p95 over all tiles of all rounds, whether every tile's picture advances over a window, dropped
 * frames and the browser's CPU and memory meanwhile.
 *
 *   npx tsx bench/wall-tiles.ts [--tiles=36] [--rounds=2] [--window=15] [--timeout=120]
 */
import { loadavg } from 'node:os';
import {
  chromiumUsage,
  fillWall,
  flag,
  fmt,
  launchChromium,
  openWall,
  percentile,
  playableCameras,
  startWebConsole,
  stateSummary,
  tileFacts,
  waitUntil,
} from './lib/wall-bench.js';

const tiles = flag('tiles', 36);
const rounds = flag('rounds', 2);
const windowSeconds = flag('window', 15);

const web = await startWebConsole(5400 + Math.floor(Math.random() * 500));
const browser = await launchChromium();
try {
  const page = await openWall(browser, web.url, 'county.wall');
  const cameras = playableCameras(web.dataDir, tiles);
  const ttffs: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) {
      // A fresh wall: one tile, cleared (every player destroyed), then the full layout filled again.
      await page.getByTestId('layout-1').click();
      await page.getByTestId('wall-grid').press('Delete');
      await page.waitForTimeout(1000);
    }
    const started = Date.now();
    await fillWall(page, String(tiles), cameras);
    try {
      await waitUntil(
        async () => (await tileFacts(page)).filter((t) => t.state === 'playing' && t.ttff !== null).length >= tiles,
        flag('timeout', 120) * 1000,
        `${tiles} tiles playing`,
        () => stateSummary(page),
      );
      console.log(`round ${round}: ${tiles} tiles playing ${fmt((Date.now() - started) / 1000, 1)} s after the drop`);
    } catch (err) {
      console.log(`round ${round}: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    }
    ttffs.push(...(await tileFacts(page)).flatMap((t) => (t.ttff === null ? [] : [t.ttff])));
  }

  // Every tile advancing: currentTime over a window, with the browser's CPU meanwhile.
  const before = await tileFacts(page);
  const cpu0 = chromiumUsage();
  const t0 = Date.now();
  await page.waitForTimeout(windowSeconds * 1000);
  const after = await tileFacts(page);
  const cpu1 = chromiumUsage();
  const elapsed = (Date.now() - t0) / 1000;
  const advanced = after.map((t, i) => t.time - before[i]!.time);
  const moving = advanced.filter((d) => d > elapsed * 0.5).length;
  const dropped = after.reduce((n, t) => n + t.dropped, 0) - before.reduce((n, t) => n + t.dropped, 0);
  const decoded = after.reduce((n, t) => n + t.decoded, 0) - before.reduce((n, t) => n + t.decoded, 0);

  console.log('\n| figure | value |');
  console.log('| --- | --- |');
  console.log(`| tiles whose picture advanced over ${fmt(elapsed)} s | ${moving} / ${tiles} |`);
  console.log(
    `| media time per tile, min / p50 | ${fmt(Math.min(...advanced), 1)} / ${fmt(percentile(advanced, 50), 1)} s |`,
  );
  console.log(
    `| time to first frame p50 / p95 (${ttffs.length} tiles) | ${fmt(percentile(ttffs, 50))} / ${fmt(percentile(ttffs, 95))} ms |`,
  );
  console.log(`| frames dropped in the window | ${fmt((100 * dropped) / Math.max(1, decoded), 1)} % of ${decoded} |`);
  console.log(
    `| Chromium CPU, all processes | ${fmt((100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / elapsed)} % of one core |`,
  );
  console.log(`| Chromium memory (RSS, all processes) | ${fmt(cpu1.rssMiB)} MiB |`);
  console.log(
    `\nload average now: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${tiles} tiles: ${await stateSummary(page)})`,
  );
  if (moving < tiles) process.exitCode = 1;
} finally {
  await browser.close();
  await web.stop();
}
