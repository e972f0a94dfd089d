/**
 * A 16-tile wall left running: memory over `--minutes` (default 30, as the issue asks; the wall is meant to run all
 * night). Every `--every` seconds it samples the resident memory of all of Chromium's processes (summed RSS, and
 * PSS, which counts a shared page once), then the page's JS heap and DOM nodes, the live players and the tiles
 * playing. Growth compares the median of the samples of the last `--window` minutes with the median of the first
 * `--window` minutes after `--settle`; the target is < 10 % for each. Private memory swings by ±50 MiB from one
 * 30-second sample to the next (the young generation filling and emptying, decoder pools, compositor tiles), so
 * each side is a 5-minute median rather than a median of three samples. The slope of the second half says whether it
 * still climbs.
 *
 * Nothing debugs the page while it runs (bench/lib/detached-chromium.ts: a page driven by Playwright keeps DevTools'
 * copy of every response): Playwright signs in and fills the wall, then disconnects, and each sample is read through
 * a raw DevTools connection that enables nothing but performance counters. `--debugger` keeps Playwright connected,
 * as the first version of this bench did, to show what that costs. Chromium gets the switches the Electron console
 * starts its renderers with (main/chromium-switches.ts); `--browser-defaults` leaves them out, as a plain browser
 * running the web host would.
 *
 *   npx tsx bench/wall-memory.ts [--minutes=30] [--tiles=16] [--every=30] [--settle=6] [--window=5]
 *                                [--debugger] [--browser-defaults] [--gpu] [--all]
 */
import { loadavg } from 'node:os';
import {
  chromiumUsage,
  flag,
  fmt,
  percentile,
  startWebConsole,
  TILE_FACTS_EXPRESSION,
  type TileFact,
} from './lib/wall-bench.js';
import { launchDetachedChromium, startPlayingWall } from './lib/detached-chromium.js';
import { consoleChromiumArgs } from '../main/chromium-switches.js';

const minutes = flag('minutes', 30);
const tiles = flag('tiles', 16);
const every = flag('every', 30);
// The wall has settled once every recurring thing it does has happened at least once: the first scheduled player
// rebuild comes after 3–4 minutes (16 tiles, one an hour each, spread over the hour: recycle-schedule.ts) and reads in
// code paths of its own (the last frame held as a poster). Six minutes leaves room for it.
const settle = Math.min(flag('settle', 6), minutes / 3);
const windowMin = Math.min(flag('window', 5), (minutes - settle) / 3);

interface Sample {
  readonly atMin: number;
  readonly heapMiB: number;
  /** V8's committed heap before the collection: the used heap plus room, chiefly the young generation's. */
  readonly heapTotalMiB: number;
  readonly nodes: number;
  readonly rssMiB: number;
  readonly pssMiB: number;
  readonly anonMiB: number;
  readonly players: number;
  readonly playing: number;
}

const median = (xs: readonly number[]) => percentile(xs, 50);

const keepDebugger = process.argv.includes('--debugger');
const printAll = process.argv.includes('--all'); // every sample, not one every five minutes
const web = await startWebConsole(5400 + Math.floor(Math.random() * 500));
const chrome = await launchDetachedChromium();
try {
  const browser = await startPlayingWall(chrome, web, tiles);
  if (!keepDebugger) await browser.close(); // disconnects; the page plays on
  const cdp = await chrome.attach(web.url);
  await cdp.send('Performance.enable');
  console.log(
    `${tiles} tiles playing; sampling every ${every} s for ${minutes} min ` +
      `(${keepDebugger ? 'Playwright stays connected' : 'no debugger attached between samples'}; ` +
      `${process.argv.includes('--browser-defaults') ? 'browser defaults' : `console switches ${consoleChromiumArgs().join(' ')}`})\n`,
  );
  console.log(
    '| min | JS heap MiB | V8 committed MiB | DOM nodes | Chromium RSS MiB | PSS MiB | private MiB | players | playing |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');

  const metricsNow = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await cdp.send<{ metrics: Array<{ name: string; value: number }> }>('Performance.getMetrics')).metrics.map(
        (m) => [m.name, m.value],
      ),
    );
  const started = Date.now();
  const cpuAtStart = chromiumUsage().cpuSeconds;
  let lastFacts: TileFact[] = [];
  const samples: Sample[] = [];
  while (Date.now() - started < minutes * 60_000) {
    await new Promise((r) => setTimeout(r, every * 1000));
    // Memory first, before anything is asked of the page.
    const usage = chromiumUsage();
    const heapTotalMiB = ((await metricsNow()).JSHeapTotalSize ?? 0) / 1048576;
    // Collect garbage, so the heap figure is what is kept, not what is waiting to be freed.
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await metricsNow();
    const facts = await cdp.evaluate<TileFact[]>(TILE_FACTS_EXPRESSION);
    lastFacts = facts;
    const sample: Sample = {
      atMin: (Date.now() - started) / 60_000,
      heapMiB: (metrics.JSHeapUsedSize ?? 0) / 1048576,
      heapTotalMiB,
      nodes: metrics.Nodes ?? 0,
      rssMiB: usage.rssMiB,
      pssMiB: usage.pssMiB,
      anonMiB: usage.anonMiB,
      players: Number(await cdp.evaluate<string>('document.documentElement.dataset.wallPlayers ?? "0"')),
      playing: facts.filter((t) => t.state === 'playing').length,
    };
    samples.push(sample);
    const lastMinute = Math.floor(sample.atMin);
    if (
      printAll ||
      samples.length <= 2 ||
      lastMinute % 5 === 0 ||
      Date.now() - started >= minutes * 60_000 - every * 1000
    ) {
      console.log(
        `| ${fmt(sample.atMin, 1)} | ${fmt(sample.heapMiB, 1)} | ${fmt(sample.heapTotalMiB, 1)} | ${sample.nodes} | ${fmt(sample.rssMiB)} | ` +
          `${fmt(sample.pssMiB)} | ${fmt(sample.anonMiB)} | ${sample.players} | ${sample.playing} |`,
      );
    }
  }
  await cdp.close();
  const cores = (chromiumUsage().cpuSeconds - cpuAtStart) / ((Date.now() - started) / 1000);

  const first = samples.filter((s) => s.atMin >= settle && s.atMin < settle + windowMin);
  const endAt = samples.at(-1)?.atMin ?? minutes;
  const last = samples.filter((s) => s.atMin > endAt - windowMin);
  const growth = (pick: (s: Sample) => number) =>
    (100 * (median(last.map(pick)) - median(first.map(pick)))) / median(first.map(pick));
  const heapGrowth = growth((s) => s.heapMiB);
  const rssGrowth = growth((s) => s.rssMiB);
  const pssGrowth = growth((s) => s.pssMiB);
  const anonGrowth = growth((s) => s.anonMiB);
  // The trend of the second half (least squares, MiB a minute): a leak keeps climbing, a wall that settled does not.
  const slope = (pick: (s: Sample) => number) => {
    const half = samples.filter((s) => s.atMin >= minutes / 2);
    const mx = half.reduce((a, s) => a + s.atMin, 0) / half.length;
    const my = half.reduce((a, s) => a + pick(s), 0) / half.length;
    const sxy = half.reduce((a, s) => a + (s.atMin - mx) * (pick(s) - my), 0);
    const sxx = half.reduce((a, s) => a + (s.atMin - mx) ** 2, 0);
    return sxx > 0 ? sxy / sxx : NaN;
  };
  const line = (label: string, pick: (s: Sample) => number, unit: string, g: number) =>
    console.log(
      `  ${label.padEnd(14)} ${fmt(median(first.map(pick)), 1)} → ${fmt(median(last.map(pick)), 1)} ${unit}, growth ${fmt(g, 1)} %`,
    );
  console.log(
    `\nafter ${fmt(minutes)} min (medians: minutes ${fmt(settle)}–${fmt(settle + windowMin)} → the last ${fmt(windowMin)}):`,
  );
  line('JS heap', (s) => s.heapMiB, 'MiB', heapGrowth);
  line(
    'V8 committed',
    (s) => s.heapTotalMiB,
    'MiB',
    growth((s) => s.heapTotalMiB),
  );
  line('Chromium RSS', (s) => s.rssMiB, 'MiB', rssGrowth);
  line('Chromium PSS', (s) => s.pssMiB, 'MiB', pssGrowth);
  line('private', (s) => s.anonMiB, 'MiB', anonGrowth);
  console.log(
    `  second half    RSS ${fmt(
      slope((s) => s.rssMiB),
      1,
    )}, PSS ${fmt(
      slope((s) => s.pssMiB),
      1,
    )}, ` +
      `private ${fmt(
        slope((s) => s.anonMiB),
        1,
      )} MiB a minute`,
  );
  console.log(`  DOM nodes      ${median(first.map((s) => s.nodes))} → ${median(last.map((s) => s.nodes))}`);
  const notPlaying = lastFacts.filter((t) => t.state !== 'playing').map((t) => `${t.cameraId} ${t.state}`);
  console.log(
    `  players        ${last.at(-1)?.players} live; tiles playing at the end: ${last.at(-1)?.playing}/${tiles}` +
      (notPlaying.length ? ` (not playing: ${notPlaying.join(', ')})` : ''),
  );
  const flv = lastFacts.filter((t) => t.transport === 'flv').length;
  console.log(`  transport      ${flv} tiles FLV over WebSocket, ${lastFacts.length - flv} HLS`);
  const decoded = lastFacts.reduce((a, t) => a + t.decoded, 0);
  const dropped = lastFacts.reduce((a, t) => a + t.dropped, 0);
  console.log(
    `  Chromium CPU   ${fmt(cores, 2)} cores on average; frames dropped ${fmt((100 * dropped) / Math.max(1, decoded))} % ` +
      `(since each tile's last rebuild)`,
  );
  const flat = heapGrowth < 10 && rssGrowth < 10 && pssGrowth < 10 && anonGrowth < 10;
  console.log(
    `  verdict: ${flat ? 'flat (< 10 %)' : 'GREW ≥ 10 %'}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!flat) process.exitCode = 1;
  if (keepDebugger) await browser.close();
} finally {
  await chrome.close();
  await web.stop();
}
