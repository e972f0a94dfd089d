/**
 * The administration view's county panels in the demo county: an administrator dry-runs a bad org-tree file and a
 * bad camera file and reads every problem by feature / line with nothing written; the camera registry lists the
 * cameras with their stream URLs masked. Nobody but an administrator sees the view.
 */
import { join } from 'node:path';
import { consoleCall, expect, logIn, test } from './fixtures.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/county', name);

test('an administrator dry-runs bad county files and reads each problem', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'admin');
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('admin-view')).toBeVisible();
  // The view opens on its first tab (users); the county panels are tabs beside it.
  await page.getByTestId('admin-tab-org-import').click();

  await page.getByTestId('org-import-file').setInputFiles(fixture('child-outside-parent.geojson'));
  await page.getByTestId('org-import-dry-run').click();
  const report = page.getByTestId('org-import-report');
  // The three geometry problems of the moved grid, and the demo county that a 439901 file would remove.
  await expect(report).toContainText('处问题，未写入任何内容');
  await expect(page.getByTestId('org-import')).toContainText('outside_parent');
  await expect(page.getByTestId('org-import')).toContainText('lies outside its parent 439901001001');
  await expect(page.getByTestId('org-import')).toContainText('unit_in_use');
  await expect(page.getByTestId('org-import-run')).toBeDisabled();

  await page.getByTestId('admin-tab-cameras').click();
  const registry = page.getByTestId('camera-registry');
  await expect(registry.locator('tbody tr').first()).toBeVisible();
  await expect(registry).toContainText('demo:clip/');
  await registry
    .getByRole('button', { name: '导 入' })
    .or(registry.getByRole('button', { name: '导入' }))
    .click();
  await page.getByTestId('camera-import-file').setInputFiles(fixture('cameras-wrong-column.csv'));
  await page.getByTestId('camera-import-dry-run').click();
  await expect(page.getByTestId('camera-import-report')).toContainText('发现 1 处问题');
  await expect(page.getByTestId('camera-import')).toContainText('第 1 行');
  await expect(page.getByTestId('camera-import')).toContainText('missing unit_code; unknown grid');
  await expect(page.getByTestId('camera-import')).not.toContainText('Sample-Pass-1');
});

test('the administration view is the administrator’s only', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await expect(page.getByTestId('nav-dispatch')).toBeVisible();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
});

test('an administrator gives a PTZ camera its ONVIF account; the password is never shown again', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await logIn(page, 'admin');
  const listed = await consoleCall<Array<{ code: string; name: string; ptz: boolean; retiredAt: number | null }>>(
    page,
    'admin.cameras',
    {},
  );
  if (!listed.ok) throw new Error(`admin.cameras refused: ${listed.error.code}`);
  // The last PTZ camera by code: the wall's PTZ spec steers the first ones with the demo driver, which an ONVIF
  // address would replace (the hub steers a camera with an address over ONVIF).
  const camera = listed.value.filter((c) => c.ptz && c.retiredAt === null).at(-1)!;
  expect(camera).toBeDefined();

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-cameras').click();
  const registry = page.getByTestId('camera-registry');
  await registry.getByPlaceholder(/名称|编码/).fill(camera.code);
  const row = registry.locator('tbody tr', { hasText: camera.code });
  await expect(row).toHaveCount(1);
  const edit = () => row.getByRole('button', { name: /编\s?辑/ }).click();

  await edit();
  const form = page.getByTestId('camera-form');
  // A PTZ camera's form asks for its ONVIF device service and account; a bad address is refused on the field.
  await form.getByLabel('ONVIF 设备服务地址').fill('rtsp://10.1.2.3/onvif');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form).toContainText('http(s) 地址，不含账号密码');
  await form.getByLabel('ONVIF 设备服务地址').fill('http://10.1.2.3/onvif/device_service');
  await form.getByLabel(/ONVIF 账号/).fill('ptz-operator');
  await form.getByLabel('ONVIF 密码').fill('Onvif-Secret-77');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form).toHaveCount(0);

  // Opened again: the address and account are back, the password field is empty and says one is set.
  await edit();
  await expect(form.getByLabel('ONVIF 设备服务地址')).toHaveValue('http://10.1.2.3/onvif/device_service');
  await expect(form.getByLabel(/ONVIF 账号/)).toHaveValue('ptz-operator');
  await expect(form.getByLabel('ONVIF 密码')).toHaveValue('');
  await expect(form).toContainText('已设置密码');
  expect(await page.content()).not.toContain('Onvif-Secret-77');

  // Cleared again (an empty address removes the address and the account): the camera is steered as before.
  await form.getByLabel('ONVIF 设备服务地址').fill('');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form).toHaveCount(0);
  await edit();
  await expect(form.getByLabel('ONVIF 设备服务地址')).toHaveValue('');
  await expect(form).not.toContainText('已设置密码');
});
