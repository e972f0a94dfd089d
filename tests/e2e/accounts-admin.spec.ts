/**
 * Administration in the console (demo county): the administrator creates a township director, who signs in with the
 * one-time password, must change it before anything else, and then sees their township. A duty officer has no
 * administration in the navigation.
 */
import { expect, logIn, test } from './fixtures.js';

// Two consoles, two sign-ins and a password change: more than one default test's time on a shared machine.
test.describe.configure({ timeout: 240_000 });

test('the demo admin creates a township director, who must change the one-time password, then sees their township', async ({
  consolePage,
}) => {
  const username = `town03.e2e${Date.now().toString(36)}`;
  const admin = await consolePage();
  await logIn(admin, 'admin');
  await admin.getByTestId('nav-admin').click();
  await expect(admin.getByTestId('admin-view')).toBeVisible();
  await expect(admin.getByTestId('admin-tab-audit')).toBeVisible();

  await admin.getByTestId('user-create').click();
  await admin.getByTestId('user-form-username').fill(username);
  await admin.getByTestId('user-form-display-name').fill('三号镇新主任');
  await admin.getByTestId('user-form-role').click();
  await admin.locator('.ant-select-item-option').filter({ hasText: '乡镇网格管理中心主任' }).click();
  await admin.getByTestId('user-form-unit').click();
  await admin.keyboard.type('431099003');
  await admin.locator('.ant-select-item-option').filter({ hasText: '(431099003)' }).click();
  await admin.getByTestId('user-form-save').click();
  const otp = (await admin.getByTestId('one-time-password').textContent())!.trim();
  expect(otp).toMatch(/^\w{5}-\w{5}-\w{5}-\w{5}$/);

  const director = await consolePage();
  await logIn(director, username, otp);
  const dialog = director.getByTestId('change-password-dialog');
  await expect(dialog).toBeVisible();
  await expect(director.getByTestId('header-user')).toHaveCount(0);
  // The policy speaks first: the published demo password is refused with its reason.
  await director.getByTestId('password-current').fill(otp);
  await director.getByTestId('password-new').fill('Demo@2026');
  await director.getByTestId('password-confirm').fill('Demo@2026');
  await director.getByTestId('password-submit').click();
  await expect(director.getByTestId('change-password-error')).toContainText('已公开');
  await director.getByTestId('password-new').fill('Sanhao-zhen-2027');
  await director.getByTestId('password-confirm').fill('Sanhao-zhen-2027');
  await director.getByTestId('password-submit').click();

  await expect(director.getByTestId('header-user')).toContainText('三号镇新主任');
  await expect(director.getByTestId('header-role')).toContainText('乡镇网格管理中心主任');
  await expect(director.getByTestId('org-tree').locator('[data-code="431099003"]')).toBeVisible();
  await expect(director.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  await expect(director.getByTestId('nav-admin')).toHaveCount(0);

  // The administrator's audit shows the creation and the password change.
  await admin.keyboard.press('Escape');
  await admin.getByTestId('admin-tab-audit').click();
  await admin.getByTestId('admin-audit-actor').locator('input').fill(username);
  await admin.getByTestId('admin-audit-actor').locator('input').press('Enter');
  await expect(admin.getByTestId('admin-audit-table')).toContainText('修改密码');
  await expect(admin.getByTestId('admin-audit-table')).toContainText('登录');
});

test('a county duty officer has no administration view', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await expect(page.getByTestId('header-user')).toBeVisible();
  await expect(page.getByTestId('nav-audit')).toBeVisible();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
});
