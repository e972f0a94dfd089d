/** A tour on one tile switches cameras after its dwell time, and pauses while the operator works on that tile. */
import { expect, test } from './fixtures.js';
import { chooseLayout, openWall, tileFacts, tiles } from './wall-support.js';

test('a tour switches cameras and pauses on interaction', async ({ consolePage }) => {
  test.setTimeout(120_000);
  const page = await consolePage();
  await openWall(page, 'county.wall');
  await chooseLayout(page, '4');

  // Tick three cameras of one grid in the tree (a search opens the way to them).
  await page.getByTestId('camera-search').locator('input').fill('城关镇东门社区');
  const nodes = page.getByTestId('camera-node');
  await expect(nodes.first()).toBeVisible();
  const picked: string[] = [];
  for (let i = 0; i < 3; i++) {
    const node = nodes.nth(i);
    picked.push((await node.getAttribute('data-camera-id'))!);
    await node.locator('xpath=ancestor::*[contains(@class,"ant-tree-treenode")]').locator('.ant-tree-checkbox').click();
  }
  await page.getByTestId('tab-tours').click();
  await page.getByTestId('tour-dwell').locator('input').fill('5');
  await page.getByTestId('tour-on-tile').click();

  const first = tiles(page).first();
  await expect(first).toHaveAttribute('data-camera-id', picked[0]!);
  await expect(first.getByTestId('tile-tour')).toContainText('轮巡 1/3');
  await expect(first).toHaveAttribute('data-camera-id', picked[1]!, { timeout: 15_000 });
  await expect(first.getByTestId('tile-tour')).toContainText('轮巡 2/3');
  await expect(first).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });

  // Working on the tile pauses its tour.
  const box = (await first.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 5, box.y + box.height / 2 + 5);
  await expect(first.getByTestId('tile-tour')).toContainText('已暂停');
  const during = (await tileFacts(page))[0]!.cameraId;
  await page.waitForTimeout(7000);
  expect((await tileFacts(page))[0]!.cameraId).toBe(during);
});
