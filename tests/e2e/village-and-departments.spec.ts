/**
 * The village level and the departments, each in its own console: the county files a hotline report from a
 * community and dispatches it to that community (lead) with 住建 assisting; the community's director signs for its
 * leg and feeds back; 住建's own officer signs for and handles the department's leg (the county cannot); the
 * community rates 住建 and the county's KPI view shows the rating under 部门评价; the county lends a camera for the
 * case from the drawer, the community sees it under 借调 in its camera tree, and it disappears when revoked.
 *
 * The demo simulator may add reports meanwhile, so the test only ever looks at its own case, by id.
 */
import type { Page } from '@playwright/test';
import { choose, closeDrawer, columnCard, makeMove, openBoard, openCase, searchBoard } from './dispatch-support.js';
import { expect as baseExpect, logIn, test } from './fixtures.js';

// Three consoles and the hub share a busy machine: first loads can take longer than the suite's 15 s.
const expect = baseExpect.configure({ timeout: 60_000 });

/** The signed-in user's own unit: the root of its org tree (`title` is "name · code"). */
async function ownUnit(page: Page): Promise<{ code: string; name: string }> {
  const root = page.getByTestId('org-tree').locator('[data-code]').first();
  await expect(root).toBeVisible();
  const code = (await root.getAttribute('data-code'))!;
  const name = (await root.getAttribute('title'))!.split(' · ')[0]!;
  return { code, name };
}

/** 住建's row under 部门评价 in the county's KPI view: how many ratings, and their average (0 and 0 when none yet). */
async function zhujianRating(county: Page): Promise<{ count: number; average: number }> {
  await county.getByTestId('nav-dispatch').click();
  await county.getByTestId('nav-kpi').click();
  await expect(county.getByTestId('kpi-department-ratings')).toBeVisible({ timeout: 60_000 });
  const row = county.locator('[data-testid="kpi-department-rating"][data-department="dept:zhujian"]');
  if ((await row.count()) === 0) return { count: 0, average: 0 };
  const count = Number((await row.locator('td').nth(1).textContent())!.trim());
  const average = Number.parseFloat((await row.getByTestId('kpi-department-average').textContent())!);
  return { count, average };
}

test('a community signs and handles its leg, a department its own, the community rates it, and a camera is lent for the case', async ({
  consolePage,
}) => {
  test.setTimeout(480_000);
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const community = await consolePage();
  await logIn(community, 'community.director');
  // Village/community directors land on the board.
  await expect(community.getByTestId('dispatch-board')).toHaveAttribute('data-loading', 'false');
  await openBoard(county);
  const own = await ownUnit(community);
  expect(own.code).toHaveLength(12);

  // 1. The county types in a hotline call from the community.
  await county.getByTestId('new-report').click();
  const form = county.getByTestId('report-form');
  await choose(county, form.getByTestId('report-place'), own.name);
  await form.getByTestId('report-category').click();
  await county.locator('.ant-cascader-menu-item', { hasText: '城市管理' }).first().click();
  await county.locator('.ant-cascader-menu-item', { hasText: '暴露垃圾' }).first().click();
  await form.locator('label', { has: county.getByTestId('report-grade-general') }).click();
  await form.getByTestId('report-description').fill('热线：社区菜市场旁垃圾堆放，夹杂建筑垃圾');
  await form.getByTestId('report-submit').click();
  const receipt = county.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  const caseId = (await receipt.getAttribute('data-case-id'))!;

  // 2. Filed and dispatched: the community leads, 住建 assists.
  await receipt.getByTestId('report-open').click();
  await expect(county.getByTestId('case-drawer')).toHaveAttribute('data-case-id', caseId);
  await makeMove(county, 'file', 'filed');
  await makeMove(county, 'dispatch', 'dispatched', async (d) => {
    await choose(county, d.getByTestId('move-lead'), own.name);
    // Typed as officers call it (住建); the option carries the bureau's full name.
    const assists = d.getByTestId('move-assists');
    await assists.click();
    await assists.locator('input').fill('住建');
    await county
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '县住房和城乡建设局' })
      .first()
      .click();
    await county.keyboard.press('Escape');
  });
  // The county no longer signs for the department: no sign move is offered to it.
  await expect(county.getByTestId('case-drawer').getByTestId('move-sign')).toHaveCount(0);
  await closeDrawer(county);

  // 3. The community's director signs for its leg and feeds back (finding it by number: the column is long).
  await searchBoard(community, caseId);
  await expect(columnCard(community, 'handling', caseId)).toBeVisible();
  await openCase(community, caseId);
  await makeMove(community, 'sign', 'in_progress');
  await makeMove(community, 'feedback', 'checking', async (d) => {
    await d.getByTestId('move-result').fill('已组织清运，建筑垃圾另行处置');
  });
  await closeDrawer(community);

  // 4. 住建's officer lands on the board (no map: its scope is its department's legs) and handles its leg.
  const dept = await consolePage();
  await logIn(dept, 'dept.zhujian');
  await expect(dept.getByTestId('dispatch-board')).toHaveAttribute('data-loading', 'false');
  await expect(dept.getByTestId('nav-map')).toHaveCount(0);
  await searchBoard(dept, caseId);
  await expect(columnCard(dept, 'checking', caseId)).toBeVisible();
  await openCase(dept, caseId);
  const deptDrawer = dept.getByTestId('case-drawer');
  await deptDrawer.getByTestId('move-sign').click();
  await deptDrawer.getByTestId('move-submit').click();
  await expect(deptDrawer.getByTestId('move-feedback')).toBeVisible();
  await deptDrawer.getByTestId('move-feedback').click();
  await deptDrawer.getByTestId('move-result').fill('已核查建筑垃圾来源，责令清运');
  await deptDrawer.getByTestId('move-submit').click();
  await expect(deptDrawer.getByTestId('case-leg-feedback')).toHaveCount(2);
  await closeDrawer(dept);

  // 5. The community rates 住建 (4 of 5); the county's KPI view shows it under 部门评价. The demo's villages rate
  // departments too, so the row is read before and after: one more rating, the average moved by a 4.
  const before = await zhujianRating(county);
  const drawer = await openCase(community, caseId);
  const rateForm = drawer.getByTestId('department-rate-form');
  await expect(rateForm).toHaveCount(1);
  await rateForm.locator('.ant-rate-star').nth(3).click();
  await rateForm.getByTestId('department-rate-note').fill('配合及时');
  await rateForm.getByTestId('department-rate-submit').click();
  await expect(drawer.getByTestId('department-rating')).toHaveAttribute('data-score', '4');
  await expect(drawer.getByTestId('department-rate-form')).toHaveCount(0);
  await closeDrawer(community);

  const expected = (before.average * before.count + 4) / (before.count + 1);
  await expect
    .poll(
      async () => {
        const after = await zhujianRating(county);
        return after.count === before.count + 1 && Math.abs(after.average - expected) <= 0.006;
      },
      { timeout: 60_000 },
    )
    .toBe(true);

  // 6. The county lends a camera for the case; the community sees it under 借调 until it is revoked.
  await openBoard(county);
  await searchBoard(county, caseId);
  const countyDrawer = await openCase(county, caseId);
  const loans = countyDrawer.getByTestId('camera-loans-panel');
  await loans.getByTestId('camera-loan-camera').click();
  await county.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await loans.getByTestId('camera-loan-lend').click();
  const loan = loans.getByTestId('camera-loan');
  await expect(loan).toHaveAttribute('data-active', 'true');

  await community.getByTestId('nav-wall').click();
  const lent = community.getByTestId('camera-loans').getByTestId('lent-camera');
  await expect(lent).toHaveCount(1, { timeout: 20_000 });

  await loan.getByTestId('camera-loan-revoke').click();
  await expect(loan).toHaveAttribute('data-active', 'false');
  await expect(community.getByTestId('camera-loans')).toHaveCount(0, { timeout: 20_000 });
});
