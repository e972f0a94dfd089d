/**
 * PTZ on the wall (issue 16 §3): a county duty officer puts a demo PTZ camera on the wall, takes control on the tile's
 * pad, steers it with the keyboard and sees the picture move; a second operator sees who holds the camera and is
 * refused with the holder named until Esc hands it back; a township director cannot steer a neighbour's camera.
 */
import type { Locator } from '@playwright/test';
import { consoleCall, expect, logIn, test } from './fixtures.js';
import { chooseLayout, hubQuery, openCamera, openWall, tiles } from './wall-support.js';

test.describe.configure({ timeout: 600_000 });

/** The parts of the page's DOM the grab uses (the e2e specs compile without the DOM library). */
interface PageDom {
  document: {
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(
        kind: '2d',
        options: { willReadFrequently: boolean },
      ): {
        drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      } | null;
    };
  };
}

/** The tile's current picture as 32×18 grey levels, drawn from its <video> (what the operator sees). */
const grab = (tile: Locator): Promise<number[]> =>
  tile.locator('video').evaluate((video) => {
    const canvas = (globalThis as unknown as PageDom).document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 18;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(video, 0, 0, 32, 18);
    const rgba = g.getImageData(0, 0, 32, 18).data;
    const grey: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i]! + rgba[i + 1]! + rgba[i + 2]!) / 3));
    return grey;
  });

const difference = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

/** A click on the picture focuses the tile: the keyboard then steers it (once in control). */
async function focusTile(tile: Locator): Promise<void> {
  const box = (await tile.boundingBox())!;
  await tile.click({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await expect(tile).toHaveClass(/wall-tile-focused/);
}

const displayName = (username: string) =>
  hubQuery<{ n: string }>(`SELECT display_name AS n FROM users WHERE username = ?`, username)[0]!.n;

test('a duty officer steers a demo PTZ camera; a second operator is refused while the first holds it', async ({
  consolePage,
}) => {
  // A demo PTZ camera of township 01 (城关镇), so township 02's director is a neighbour.
  const [camera] = hubQuery<{ id: string }>(
    `SELECT id FROM cameras WHERE kind = 'ptz' AND main_stream LIKE 'demo:%' AND sensitive = 0 AND online = 1
       AND retired_at IS NULL AND org_unit_code LIKE '431099001%' ORDER BY code LIMIT 1`,
  );
  expect(camera).toBeDefined();
  const holder = displayName('county.duty');

  const page = await consolePage();
  await openWall(page, 'county.duty');
  await chooseLayout(page, '4');
  await openCamera(page, camera!.id);
  const tile = tiles(page).first();
  await expect(tile).toHaveAttribute('data-camera-id', camera!.id);
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 90_000 });
  await focusTile(tile);
  await page.waitForTimeout(2000);
  const before = await grab(tile);
  await page.waitForTimeout(1500);
  const baseline = difference(before, await grab(tile)); // the demo picture moves on its own a little

  // Clicking the pad takes control; then the keyboard steers (zoom in twice, up).
  await tile.hover();
  await tile.getByRole('button', { name: '向右' }).click();
  const lock = tile.getByTestId('tile-ptz-lock');
  // The command answers once the re-aimed picture is served (a new encoder's first segment): slow on a loaded machine.
  await expect(lock).toHaveAttribute('data-holder', holder, { timeout: 60_000 });
  await expect(lock).toContainText('您正在操控');
  await page.keyboard.press('=');
  await page.keyboard.press('=');
  await page.keyboard.press('ArrowUp');

  // The picture moves within a couple of seconds of the commands (a new crop is encoded and switched in).
  let moved = 0;
  await expect
    .poll(
      async () => {
        moved = difference(before, await grab(tile));
        return moved > 20 && moved > baseline * 2;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(true);
  await expect(tile).toHaveAttribute('data-state', 'playing'); // the tile kept playing through the switch
  const status = await consoleCall(page, 'ptz.status', { cameraId: camera!.id });
  expect(status).toMatchObject({ ok: true, value: { lock: { displayName: holder, heldByYou: true } } });
  expect((status as unknown as { value: { position: { zoom: number } } }).value.position.zoom).toBeCloseTo(2.25, 2);

  // A second operator (the county's wall operator, in their own console) sees who steers and is refused.
  const other = await consolePage();
  await openWall(other, 'county.wall');
  await chooseLayout(other, '4');
  await openCamera(other, camera!.id);
  const otherTile = tiles(other).first();
  await expect(otherTile).toHaveAttribute('data-state', 'playing', { timeout: 90_000 });
  await focusTile(otherTile);
  // The holder steers once more (the second console took a while to start): the lock runs 60 s from this command.
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(
      async () => {
        const s = (await consoleCall(page, 'ptz.status', { cameraId: camera!.id })) as unknown as {
          value: { lock: { secondsLeft: number } | null };
        };
        return s.value.lock?.secondsLeft ?? 0;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(50);
  await otherTile.hover();
  const otherLock = otherTile.getByTestId('tile-ptz-lock');
  await expect(otherLock).toContainText(`由 ${holder} 操控中`);
  await otherTile.getByRole('button', { name: '向左' }).click();
  await expect(otherTile.locator('.wall-ptz-problem')).toHaveText('其他操作员正在操控该摄像机');
  await expect(otherLock).toHaveAttribute('data-holder', holder);
  const refused = await consoleCall(other, 'ptz.command', {
    cameraId: camera!.id,
    command: { action: 'move', pan: -1, tilt: 0, zoom: 0 },
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'ptz_locked', params: { holder } } });

  // Esc hands the camera back: the holder's lock line goes, and the other operator may steer.
  await page.keyboard.press('Escape');
  await expect(lock).toHaveCount(0);
  await expect(otherLock).toHaveCount(0, { timeout: 15_000 }); // the focused tile re-reads the lock every 5 s
  await otherTile.hover();
  await otherTile.getByRole('button', { name: '向左' }).click();
  await expect(otherLock).toContainText('您正在操控', { timeout: 60_000 });
  await other.keyboard.press('Escape');
  await expect(otherLock).toHaveCount(0);

  // A township director may not steer a neighbour township's camera: the hub refuses, naming no lock.
  const neighbour = await consolePage();
  await logIn(neighbour, 'town02.director');
  await expect(neighbour.getByTestId('nav-wall')).toBeVisible();
  const notPermitted = await consoleCall(neighbour, 'ptz.command', {
    cameraId: camera!.id,
    command: { action: 'move', pan: 1, tilt: 0, zoom: 0 },
  });
  expect(notPermitted).toMatchObject({ ok: false, error: { code: 'ptz_not_permitted' } });
  const audit = hubQuery<{ username: string }>(
    `SELECT DISTINCT username FROM ptz_audit WHERE camera_id = ? ORDER BY username`,
    camera!.id,
  ).map((r) => r.username);
  expect(audit).not.toContain('town02.director');
});
