/**
 * A bare hls.js page for the wall benches: the same web console origin (so stream tickets come through the console
 * service with the signed-in session cookie), no React and no wall UI, N players with a given hls.js config. Used to
 * compare the wall's latency settings with hls.js's defaults on identical streams, and to see what the wall's own UI
 * costs on top of the players.
 */
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const hlsScript = readFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'), 'utf8');

/**
 * The wall's playlist fix for hls.js 1.7.4 (renderer/src/wall/hls-config.ts), as plain page script: one loader class
 * per player renumbering discontinuities from the first playlist it loads.
 */
const rebasingLoaderScript = `
window.rebasingLoader = (Hls) => {
  let base = null;
  return class extends Hls.DefaultConfig.loader {
    load(context, config, callbacks) {
      const onSuccess = callbacks.onSuccess;
      super.load(context, config, { ...callbacks, onSuccess: (response, ...rest) => {
        if (typeof response.data === 'string') {
          const m = /#EXT-X-DISCONTINUITY-SEQUENCE:(\\d+)/.exec(response.data);
          if (m) {
            const n = Number(m[1]);
            base = base === null || n < base ? n : base;
            response.data = response.data.replace(m[0], '#EXT-X-DISCONTINUITY-SEQUENCE:' + (n - base));
          }
        }
        onSuccess(response, ...rest);
      } });
    }
  };
};`;

export interface HarnessSample {
  readonly group: string;
  /** hls.latency: distance from the live edge, seconds. */
  readonly latency: number | null;
  /** Wall clock minus the playing frame's EXT-X-PROGRAM-DATE-TIME, seconds. */
  readonly pdtLatency: number | null;
  readonly time: number;
  readonly stalls: number;
}

/** Signs in through the console's login page, then opens a same-origin blank page with hls.js loaded. */
export async function openHarness(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.goto(`${url}/bench-harness.txt`); // any same-origin page; the 404 text is replaced below
  await page.evaluate(() => {
    const body = (globalThis as any).document.body;
    body.innerHTML = '';
    body.style.cssText = 'margin:0;background:#000;display:flex;flex-wrap:wrap';
  });
  await page.addScriptTag({ content: hlsScript });
  await page.addScriptTag({ content: rebasingLoaderScript });
  return page;
}

/**
 * Starts one player per camera in the page, in `group`, with `config` (plain JSON) — plus, for every group alike,
 * the wall's playlist fix for hls.js 1.7.4 (discontinuities renumbered from the first playlist, see
 * renderer/src/wall/tile-state.ts), without which the demo cameras freeze any hls.js page.
 */
export async function startPlayers(
  page: Page,
  group: string,
  cameraIds: readonly string[],
  config: Record<string, unknown>,
  tileWidth = 320,
): Promise<void> {
  await page.evaluate(
    async ({ group, cameraIds, config, tileWidth }) => {
      // In the page (this file is typed for Node, so the DOM is reached through globalThis).
      const w = globalThis as any;
      const document = w.document;
      const Hls = w.Hls;
      w.players ??= [];
      for (const cameraId of cameraIds) {
        const answer: any = await (
          await fetch('/rpc/cameras.stream', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ cameraId, quality: 'sub' }),
          })
        ).json();
        if (!answer.ok) throw new Error(`${cameraId}: ${answer.error.code}`);
        const Rebasing = w.rebasingLoader(Hls);
        const video = document.createElement('video');
        video.muted = true;
        video.style.cssText = `width:${tileWidth}px;height:${Math.round((tileWidth * 9) / 16)}px;object-fit:contain`;
        document.body.append(video);
        const hls = new Hls({ ...config, pLoader: Rebasing });
        const player = { group, hls, video, stalls: 0 };
        hls.on(Hls.Events.ERROR, (_e: unknown, data: { details: string }) => {
          if (data.details === 'bufferStalledError') player.stalls++;
        });
        hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch(() => undefined));
        hls.loadSource(answer.value.url);
        hls.attachMedia(video);
        w.players.push(player);
      }
    },
    { group, cameraIds: [...cameraIds], config, tileWidth },
  );
}

export function sampleHarness(page: Page): Promise<HarnessSample[]> {
  return page.evaluate(() =>
    ((globalThis as any).players as Array<Record<string, any>>).map((p) => {
      const latency = p.hls.latency;
      const playing = p.hls.playingDate as Date | null;
      return {
        group: p.group as string,
        latency: Number.isFinite(latency) && latency > 0 ? (latency as number) : null,
        pdtLatency: playing ? (Date.now() - playing.getTime()) / 1000 : null,
        time: p.video.currentTime as number,
        stalls: p.stalls as number,
      };
    }),
  );
}
