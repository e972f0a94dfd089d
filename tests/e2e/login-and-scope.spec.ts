/**
 * The shell as a duty officer and a township director meet it: log in, see who and where you are, see exactly your
 * scope in the org tree; a wrong password and a grid-worker account are refused with a clear message.
 */
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.js';

const renderedCodes = (page: Page) =>
  page
    .getByTestId('org-tree')
    .locator('[data-code]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code')!));

test('a county duty officer sees the whole county', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await expect(page.getByTestId('header-role')).toContainText('县联动处置值班员');
  await expect(page.getByTestId('header-scope')).toContainText('X县');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('org-tree').locator('[data-code="431099"]')).toBeVisible();
  await expect
    .poll(async () => (await renderedCodes(page)).filter((code) => code.length === 9).sort())
    .toEqual(Array.from({ length: 12 }, (_, i) => `431099${String(i + 1).padStart(3, '0')}`));
});

test('a township director sees only its own township', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'town02.director');
  await expect(page.getByTestId('header-role')).toContainText('乡镇网格管理中心主任');
  const root = page.getByTestId('org-tree').locator('[data-code="431099002"]');
  await expect(root).toBeVisible();
  const townshipName = (await root.getAttribute('title'))!.split(' · ')[0]!;
  await expect(page.getByTestId('header-scope')).toContainText(townshipName);

  const codes = await renderedCodes(page);
  expect(codes.length).toBeGreaterThan(1);
  expect(codes.every((code) => code.startsWith('431099002'))).toBe(true);

  // The county seat (城关镇, another township) cannot be found in this tree at all.
  await page.getByPlaceholder('按名称搜索').fill('城关');
  await expect(page.getByText('没有名称匹配的单位')).toBeVisible();
});

test('a wrong password is refused with a clear message', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty', 'not-the-password');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page.getByTestId('header-user')).toHaveCount(0);
});

test('a grid worker is told to use the handheld app', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'grid.worker');
  await expect(page.getByTestId('login-error')).toContainText('掌上治理通');
});

test('logging out returns to the login page and ends the session', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.wall');
  await expect(page.getByTestId('header-user')).toBeVisible();
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('login-submit')).toBeVisible();
});
