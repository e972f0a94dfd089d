/**
 * Live latency with the wall's hls.js settings (renderer/src/wall/latency-settings.ts) against hls.js's defaults, on
 * the same cameras at the same time in one Chromium page: `hls.latency` (distance from the live edge) p50/p95, the
 * wall-clock latency from EXT-X-PROGRAM-DATE-TIME (for the live-encoded demo cameras that is glass-to-glass minus
 * capture), and stalls. Both groups get the wall's playlist fix for hls.js 1.7.4 (see bench/lib/wall-harness.ts).
 *
 *   npx tsx bench/wall-latency.ts [--cameras=8] [--seconds=60] [--warmup=20]
 */
import { loadavg } from 'node:os';
import { WALL_LATENCY_SETTINGS } from '../renderer/src/wall/latency-settings.js';
import { flag, fmt, launchChromium, percentile, playableCameras, startWebConsole } from './lib/wall-bench.js';
import { openHarness, sampleHarness, startPlayers, type HarnessSample } from './lib/wall-harness.js';

const cameraCount = flag('cameras', 8);
const seconds = flag('seconds', 60);
const warmup = flag('warmup', 20);

const web = await startWebConsole(5400 + Math.floor(Math.random() * 500));
const browser = await launchChromium();
try {
  const page = await openHarness(browser, web.url, 'county.wall');
  // The county seat's first cameras by code: the two the hub encodes live (with a clock), then clip-served ones.
  const cameras = playableCameras(web.dataDir, cameraCount);
  await startPlayers(page, 'wall', cameras, { ...WALL_LATENCY_SETTINGS, enableWorker: true });
  await startPlayers(page, 'defaults', cameras, {});
  await page.waitForTimeout(warmup * 1000);

  const samples: HarnessSample[][] = [];
  const stallsAtStart = await sampleHarness(page);
  for (let s = 0; s < seconds; s++) {
    await page.waitForTimeout(1000);
    samples.push(await sampleHarness(page));
  }
  const last = samples.at(-1)!;

  console.log(
    `\n${cameras.length} cameras × 2 groups, ${seconds} s after ${warmup} s of warm-up (sub streams, 2-s segments)\n`,
  );
  console.log('| settings | hls.latency p50 / p95 | PDT latency p50, live-encoded / clip cameras | stalls |');
  console.log('| --- | --- | --- | --- |');
  for (const group of ['wall', 'defaults']) {
    const of = (pick: (x: HarnessSample, i: number) => number | null, only?: (i: number) => boolean) =>
      samples
        .flatMap((row) =>
          row.flatMap((x, i) => (x.group === group && (!only || only(i % cameras.length)) ? [pick(x, i)] : [])),
        )
        .filter((v): v is number => v !== null);
    const latency = of((x) => x.latency);
    const liveEncoded = of(
      (x) => x.pdtLatency,
      (i) => i < 2,
    );
    const clips = of(
      (x) => x.pdtLatency,
      (i) => i >= 2,
    );
    const stalls =
      last.filter((x) => x.group === group).reduce((n, x) => n + x.stalls, 0) -
      stallsAtStart.filter((x) => x.group === group).reduce((n, x) => n + x.stalls, 0);
    console.log(
      `| ${group === 'wall' ? 'wall (sync 2 segments, catch-up 1.1×, 6-s buffer)' : 'hls.js 1.7.4 defaults'} | ` +
        `${fmt(percentile(latency, 50), 2)} / ${fmt(percentile(latency, 95), 2)} s | ` +
        `${fmt(percentile(liveEncoded, 50), 2)} / ${fmt(percentile(clips, 50), 2)} s | ${stalls} |`,
    );
  }
  console.log(
    `\nload average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await web.stop();
}
