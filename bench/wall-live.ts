/**
 * The wall's live transports side by side in one run, on the same web console and cameras: HLS (hls.js with the
 * wall's settings, renderer/src/wall/latency-settings.ts), FLV over a WebSocket (what the wall plays) and FLV over
 * HTTP (mpegts.js with renderer/src/wall/flv-config.ts), one after the other so each has the machine to itself.
 * Prints, per transport:
 *   - live latency p50/p95 on the live-encoded (clock) cameras: wall clock minus when the frame on screen was
 *     produced — HLS from EXT-X-PROGRAM-DATE-TIME, FLV from the hub's onGridJoin tag plus the playhead (both are
 *     glass-to-glass minus the camera's capture, which the demo cameras do not have);
 *   - time to first frame of one tile (ticket asked → first frame), p50/p95 over `--rounds` starts;
 *   - switching a 16-tile wall to 16 other cameras until all play, p50/p95 over `--switches`;
 *   - dropped frames on the 16-tile wall (getVideoPlaybackQuality) over `--seconds`.
 * As the wall's tile does: a ticket refused for a passing reason (the hub busy, a stream starting) is asked again (an
 * HTTP-FLV start refused with 503 is retried on the same ticket; a WebSocket waits at the hub instead); FLV tiles chase the live edge where
 * few play (the clock cameras, the single tile) and play steadily on the 16-tile wall (flv-config.ts). Each
 * transport's row is printed as soon as it is measured.
 *
 * FLV over HTTP is kept as the row that shows why the wall uses a WebSocket: one page's seventh never-ending response
 * waits for one of Chromium's six connections per host, so its 16-tile wall never plays whole (tiles counted).
 *
 *   npx tsx bench/wall-live.ts [--rounds=10] [--switches=4] [--seconds=30] [--transports=ws-flv,hls,flv]
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { FLV_CHASE_MAX_TILES, wallFlvSettings } from '../renderer/src/wall/flv-config.js';
import { WALL_LATENCY_SETTINGS } from '../renderer/src/wall/latency-settings.js';
import { flag, fmt, launchChromium, percentile, playableCameras, startWebConsole } from './lib/wall-bench.js';
import { openHarness } from './lib/wall-harness.js';

const rounds = flag('rounds', 10);
const switches = flag('switches', 4);
const seconds = flag('seconds', 30);
const mpegtsScript = readFileSync(createRequire(import.meta.url).resolve('mpegts.js/dist/mpegts.js'), 'utf8');

type Transport = 'hls' | 'ws-flv' | 'flv';
const LABELS: Record<Transport, string> = {
  'ws-flv': 'FLV over WebSocket (mpegts.js, 1-s GOP): the wall',
  hls: 'HLS (hls.js, 2-s segments)',
  flv: 'FLV over HTTP (mpegts.js, 1-s GOP)',
};
/** `--transports=ws-flv,hls,flv` (the default: all three, in that order). */
const transports = (
  process.argv.find((a) => a.startsWith('--transports='))?.slice('--transports='.length) ?? 'ws-flv,hls,flv'
)
  .split(',')
  .filter((t): t is Transport => t in LABELS);

/** Page side: start one player (a fresh ticket, then hls.js or mpegts.js) in a new <video>; returns its index. */
async function startTile(page: Page, transport: Transport, cameraId: string, config: object): Promise<number> {
  return page.evaluate(
    async ({ transport, cameraId, config }) => {
      const w = globalThis as any;
      w.tiles ??= [];
      const askedAt = performance.now();
      let answer: any;
      for (let attempt = 0; ; attempt++) {
        answer = await (
          await fetch('/rpc/cameras.stream', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ cameraId, quality: 'sub', transport: transport === 'hls' ? 'hls' : 'flv' }),
          })
        ).json();
        const passing = ['hub_unreachable', 'stream_starting', 'rate_limited'].includes(answer.error?.code);
        if (answer.ok || !passing || attempt >= 10) break;
        await new Promise((r) => setTimeout(r, 1000)); // the tile's reconnect, without its backoff
      }
      const video = w.document.createElement('video');
      if (!answer.ok) {
        // Refused for good (the console lost the hub under load): a tile that never plays, counted as such.
        console.warn(`${cameraId}: ${answer.error.code}`);
        w.tiles.push({ transport, video, askedAt, firstFrameMs: null, flvUrl: null, player: null });
        return w.tiles.length - 1;
      }
      video.muted = true;
      video.style.cssText = 'width:320px;height:180px;object-fit:contain';
      w.document.body.append(video);
      const url: string = answer.value.url;
      const httpFlvUrl = url.replace(/index\.m3u8$/, 'live.flv');
      const flvUrl = transport === 'ws-flv' ? httpFlvUrl.replace(/^http/, 'ws') : httpFlvUrl;
      const tile: any = { transport, video, askedAt, firstFrameMs: null, frameAt: null, player: null };
      video.addEventListener('timeupdate', () => {
        if (tile.firstFrameMs === null && video.currentTime > 0) tile.firstFrameMs = performance.now() - askedAt;
      });
      if (transport === 'hls') {
        const hls = new w.Hls({ ...config, pLoader: w.rebasingLoader(w.Hls) });
        hls.on(w.Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
        hls.loadSource(url);
        hls.attachMedia(video);
        tile.player = hls;
      } else {
        // A start refused with 503 (stream starting) is asked again on the same ticket, as the tile does.
        let refusals = 0;
        const open = () => {
          const player = w.mpegts.createPlayer(
            { type: 'flv', isLive: true, url: flvUrl, hasAudio: false, hasVideo: true, cors: true },
            config,
          );
          // When the first frame this viewer got was produced (the hub's onGridJoin tag): the picture's age.
          player.on(w.mpegts.Events.SCRIPTDATA_ARRIVED, (data: any) => {
            if (typeof data?.onGridJoin?.frameAt === 'number') tile.frameAt = data.onGridJoin.frameAt;
          });
          player.on(w.mpegts.Events.ERROR, (_type: string, _detail: string, info: any) => {
            if (info?.code !== 503 || tile.firstFrameMs !== null || refusals >= 5 || tile.player !== player) return;
            refusals++;
            tile.refusals = refusals;
            player.pause();
            player.unload();
            player.detachMediaElement();
            player.destroy();
            tile.player = null;
            setTimeout(() => !tile.cleared && open(), 1000);
          });
          player.attachMediaElement(video);
          player.load();
          void Promise.resolve(player.play()).catch(() => undefined);
          tile.player = player;
        };
        open();
      }
      w.tiles.push(tile);
      return w.tiles.length - 1;
    },
    { transport, cameraId, config },
  );
}

/** Page side: destroys every tile (as the wall's recycling does) and empties the page. */
function clearTiles(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = globalThis as any;
    for (const tile of w.tiles ?? []) {
      tile.cleared = true;
      if (!tile.player) {
        // an FLV start waiting to be asked again: nothing runs
      } else if (tile.transport === 'hls') tile.player.destroy();
      else {
        tile.player.pause();
        tile.player.unload();
        tile.player.detachMediaElement();
        tile.player.destroy();
      }
      tile.video.remove();
    }
    w.tiles = [];
  });
}

interface TileSample {
  firstFrameMs: number | null;
  /** Seconds between now and when the frame on screen was produced; null until known. */
  age: number | null;
  dropped: number;
  decoded: number;
}

function sampleTiles(page: Page): Promise<TileSample[]> {
  return page.evaluate(() =>
    ((globalThis as any).tiles as any[]).map((tile) => {
      const video = tile.video;
      const quality = video.getVideoPlaybackQuality();
      let age: number | null = null;
      if (!tile.player) {
        // refused, or an FLV start waiting to be asked again: no picture
      } else if (tile.transport === 'hls') {
        const playing = tile.player.playingDate as Date | null;
        age = playing ? (Date.now() - playing.getTime()) / 1000 : null;
      } else {
        if (tile.frameAt !== null && video.currentTime > 0) {
          age = (Date.now() - (tile.frameAt + video.currentTime * 1000)) / 1000;
        }
      }
      return {
        firstFrameMs: tile.firstFrameMs,
        age,
        dropped: quality.droppedVideoFrames,
        decoded: quality.totalVideoFrames,
      };
    }),
  );
}

async function waitAllPlaying(page: Page, timeoutMs: number): Promise<number[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const samples = await sampleTiles(page);
    if (samples.every((s) => s.firstFrameMs !== null) || Date.now() > end) {
      return samples.map((s) => s.firstFrameMs ?? timeoutMs);
    }
    await page.waitForTimeout(100);
  }
}

const web = await startWebConsole(5400 + Math.floor(Math.random() * 500));
const browser = await launchChromium();
try {
  const page = await openHarness(browser, web.url, 'county.wall');
  await page.addScriptTag({ content: mpegtsScript });
  // tsx (esbuild, keepNames) wraps named functions in the page-side code in __name(): give the page a no-op one.
  await page.evaluate('globalThis.__name = (f) => f');
  const cameras = playableCameras(web.dataDir, 2 + 32 + rounds);
  const clock = cameras.slice(0, 2); // the two cameras the demo hub encodes live, with a clock
  const wallA = cameras.slice(2, 18);
  const wallB = cameras.slice(18, 34);
  const singles = cameras.slice(34);
  // [few tiles, the 16-tile wall]: an FLV tile chases the live edge only while few play (flv-config.ts).
  const configs: Record<Transport, [object, object]> = {
    hls: [
      { ...WALL_LATENCY_SETTINGS, enableWorker: true },
      { ...WALL_LATENCY_SETTINGS, enableWorker: true },
    ],
    'ws-flv': [{ ...wallFlvSettings(true) }, { ...wallFlvSettings(16 <= FLV_CHASE_MAX_TILES) }],
    flv: [{ ...wallFlvSettings(true) }, { ...wallFlvSettings(16 <= FLV_CHASE_MAX_TILES) }],
  };
  const rows: string[] = [];
  // FLV first: on a loaded machine the HLS wall (a live x264 encode per demo PTZ camera) is what can starve the hub.
  // HTTP-FLV last: its wall is the one that never plays whole.
  for (const transport of transports) {
    const [config, wallConfig] = configs[transport];
    // 1. Latency on the clock cameras, 20 s after they start.
    for (const id of clock) await startTile(page, transport, id, config);
    await page.waitForTimeout(15_000);
    const ages: number[] = [];
    for (let s = 0; s < seconds; s++) {
      await page.waitForTimeout(1000);
      for (const x of await sampleTiles(page)) if (x.age !== null) ages.push(x.age);
    }
    await clearTiles(page);
    // 2. One tile, first frame: a camera not yet running (`singles`) then a running one (the clock cameras).
    const ttff: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await startTile(page, transport, r % 2 === 0 ? singles[r % singles.length]! : clock[r % 2]!, config);
      ttff.push(...(await waitAllPlaying(page, 15_000)));
      await clearTiles(page);
      await page.waitForTimeout(500);
    }
    // 3. A 16-tile wall switched to 16 other cameras, until all play; 4. its dropped frames.
    for (const id of wallA) await startTile(page, transport, id, wallConfig);
    await waitAllPlaying(page, 30_000);
    const switchMs: number[] = [];
    let timeouts = 0;
    let dropped = 0;
    let decoded = 0;
    for (let k = 0; k < switches; k++) {
      await clearTiles(page);
      const startedAt = Date.now();
      await Promise.all((k % 2 === 0 ? wallB : wallA).map((id) => startTile(page, transport, id, wallConfig)));
      timeouts += (await waitAllPlaying(page, 30_000)).filter((ms) => ms >= 30_000).length;
      switchMs.push(Date.now() - startedAt);
      if (k === switches - 1) {
        const before = await sampleTiles(page);
        await page.waitForTimeout(seconds * 1000);
        const after = await sampleTiles(page);
        dropped = after.reduce((n, x, i) => n + x.dropped - (before[i]?.dropped ?? 0), 0);
        decoded = after.reduce((n, x, i) => n + x.decoded - (before[i]?.decoded ?? 0), 0);
      }
    }
    await clearTiles(page);
    rows.push(
      `| ${LABELS[transport]} | ` +
        `${fmt(percentile(ages, 50), 2)} / ${fmt(percentile(ages, 95), 2)} s | ` +
        `${fmt(percentile(ttff, 50))} / ${fmt(percentile(ttff, 95))} ms | ` +
        `${fmt(percentile(switchMs, 50))} / ${fmt(percentile(switchMs, 95))} ms | ` +
        `${decoded > 0 ? ((100 * dropped) / decoded).toFixed(1) : '–'} % |`,
    );
    console.log(
      `${rows.at(-1)} — ${timeouts} tile(s) not playing after 30 s over the switches; load average ` +
        loadavg()
          .map((l) => l.toFixed(1))
          .join(' '),
    );
    await page.waitForTimeout(2000);
  }
  console.log(
    `\nlive transports, one run: latency over ${seconds} s on ${clock.length} clock cameras; first frame over ` +
      `${rounds} single tiles; ${switches} switches of a 16-tile wall; dropped frames over ${seconds} s of 16 tiles\n`,
  );
  console.log('| transport | latency p50 / p95 | first frame p50 / p95 | 16-tile switch p50 / p95 | dropped |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(
    `\nload average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await web.stop();
}
