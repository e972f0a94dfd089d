/**
 * Shared by the wall benches (bench/wall-*.ts): the real web console (hub + console service + the built renderer,
 * `npm run web`'s code path) in its own process on a fresh demo county, Debian's Chromium driven by Playwright with
 * the e2e suite's flags, and the CPU and memory of that Chromium read from /proc.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../playwright.config.js';

export { percentile } from './hub-process.js';

export interface WebConsole {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** A number flag: `--minutes=5`. */
export function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

export async function startWebConsole(port: number): Promise<WebConsole> {
  if (!existsSync('out/renderer/index.html')) throw new Error('build the renderer first: npm run build:renderer');
  const dataDir = mkdtempSync(join(tmpdir(), 'grid-wall-bench-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/web-host/cli.ts'], {
    env: {
      ...process.env,
      GRID_WEB_PORT: String(port),
      GRID_DATA_DIR: dataDir,
      GRID_DEMO: '1',
      // The demo clips are encoded once per machine and shared with the e2e suite.
      GRID_MEDIA_CACHE: process.env.GRID_MEDIA_CACHE ?? join(tmpdir(), 'grid-e2e-media-cache'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /web console: (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`web console exited with ${code}: ${out}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the e2e suite's flags. `--gpu` leaves out `--disable-gpu`: on a machine without a GPU Chromium then
 * composites with SwiftShader instead of painting video frames in software on its main thread.
 */
export async function launchChromium(): Promise<Browser> {
  const args = process.argv.includes('--gpu') ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu') : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
}

export async function openWall(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await signInToWall(page, url, username);
  return page;
}

/** Signs in on `page` and waits for the wall with its camera tree. */
export async function signInToWall(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('wall-view').waitFor();
  await page.waitForSelector('[data-testid=camera-unit]');
}

/** Cameras of the county seat that play without a reason (not sensitive) and are online now, in code order. */
export function playableCameras(dataDir: string, count: number): string[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id FROM cameras WHERE org_unit_code LIKE '431099001%' AND sensitive = 0 AND online = 1
         ORDER BY code LIMIT ?`,
      )
      .all(count) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  } finally {
    db.close();
  }
}

/** Chooses the layout and drops the cameras on tile 1, as a drag from the tree (or the map) does. */
export async function fillWall(page: Page, layout: string, cameraIds: readonly string[]): Promise<void> {
  await page.getByTestId(`layout-${layout}`).click();
  const dataTransfer = await page.evaluateHandle((ids) => {
    // In the page: the DOM's DataTransfer (this file is typed for Node).
    const Transfer = (globalThis as unknown as { DataTransfer: new () => { setData(t: string, d: string): void } })
      .DataTransfer;
    const transfer = new Transfer();
    transfer.setData('application/x-grid-cameras', JSON.stringify(ids));
    return transfer;
  }, cameraIds);
  await page.getByTestId('wall-tile').first().dispatchEvent('drop', { dataTransfer });
}

export interface TileFact {
  readonly cameraId: string;
  readonly state: string;
  readonly time: number;
  readonly ttff: number | null;
  readonly dropped: number;
  readonly decoded: number;
  /** Seconds buffered ahead of the playhead, readyState, visibility: why a tile does not move. */
  readonly ahead: number;
  readonly readyState: number;
  readonly active: boolean;
  /** What the tile plays: 'flv' (over a WebSocket) or 'hls'; '' before its first frame. */
  readonly transport: string;
}

/** What readTileFacts reads of a tile and its <video> (this file is typed for Node, without the DOM). */
interface TileNode {
  getAttribute(name: string): string | null;
  querySelector(selector: 'video'): {
    readonly currentTime: number;
    readonly readyState: number;
    readonly buffered: { readonly length: number; start(i: number): number; end(i: number): number };
    getVideoPlaybackQuality(): { readonly droppedVideoFrames: number; readonly totalVideoFrames: number };
  } | null;
}

/**
 * The tiles as the page sees them. Runs in the page (Playwright's `$$eval`, or as source through a raw DevTools
 * connection: `TILE_FACTS_EXPRESSION`), so it uses nothing from this module.
 */
export function readTileFacts(nodes: readonly TileNode[]): TileFact[] {
  return nodes.map((n) => {
    const video = n.querySelector('video');
    const quality = video?.getVideoPlaybackQuality();
    const ttff = n.getAttribute('data-ttff');
    let ahead = 0;
    for (let i = 0; video && i < video.buffered.length; i++) {
      if (video.buffered.start(i) <= video.currentTime + 0.1 && video.buffered.end(i) >= video.currentTime) {
        ahead = video.buffered.end(i) - video.currentTime;
      }
    }
    return {
      cameraId: n.getAttribute('data-camera-id') ?? '',
      state: n.getAttribute('data-state') ?? '',
      time: video?.currentTime ?? 0,
      ttff: ttff ? Number(ttff) : null,
      dropped: quality?.droppedVideoFrames ?? 0,
      decoded: quality?.totalVideoFrames ?? 0,
      ahead,
      readyState: video?.readyState ?? 0,
      active: n.getAttribute('data-active') === '1',
      transport: n.getAttribute('data-transport') ?? '',
    };
  });
}

export const TILE_FACTS_EXPRESSION = `(${readTileFacts.toString()})([...document.querySelectorAll('[data-testid=wall-tile]')])`;

export function tileFacts(page: Page): Promise<TileFact[]> {
  return page.$$eval('[data-testid=wall-tile]', readTileFacts);
}

/** "12 playing, 3 stalled (cam-0007:rs2+1.4s …)" */
export async function stateSummary(page: Page): Promise<string> {
  const facts = await tileFacts(page);
  const counts = new Map<string, number>();
  for (const t of facts) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  const detail = facts
    .filter((t) => t.state !== 'playing')
    .slice(0, 6)
    .map((t) => `${t.cameraId}:rs${t.readyState}+${t.ahead.toFixed(1)}s${t.active ? '' : ':hidden'}`)
    .join(' ');
  return `${[...counts].map(([state, n]) => `${n} ${state}`).join(', ')}${detail ? ` (${detail})` : ''}`;
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  progress?: () => Promise<string>,
): Promise<number> {
  const started = Date.now();
  let told = started;
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${progress ? `: ${await progress()}` : ''}`);
    }
    if (progress && Date.now() - told > 15_000) {
      told = Date.now();
      console.log(`  … ${await progress()}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return Date.now() - started;
}

/** Every process below this one (the browser and its renderers, GPU and utility processes). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return all;
}

/**
 * CPU seconds used so far and memory of the Chromium this bench launched (its processes only). `rssMiB` adds up each
 * process's resident memory, so a page shared by several processes (Chromium's own code, shared memory) counts once
 * per process; `pssMiB` (proportional set size) splits each shared page between the processes that map it, so it
 * adds up to what the browser as a whole occupies; `anonMiB` is the private memory the processes allocated (heaps,
 * buffers, decoded frames), without the pages of Chromium's own executable and libraries that a process reads in as
 * it first runs a code path — those are file-backed and clean, the kernel drops and re-reads them at will.
 */
export function chromiumUsage(): { cpuSeconds: number; rssMiB: number; pssMiB: number; anonMiB: number } {
  let ticks = 0;
  let rssKiB = 0;
  let pssKiB = 0;
  let anonKiB = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!/chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rssKiB += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      anonKiB += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0);
      pssKiB += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { cpuSeconds: ticks / 100, rssMiB: rssKiB / 1024, pssMiB: pssKiB / 1024, anonMiB: anonKiB / 1024 };
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
