/**
 * What needs action now, as each role meets it: every role lands on its main view and sees only the navigation it
 * can use; the 超时 counter lists exactly the overdue cases; a serious report left unfiled past its intake limit
 * turns red and raises the alert centre; a serious case arriving while a drawer is open goes to the alert centre,
 * never into a toast over the drawer.
 */
import type { Page } from '@playwright/test';
import { fillSeriousReport, openBoard } from './dispatch-support.js';
import { expect, logIn, test } from './fixtures.js';

const TOWNSHIP = '431099001';

// Two consoles, the demo simulator and a report form each: more than the default minute on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 });

const navItems = (page: Page) =>
  page.locator('[data-testid^="nav-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));

for (const [user, landing, nav] of [
  // 案件检索 (search) for whoever reads cases, beside the board.
  [
    'county.duty',
    'dispatch',
    ['nav-wall', 'nav-map', 'nav-dispatch', 'nav-search', 'nav-duty', 'nav-kpi', 'nav-audit'],
  ],
  ['town01.director', 'dispatch', ['nav-wall', 'nav-map', 'nav-dispatch', 'nav-search', 'nav-duty', 'nav-kpi']],
  ['county.wall', 'wall', ['nav-wall', 'nav-map', 'nav-dispatch', 'nav-search', 'nav-duty']],
  ['admin', 'admin', ['nav-map', 'nav-dispatch', 'nav-search', 'nav-kpi', 'nav-audit', 'nav-admin']],
] as const) {
  test(`${user} lands on ${landing} and sees only the views the role can use`, async ({ consolePage }) => {
    const page = await consolePage();
    await logIn(page, user);
    await expect(page.getByTestId('header-user')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${landing}$`));
    await expect.poll(() => navItems(page)).toEqual([...nav]);
    // A view the role may not use, typed by hand, gives way to its landing view.
    if (!nav.includes('nav-kpi' as never)) {
      await page.evaluate("location.hash = '#/kpi'");
      await expect(page).toHaveURL(new RegExp(`#/${landing}$`));
    }
  });
}

/** The county duty officer takes in a serious hotline report through the form; returns its case id. */
async function reportSerious(page: Page, description: string): Promise<string> {
  const townshipNode = page.getByTestId('org-tree').locator(`[data-code="${TOWNSHIP}"]`);
  const townshipName = (await townshipNode.getAttribute('title'))!.split(' · ')[0]!;
  const form = await fillSeriousReport(page, townshipName, description);
  await form.getByTestId('report-submit').click();
  const receipt = page.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  const caseId = (await receipt.getAttribute('data-case-id'))!;
  await receipt.getByRole('button', { name: /关\s*闭|Close/ }).click();
  await expect(receipt).toHaveCount(0);
  return caseId;
}

const counted = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/\D+/g, ''));

test('the 超时 counter lists exactly the overdue cases', async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await openBoard(page);
  const columns = ['reported', 'filed', 'handling', 'checking', 'closed'];
  const listed = async () => {
    let sum = 0;
    for (const stage of columns) sum += await counted(page, `board-count-${stage}`);
    return sum;
  };
  const all = await listed();
  await page.getByTestId('summary-overdue').click();
  await expect(page.getByTestId('summary-overdue')).toHaveAttribute('aria-pressed', 'true');
  // The columns now hold as many cases as the counter says, and every card shown is overdue.
  await expect.poll(async () => (await listed()) === (await counted(page, 'summary-overdue'))).toBe(true);
  const overdue = await listed();
  expect(overdue).toBeLessThan(all);
  const states = await page
    .locator('[data-testid="case-card"]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-sla')));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['overdue']));
  // A second click clears the filter.
  await page.getByTestId('summary-overdue').click();
  await expect.poll(listed).toBeGreaterThan(overdue);
});

test('a serious report left unfiled past its intake limit turns red and raises the alert centre', async ({
  consolePage,
}) => {
  const page = await consolePage();
  await page.clock.install();
  await page.reload();
  await logIn(page, 'county.duty');
  await openBoard(page);
  const caseId = await reportSerious(page, '热线：河道漂浮大量垃圾（受理时限测试）');
  const card = page.locator(`[data-testid="board-column-reported"] [data-case-id="${caseId}"]`);
  await expect(card).toHaveAttribute('data-sla', 'ok');
  await expect(card.getByTestId('sla-countdown')).toHaveAttribute('data-clock', 'intake');
  await expect(card.getByTestId('sla-countdown')).toContainText('受理剩余');

  // 20 minutes later nobody has filed it: the 15-minute limit of a serious report has passed.
  await page.clock.fastForward('20:00');
  await expect(card).toHaveAttribute('data-sla', 'overdue');
  await expect(card.getByTestId('sla-countdown')).toContainText('受理超时');
  const bell = page.getByTestId('alert-bell');
  await expect(bell).toHaveAttribute('data-serious', 'true');
  await bell.click();
  const alert = page.locator(`[data-testid="alert-item"][data-kind="intake_late"][data-case-id="${caseId}"]`);
  await expect(alert).toHaveAttribute('data-severity', 'serious');
  await alert.getByTestId('alert-ack').click();
  await expect(alert).toHaveAttribute('data-acknowledged', 'true');
  // Acknowledged alerts survive a reload as acknowledged.
  await page.reload();
  await page.getByTestId('alert-bell').click();
  await expect(
    page.locator(`[data-testid="alert-item"][data-kind="intake_late"][data-case-id="${caseId}"]`),
  ).toHaveAttribute('data-acknowledged', 'true');
});

test('a serious case arriving while a drawer is open goes to the alert centre, not over the drawer', async ({
  consolePage,
}) => {
  const watcher = await consolePage();
  await logIn(watcher, 'county.duty');
  await openBoard(watcher);
  const reporter = await consolePage();
  await logIn(reporter, 'county.duty2');
  await openBoard(reporter);

  await watcher.locator('[data-testid="case-card"]').first().click();
  const drawer = watcher.getByTestId('case-drawer');
  await expect(drawer).toBeVisible();
  const caseId = await reportSerious(reporter, '热线：路口井盖缺失（告警不遮挡测试）');

  // The watcher hears of it in the alert centre while the drawer stays uncovered.
  await expect(watcher.getByTestId('alert-bell')).toHaveAttribute('data-serious', 'true');
  await expect(watcher.locator('.ant-notification-notice')).toHaveCount(0);
  await expect(drawer).toBeVisible();
  // Closing the drawer, the alert is in the list.
  await watcher.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await watcher.getByTestId('alert-bell').click();
  await expect(
    watcher.locator(`[data-testid="alert-item"][data-kind="serious_case"][data-case-id="${caseId}"]`),
  ).toBeVisible();
});
