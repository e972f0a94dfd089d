/**
 * A big screen that spends itself on the work (issue 17 §3, §5, §6): side panels fold away and stay folded after a
 * reload, the wall's full-width mode gives a 9-tile layout tiles ≥ 600 px wide at 1920×1080, compact cards show
 * more of the board, "全部上墙" asks before replacing tiles and never touches a running tour (and one undo puts the
 * wall back), the map keeps the scope's extent when the period changes, and English case numbers are not cut.
 */
import type { Page } from '@playwright/test';
import { fillSeriousReport, openBoard } from './dispatch-support.js';
import { expect, logIn, test } from './fixtures.js';
import { chooseLayout, openWall, tiles } from './wall-support.js';

// No timing assertions: the budget is for a loaded, shared 2-core machine.
test.describe.configure({ timeout: 420_000 });

const BIG = { width: 1920, height: 1080 };

/** Cards wholly inside their column's visible body: over the whole board, and in the fullest column. */
const fullyVisibleCards = (page: Page) =>
  page.evaluate(() => {
    // Runs in the page; this file is type-checked against Node.
    const document = (globalThis as any).document;
    let total = 0;
    let column = 0;
    for (const body of document.querySelectorAll('.board-column-body')) {
      const box = body.getBoundingClientRect();
      let here = 0;
      for (const card of body.querySelectorAll('[data-testid="case-card"]')) {
        const r = card.getBoundingClientRect();
        if (r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5) here += 1;
      }
      total += here;
      column = Math.max(column, here);
    }
    return { total, column };
  });

test('folded panels and the wall-distance scale stay as the officer left them after a reload', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await openBoard(page);
  await expect(page.getByTestId('org-panel')).toBeVisible();
  await page.getByTestId('org-panel-toggle').click();
  await expect(page.getByTestId('org-panel')).toBeHidden();
  await expect(page.getByTestId('org-panel-rail')).toBeVisible();
  await page.locator('.app-nav .ant-layout-sider-trigger').click();
  await expect(page.getByTestId('app-nav')).toHaveAttribute('data-collapsed', 'true');
  await page.getByTestId('scale-switch').click();
  await page.getByTestId('scale-125').click();
  await expect(page.locator('.app-shell')).toHaveAttribute('data-scale', '125');
  const smallText = await page
    .getByTestId('case-card')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);

  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('org-panel-rail')).toBeVisible();
  await expect(page.getByTestId('org-panel')).toBeHidden();
  await expect(page.getByTestId('app-nav')).toHaveAttribute('data-collapsed', 'true');
  await expect(page.locator('.app-shell')).toHaveAttribute('data-scale', '125');
  // The scale reaches the cards: a card is drawn 1.25× as tall as at 100 %.
  await page.getByTestId('scale-switch').click();
  await page.getByTestId('scale-100').click();
  const plain = await page
    .getByTestId('case-card')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(smallText / plain).toBeCloseTo(1.25, 1);

  // Opening the panel again from its rail.
  await page.getByTestId('org-panel-open').click();
  await expect(page.getByTestId('org-panel')).toBeVisible();
});

test('compact cards show more of the board at 1920×1080', async ({ consolePage }) => {
  const page = await consolePage();
  await page.setViewportSize(BIG);
  await logIn(page, 'county.duty');
  await openBoard(page);
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  const full = await fullyVisibleCards(page);
  await page.getByTestId('density-compact').click();
  await expect(page.getByTestId('dispatch-board')).toHaveAttribute('data-compact', 'true');
  const compact = await fullyVisibleCards(page);
  console.log(
    `board at 1920×1080: fullest column ${full.column} → ${compact.column} cards fully visible ` +
      `(board: ${full.total} → ${compact.total}; five full columns would show ${5 * full.column} → ${5 * compact.column})`,
  );
  // The demo county's fresh board fills two columns; per column, compact cards show half as many again.
  expect(compact.column).toBeGreaterThanOrEqual(Math.floor(full.column * 1.5));
  expect(5 * compact.column).toBeGreaterThan(16);
  expect(compact.total).toBeGreaterThan(full.total);
  // Remembered across a reload, like the panels.
  await page.reload();
  await expect(page.getByTestId('dispatch-board')).toHaveAttribute('data-compact', 'true');
});

test('the wall in full-width mode gives a 9-tile layout tiles at least 600 px wide at 1920×1080', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await page.setViewportSize(BIG);
  await openWall(page, 'county.wall');
  await chooseLayout(page, '9');
  const width = async () => (await tiles(page).first().boundingBox())!.width;
  const before = await width();
  await page.getByTestId('wall-full-width').click();
  await expect(page.getByTestId('wall-side')).toBeHidden();
  await expect(page.getByTestId('app-nav')).toHaveCount(0);
  await expect.poll(width).toBeGreaterThanOrEqual(600);
  console.log(`9-tile wall at 1920×1080: tile ${Math.round(before)} px → ${Math.round(await width())} px wide`);
  // Remembered: the wall opens full-width after a reload too.
  await page.reload();
  await expect(page.getByTestId('header-user')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('wall-view')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('wall-full-width')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('wall-full-width').click();
  await expect(page.getByTestId('wall-side')).toBeVisible();
});

test('全部上墙 asks before replacing tiles, keeps a running tour, and one undo puts the wall back', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await openWall(page, 'county.wall');
  await chooseLayout(page, '4'); // tiles 1–3 for cameras, tile 4 the alert tile
  await page.getByTestId('camera-search').locator('input').fill('城关镇东门社区');
  const nodes = page.getByTestId('camera-node');
  await expect(nodes.nth(6)).toBeVisible();
  const tick = (i: number) =>
    nodes
      .nth(i)
      .locator('xpath=ancestor::*[contains(@class,"ant-tree-treenode")]')
      .locator('.ant-tree-checkbox')
      .click();
  const idOf = async (i: number) => (await nodes.nth(i).getAttribute('data-camera-id'))!;

  // A tour of three cameras on tile 1.
  for (const i of [0, 1, 2]) await tick(i);
  await page.getByTestId('tab-tours').click();
  await page.getByTestId('tour-on-tile').click();
  await expect(tiles(page).nth(0).getByTestId('tile-tour')).toBeVisible();
  // Tiles 2 and 3 get a camera each, by hand.
  await page.getByRole('tab', { name: '监控点' }).click();
  for (const i of [0, 1, 2]) await tick(i); // untick the tour's cameras
  await tiles(page).nth(1).click();
  await nodes.nth(3).dblclick();
  await nodes.nth(4).dblclick();
  const mine = [await idOf(3), await idOf(4)];
  await expect(tiles(page).nth(1)).toHaveAttribute('data-camera-id', mine[0]!);
  await expect(tiles(page).nth(2)).toHaveAttribute('data-camera-id', mine[1]!);

  // Two more cameras, 全部上墙: no tile is free, so it asks — and names the touring tile as kept.
  await tick(5);
  await tick(6);
  const wanted = [await idOf(5), await idOf(6)];
  await page.getByTestId('put-checked').click();
  const dialog = page.getByTestId('put-many-body');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('put-many-kept-tours')).toContainText('1');
  await expect(page.getByTestId('put-many-replaced')).toHaveAttribute('data-tiles', /^(1,2|2,1)$/);
  // Cancel changes nothing.
  await page.getByTestId('put-many-cancel').click();
  await expect(tiles(page).nth(1)).toHaveAttribute('data-camera-id', mine[0]!);

  await page.getByTestId('put-checked').click();
  await page.getByTestId('put-many-replace').click();
  await expect(tiles(page).nth(0).getByTestId('tile-tour')).toBeVisible();
  const shown = async () => [
    await tiles(page).nth(1).getAttribute('data-camera-id'),
    await tiles(page).nth(2).getAttribute('data-camera-id'),
  ];
  await expect.poll(async () => (await shown()).sort()).toEqual([...wanted].sort());

  // One undo: tiles 2 and 3 are back, the tour still runs on tile 1.
  await page.getByTestId('wall-undo').click();
  await expect.poll(shown).toEqual(mine);
  await expect(tiles(page).nth(0).getByTestId('tile-tour')).toBeVisible();
  await expect(page.getByTestId('wall-undo')).toHaveCount(0);
});

test('accepting a serious case’s proposal puts every proposed camera up, the alert tile’s own too', async ({
  consolePage,
}) => {
  const wall = await consolePage();
  await openWall(wall, 'county.wall');
  await chooseLayout(wall, '9'); // eight free tiles, the alert tile is tile 9
  const duty = await consolePage();
  await logIn(duty, 'county.duty');
  await openBoard(duty);
  const townshipName = (await duty
    .getByTestId('org-tree')
    .locator('[data-code="431099001"]')
    .getAttribute('title'))!.split(' · ')[0]!;
  const form = await fillSeriousReport(duty, townshipName, `提议全部上墙 ${Date.now()}`);
  await form.getByTestId('report-submit').click();
  await expect(duty.getByTestId('report-receipt')).toBeVisible();

  const alertTile = tiles(wall).nth(8);
  const banner = alertTile.getByTestId('tile-proposal');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  const total = Number(/1\s*\/\s*(\d+)/.exec((await banner.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(1);
  const onAlertTile = (await alertTile.getAttribute('data-camera-id'))!;
  expect(onAlertTile).not.toBe('');

  await banner.getByTestId('proposal-put-all').click();
  await expect(banner).toHaveCount(0);
  const shown = async () =>
    (await tiles(wall).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-camera-id') ?? ''))).filter(
      Boolean,
    );
  await expect.poll(async () => (await shown()).length).toBe(total);
  expect(await shown()).toContain(onAlertTile);
  // Each tile that got a camera says which: number and name in its head.
  for (let i = 0; i < total; i++) {
    await expect(tiles(wall).nth(i).locator('.wall-tile-no')).toHaveText(String(i + 1));
    await expect(tiles(wall).nth(i).locator('.wall-tile-name')).not.toBeEmpty();
  }
});

test('the map keeps the scope’s extent when the period changes', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await page.getByTestId('nav-map').click();
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).not.toHaveAttribute('data-events', '0', { timeout: 60_000 });
  // It opens on the last 30 days, not all history.
  await expect(page.getByTestId('map-period')).toContainText('30');
  await expect(canvas).not.toHaveAttribute('data-scope-box', '');
  const before = (await canvas.getAttribute('data-scope-box'))!.split(',').map(Number);
  await page.getByTestId('map-period').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2019' }).first().click();
  await expect(canvas).toHaveAttribute('data-fetches', '2');
  await expect(page.getByTestId('map-status')).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(1000);
  const after = (await canvas.getAttribute('data-scope-box'))!.split(',').map(Number);
  for (let i = 0; i < 4; i++) expect(Math.abs(after[i]! - before[i]!)).toBeLessThanOrEqual(2);
  // The county fills the canvas, not half of it.
  const size = (await canvas.boundingBox())!;
  expect(Math.max((after[2]! - after[0]!) / size.width, (after[3]! - after[1]!) / size.height)).toBeGreaterThan(0.8);
});

test('English: case numbers are not cut and the wall’s Snapshots tab keeps its name', async ({ consolePage }) => {
  const page = await consolePage();
  await page.setViewportSize(BIG);
  await logIn(page, 'county.duty');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await openBoard(page);
  await expect(page.getByTestId('case-card').first()).toBeVisible();
  const cut = await page
    .locator('.case-card-no')
    .evaluateAll((nodes) => nodes.filter((n) => n.scrollWidth > n.clientWidth).map((n) => n.textContent));
  expect(cut).toEqual([]);
  await page.getByTestId('nav-wall').click();
  await expect(page.getByTestId('tab-snapshots')).toBeVisible();
  await expect(page.getByTestId('tab-snapshots')).toHaveText('Snapshots');
  // Not folded into antd's "…" overflow menu: the menu button is hidden and the tab lies inside the tab bar.
  await expect(page.locator('.wall-side-tabs .ant-tabs-nav-operations')).toHaveClass(/ant-tabs-nav-operations-hidden/);
  const [bar, tab] = await Promise.all([
    page.locator('.wall-side-tabs .ant-tabs-nav-wrap').boundingBox(),
    page.getByTestId('tab-snapshots').boundingBox(),
  ]);
  expect(tab!.x + tab!.width).toBeLessThanOrEqual(bar!.x + bar!.width);
});
