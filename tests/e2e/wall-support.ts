/** Helpers of the wall's end-to-end tests: open the wall, read tiles, look at the e2e hub's database read-only. */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn } from './fixtures.js';

/** Rows from the hub the web server runs (the test never writes to it). */
export function hubQuery<Row>(sql: string, ...params: unknown[]): Row[] {
  const dir = process.env.GRID_E2E_DATA_DIR;
  if (!dir) throw new Error('GRID_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  const db = new Database(join(dir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

export async function openWall(page: Page, username: string): Promise<void> {
  await logIn(page, username);
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('wall-view')).toBeVisible();
  await expect(page.getByTestId('camera-tree')).not.toHaveAttribute('data-total', '');
}

export async function chooseLayout(page: Page, kind: string): Promise<void> {
  await page.getByTestId(`layout-${kind}`).click();
  await expect(page.getByTestId('wall-grid')).toHaveAttribute('data-layout', kind);
}

export const tiles = (page: Page) => page.getByTestId('wall-tile');

export async function tileFacts(page: Page): Promise<Array<{ cameraId: string; state: string; time: number }>> {
  return tiles(page).evaluateAll((nodes) =>
    nodes.map((n) => ({
      cameraId: n.getAttribute('data-camera-id') ?? '',
      state: n.getAttribute('data-state') ?? '',
      time: n.querySelector('video')?.currentTime ?? 0,
    })),
  );
}

/** Every tile with a camera is playing and its picture moves: currentTime grows between two looks. */
export async function expectAllAdvancing(page: Page, count: number, timeout = 90_000): Promise<void> {
  await expect
    .poll(async () => (await tileFacts(page)).filter((t) => t.cameraId && t.state === 'playing').length, {
      timeout,
      intervals: [1000],
    })
    .toBe(count);
  const before = await tileFacts(page);
  await page.waitForTimeout(3000);
  const after = await tileFacts(page);
  // The last tile is the alert tile: a simulated serious event may propose its camera there between the two looks.
  // Such a tile shows another picture, not a stuck one; any other tile changing camera is a fault.
  const alertTile = after.length - 1;
  const swapped = after.flatMap((t, i) => (t.cameraId !== before[i]!.cameraId ? [i] : []));
  expect(
    swapped.filter((i) => i !== alertTile),
    JSON.stringify({ before, after }),
  ).toEqual([]);
  const stuck = after.filter((t, i) => t.cameraId && !swapped.includes(i) && !(t.time > before[i]!.time));
  expect(stuck, JSON.stringify({ before, after })).toEqual([]);
}

/** Puts a camera on the focused tile the way an operator types it into "调看". */
export async function openCamera(page: Page, idOrCode: string): Promise<void> {
  const input = page.getByTestId('open-camera').locator('input');
  await input.fill(idOrCode);
  await input.press('Enter');
}

/** Pids of the processes running with this e2e run's data folder: the web host and its embedded hub. */
function e2eHubPids(): Set<string> {
  const wanted = `GRID_DATA_DIR=${process.env.GRID_E2E_DATA_DIR}\0`;
  const pids = new Set<string>();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(wanted)) pids.add(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/**
 * The pid of the newest ffmpeg this run's hub runs for a camera's stream (hub/media writes each one's pid into its
 * work folder, `<tmp>/grid-media-<hub pid>-…/<camera>-<quality>-<n>/ffmpeg.pid`); other hubs on the machine are
 * left alone.
 */
export function ffmpegPidOf(cameraId: string, quality: 'sub' | 'main' = 'sub'): number | null {
  let best: { pid: number; at: number } | null = null;
  const hubs = e2eHubPids();
  const ours = (name: string) => hubs.has(name.slice('grid-media-'.length).split('-')[0] ?? '');
  for (const hubDir of readdirSync(tmpdir()).filter((n) => n.startsWith('grid-media-') && ours(n))) {
    const base = join(tmpdir(), hubDir);
    let streams: string[];
    try {
      streams = readdirSync(base).filter((n) => n.startsWith(`${cameraId}-${quality}-`));
    } catch {
      continue; // a hub's folder removed meanwhile
    }
    for (const stream of streams) {
      const file = join(base, stream, 'ffmpeg.pid');
      if (!existsSync(file)) continue;
      const at = statSync(file).mtimeMs;
      if (!best || at > best.at) best = { pid: Number(readFileSync(file, 'utf8')), at };
    }
  }
  return best?.pid ?? null;
}
