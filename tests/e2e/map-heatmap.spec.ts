/**
 * The map in Chromium (WebGL2 through SwiftShader here): the heatmap draws inside the county, a grade filter changes
 * the picture without fetching or uploading the events again, playback runs on the same data, and clicking a
 * township selects it for the dispatch board.
 *
 * Pixels are compared against the same view with a filter that leaves no event ("merged" cases do not occur in the
 * demo history): what differs is the heat, whatever the outlines and labels look like.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.js';

async function openMap(page: Page): Promise<Locator> {
  await page.getByTestId('nav-map').click();
  const canvas = page.getByTestId('map-canvas');
  await expect(canvas).not.toHaveAttribute('data-events', '0', { timeout: 60_000 });
  return canvas;
}

/** Waits until deck.gl has drawn a few more frames and then stays idle (the heat's weights are re-rendered). */
async function settle(page: Page, canvas: Locator): Promise<void> {
  // Park the pointer on the header: a hover card must not sit in the picture.
  await page.mouse.move(5, 5);
  let last = Number(await canvas.getAttribute('data-frames'));
  for (let idle = 0; idle < 3;) {
    await page.waitForTimeout(700);
    const now = Number(await canvas.getAttribute('data-frames'));
    idle = now === last ? idle + 1 : 0;
    last = now;
  }
}

async function shot(page: Page, canvas: Locator): Promise<string> {
  await settle(page, canvas);
  return (await canvas.screenshot()).toString('base64');
}

/** Pixels whose colour differs by more than `threshold` (sum of |ΔRGB|) between two PNG screenshots. */
function differingPixels(page: Page, a: string, b: string, threshold = 60): Promise<number> {
  return page.evaluate(
    async ([first, second, limit]) => {
      // Runs in the page: the DOM's image APIs, typed loosely here (this file is type-checked against Node).
      const dom = globalThis as any;
      const pixels = async (base64: string): Promise<Uint8ClampedArray> => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await dom.createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new dom.OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = await Promise.all([pixels(first), pixels(second)]);
      let count = 0;
      for (let i = 0; i < p.length; i += 4) {
        const delta = Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!);
        if (delta > limit) count += 1;
      }
      return count;
    },
    [a, b, threshold] as const,
  );
}

/** Picks an option of one of the map's multi-selects, then closes its list. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await page.keyboard.press('Escape');
}

async function clearFilters(page: Page): Promise<void> {
  await page.getByTestId('map-filter-clear').click();
}

test('the heatmap draws inside the county and the grade filter changes it on the GPU alone', async ({
  consolePage,
}) => {
  test.setTimeout(240_000);
  const page = await consolePage();
  await logIn(page, 'county.duty');
  const canvas = await openMap(page);
  const size = await canvas.boundingBox();
  const area = size!.width * size!.height;
  // The map opens on the last 30 days; the whole history is the picture with heat all over the county.
  await expect(canvas).toHaveAttribute('data-fetches', '1');
  await page.getByTestId('map-period').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部历史' }).first().click();
  await expect(canvas).toHaveAttribute('data-fetches', '2');
  await expect(page.getByTestId('map-status')).toHaveAttribute('data-status', 'ready');

  const all = await shot(page, canvas);
  const fetches = await canvas.getAttribute('data-fetches');
  const uploads = await canvas.getAttribute('data-heat-uploads');
  expect(fetches).toBe('2');

  await pick(page, 'map-filter-statuses', '已合并');
  const empty = await shot(page, canvas);
  const heat = await differingPixels(page, all, empty);
  // The demo county's events cover its seat and spread over the townships: well over 1 % of the canvas is heat.
  expect(heat, 'heat pixels').toBeGreaterThan(area * 0.01);
  await clearFilters(page);

  await pick(page, 'map-filter-grades', '严重');
  const serious = await shot(page, canvas);
  expect(await differingPixels(page, all, serious), 'pixels changed by the grade filter').toBeGreaterThan(area * 0.005);
  expect(await differingPixels(page, serious, empty), 'serious events still draw').toBeGreaterThan(area * 0.001);

  // Filters, the time window and playback: no new fetch, no new upload of the event arrays.
  await clearFilters(page);
  await page.getByTestId('map-play').click();
  await expect(page.getByTestId('map-time-label')).not.toHaveText(/整个时段|Whole period/);
  await page.waitForTimeout(1500);
  await page.getByTestId('map-play').click();
  await settle(page, canvas);
  await expect(canvas).toHaveAttribute('data-fetches', fetches!);
  await expect(canvas).toHaveAttribute('data-heat-uploads', uploads!);

  // A new period is the one change that fetches.
  await page.getByTestId('map-period').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2019' }).first().click();
  await expect(canvas).toHaveAttribute('data-fetches', '3');
  await expect(page.getByTestId('map-status')).toHaveAttribute('data-status', 'ready');
});

test('clicking a township on the map filters the dispatch board to it', async ({ consolePage }) => {
  test.setTimeout(180_000);
  const page = await consolePage();
  await logIn(page, 'county.duty');
  const canvas = await openMap(page);
  await settle(page, canvas);
  const box = (await canvas.boundingBox())!;
  // The county seat's township lies at the middle of the county.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.getByTestId('map-hover');
  await expect(hover).toBeVisible();
  const name = ((await hover.locator('.map-hover-title').textContent()) ?? '').replace(/乡镇\/街道.*/, '').trim();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

  const selection = page.getByTestId('map-selection');
  await expect(selection).toBeVisible();
  const code = await selection.getAttribute('data-code');
  expect(code).toMatch(/^\d{9}$/);
  expect(await selection.textContent()).toContain(name);

  await page.getByTestId('map-to-board').click();
  await expect(page.getByTestId('dispatch-board')).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('board-filter-unit')).toContainText(name);
});
