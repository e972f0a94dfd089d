/**
 * The administration view's county panels in the demo county: an administrator dry-runs a bad org-tree file and a
 * bad camera file and reads every problem by feature / line with nothing written; the camera registry lists the
 * cameras with their stream URLs masked. Nobody but an administrator sees the view.
 */
import { join } from 'node:path';
import { expect, logIn, test } from './fixtures.js';

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
