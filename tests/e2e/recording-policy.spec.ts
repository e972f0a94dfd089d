/**
 * Recording policies in the administration view: the administrator sets a township to continuous and one of its
 * cameras off, reads both rows in the table and why each camera records or not, and the rows are still there after
 * the page is reloaded (they live on the hub). Then removes both, so the rest of the run records only the camera the
 * playback spec plays. The e2e host records unless GRID_E2E_RECORDING_CAMERAS='' (playwright.config.ts): the view
 * says which.
 */
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.js';

const TOWNSHIP = '431099002';
/** GB/T 28181 codes of the demo's cameras: county code, then the township's index (hub/demo/cameras.ts). */
const TOWNSHIP_CAMERAS = '43109902';
const HUB_RECORDS = process.env.GRID_E2E_RECORDING_CAMERAS !== '';

// Two forms, two pickers over the demo's 2,185 cameras and a reload: minutes on a shared 2-core machine.
test.describe.configure({ timeout: 480_000 });

const option = (page: Page, text: string | RegExp) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });

async function openPolicies(page: Page): Promise<void> {
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('admin-view')).toBeVisible();
  await page.getByTestId('admin-tab-recording-policy').click();
  await expect(page.getByTestId('recording-policy-panel')).toBeVisible();
}

test('an administrator sets a township continuous and one camera off; the rows survive a reload', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await logIn(page, 'admin');
  await openPolicies(page);
  // Policies are stored whether or not this hub records; the view says which.
  await expect(page.getByTestId('recording-policy-hub')).toContainText(
    HUB_RECORDS ? '本中心已开启录像' : '本中心未开启录像',
  );

  await page.getByTestId('recording-policy-add').click();
  const form = page.getByTestId('recording-policy-form');
  await form.getByTestId('recording-policy-unit').click();
  await page.keyboard.type(TOWNSHIP);
  await option(page, new RegExp(` ${TOWNSHIP}$`)).click();
  await form.getByTestId('recording-policy-mode-continuous').click();
  await page.getByTestId('recording-policy-save').click();
  await expect(form).toHaveCount(0);
  const table = page.getByTestId('recording-policy-table');
  const townshipRow = table.locator(`tr[data-row-key="unit:${TOWNSHIP}"]`);
  await expect(townshipRow).toContainText('连续录像');
  await expect(townshipRow).toContainText('admin');

  await page.getByTestId('recording-policy-add').click();
  await form.getByText('摄像机', { exact: true }).click();
  await form.getByTestId('recording-policy-camera').click();
  await page.keyboard.type(TOWNSHIP_CAMERAS);
  const first = option(page, TOWNSHIP_CAMERAS).first();
  const label = (await first.textContent())!.trim();
  const [cameraName, cameraCode] = [label.slice(0, label.lastIndexOf(' ')), label.slice(label.lastIndexOf(' ') + 1)];
  await first.click();
  await form.getByTestId('recording-policy-mode-off').click();
  await page.getByTestId('recording-policy-save').click();
  await expect(form).toHaveCount(0);
  const cameraRow = table.locator('tr[data-row-key^="camera:"]').filter({ hasText: cameraCode! });
  await expect(cameraRow).toContainText('不录像');
  await expect(cameraRow).toContainText(cameraName!);

  // Why: the camera's own row wins; a neighbour follows its township's.
  await page.getByTestId('recording-policy-check-camera').click();
  await page.keyboard.type(cameraCode!);
  await option(page, cameraCode!).click();
  await expect(page.getByTestId('recording-policy-check-answer')).toContainText('适用其自身的策略：不录像');
  await page.getByTestId('recording-policy-check-camera').click();
  await page.keyboard.type(TOWNSHIP_CAMERAS);
  await option(page, TOWNSHIP_CAMERAS).filter({ hasNotText: cameraCode! }).first().click();
  const answer = page.getByTestId('recording-policy-check-answer');
  await expect(answer).toContainText(`（${TOWNSHIP}）的策略：连续录像`);
  await expect(answer).toContainText(HUB_RECORDS ? /正在录制|即将开始录制|应录但已达同时录制上限/ : /本中心未开启录像/);

  await page.reload();
  // The web host may keep the session across a reload or ask again; either way the rows come from the hub.
  await expect(page.getByTestId('login-username').or(page.getByTestId('nav-admin'))).toBeVisible({ timeout: 60_000 });
  if (await page.getByTestId('login-username').isVisible()) await logIn(page, 'admin');
  await openPolicies(page);
  await expect(page.getByTestId('recording-policy-table').locator(`tr[data-row-key="unit:${TOWNSHIP}"]`)).toContainText(
    '连续录像',
  );
  await expect(
    page.getByTestId('recording-policy-table').locator('tr[data-row-key^="camera:"]').filter({ hasText: cameraCode! }),
  ).toContainText('不录像');

  // Removed again: the table is empty of both and the hub's recorder goes back to what it recorded before.
  const rows = page.getByTestId('recording-policy-table');
  for (const row of [
    rows.locator(`tr[data-row-key="unit:${TOWNSHIP}"]`),
    rows.locator('tr[data-row-key^="camera:"]').filter({ hasText: cameraCode! }),
  ]) {
    await row.getByRole('button', { name: /删\s?除|移\s?除/ }).click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await expect(row).toHaveCount(0);
  }
});
