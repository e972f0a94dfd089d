/**
 * From the map to the wall (issue 16 §5): a wall operator finds a camera on the map by name, its floating player
 * plays under the viewer's watermark, and dragging the player's title onto a tile of the miniature wall puts the
 * camera on that tile of the video wall.
 */
import { expect, test } from './fixtures.js';
import { hubQuery, openWall, tiles } from './wall-support.js';

test.describe.configure({ timeout: 300_000 });

test('a camera found on the map plays under a watermark and is dragged onto wall tile 2', async ({ consolePage }) => {
  const [camera] = hubQuery<{ id: string; name: string }>(
    `SELECT id, name FROM cameras WHERE sensitive = 0 AND online = 1 AND org_unit_code LIKE '431099001%'
      AND name NOT IN (SELECT name FROM cameras GROUP BY name HAVING count(*) > 1) ORDER BY id LIMIT 1`,
  );
  const page = await consolePage();
  await openWall(page, 'county.wall');
  await page.getByTestId('nav-map').click();
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).not.toHaveAttribute('data-events', '0', { timeout: 60_000 });

  // 定位监控点: type part of the name, pick it — the map flies in to where camera icons show and opens its player.
  const locate = page.getByTestId('map-locate-camera');
  await locate.click();
  await page.keyboard.type(camera!.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: camera!.name }).first().click();
  const player = page.getByTestId('map-camera-tile');
  await expect(player).toHaveAttribute('data-camera-id', camera!.id);
  await expect.poll(async () => Number(await canvas.getAttribute('data-zoom'))).toBeGreaterThanOrEqual(14);
  // It plays, under the same watermark as the wall's tiles: who is watching.
  await expect
    .poll(() => player.locator('video').evaluate((v) => (v as unknown as { currentTime: number }).currentTime), {
      timeout: 90_000,
    })
    .toBeGreaterThan(0.5);
  await expect(player.getByTestId('tile-watermark')).toContainText('county.wall');

  // Drag the player's title: the miniature wall appears, and the drop goes on tile 2.
  const handle = page.getByTestId('map-camera-drag');
  const from = (await handle.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + from.height / 2 + 20, { steps: 5 });
  const dock = page.getByTestId('map-wall-dock');
  await expect(dock).toBeVisible();
  const target = (await dock.getByTestId('map-wall-dock-tile').nth(1).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('map-dropped')).toHaveAttribute('data-tile', '2');
  await expect(dock).toHaveCount(0);

  await page.getByTestId('map-dropped').getByRole('button').click();
  await expect(page.getByTestId('wall-view')).toBeVisible();
  await expect(tiles(page).nth(1)).toHaveAttribute('data-camera-id', camera!.id);
  await expect(tiles(page).nth(1).locator('.wall-tile-name')).toHaveText(camera!.name);
});
