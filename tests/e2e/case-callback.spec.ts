/**
 * The verifying desk in two consoles (county duty officer, township director), never reloaded:
 * - a hotline caller reports the same rubbish twice: the township sees 疑似重复 on the card, compares the two cases
 *   side by side in the drawer and merges the duplicate with one click — no case number typed;
 * - a hotline case fed back by the township is called back; the caller is not satisfied, so the county sends it
 *   back, and the township sees it in handling again, with the call-back in the timeline.
 *
 * The demo simulator may add reports meanwhile, so the test only ever looks at its own cases, by id.
 */
import type { Page } from '@playwright/test';
import { choose, closeDrawer, columnCard, makeMove, openBoard, openCase, searchBoard } from './dispatch-support.js';
import { expect, logIn, test } from './fixtures.js';

/** Types a hotline call about exposed rubbish at the township's centre into the report form; returns the case id. */
async function reportRubbish(page: Page, townshipName: string, description: string, phone: string): Promise<string> {
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-form');
  await choose(page, form.getByTestId('report-place'), townshipName);
  await form.getByTestId('report-category').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '城市管理' }).first().click();
  await page.locator('.ant-cascader-menu-item', { hasText: '暴露垃圾' }).first().click();
  await form.locator('label', { has: page.getByTestId('report-grade-general') }).click();
  await form.getByTestId('report-description').fill(description);
  await form.getByTestId('report-reporter-phone').fill(phone);
  await form.getByTestId('report-submit').click();
  const receipt = page.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  const caseId = (await receipt.getAttribute('data-case-id'))!;
  expect(caseId).toBeTruthy();
  return caseId;
}

/** The demo county's township 431099001 (town01.director's), as the place picker and the unit pickers name it. */
const TOWNSHIP_NAME = '城关镇';

test('a duplicate report is merged with one click from the verifying centre’s drawer', async ({ consolePage }) => {
  test.setTimeout(240_000);
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const town = await consolePage();
  await logIn(town, 'town01.director');
  await openBoard(county);
  await openBoard(town);
  const name = TOWNSHIP_NAME;

  const first = await reportRubbish(county, name, '热线：菜市场后门垃圾堆积', '13900000011');
  // A second caller about the same heap: a new report (the receipt closed by its button first).
  await county
    .getByTestId('report-receipt')
    .getByRole('button', { name: /关\s*闭|Close/ })
    .click();
  await expect(county.getByTestId('report-receipt')).toHaveCount(0);
  const second = await reportRubbish(county, name, '热线：菜市场后面又有人反映垃圾没清', '13900000012');
  // The receipt already names the earlier case as a possible duplicate.
  await expect(county.locator(`[data-testid="report-duplicate"][data-case-id="${first}"]`)).toBeVisible();
  // Closed by its button: with a toast up, Escape goes to the toast's layer, not the dialog (antd's Esc stack).
  await county
    .getByTestId('report-receipt')
    .getByRole('button', { name: /关\s*闭|Close/ })
    .click();
  await expect(county.getByTestId('report-receipt')).toHaveCount(0);

  // The township (the centre that verifies its reports) sees the marker on both cards, live.
  const card = columnCard(town, 'reported', second);
  await expect(card.getByTestId('duplicates-badge')).toBeVisible();
  await expect(card).toHaveAttribute('data-duplicates', /^[1-9]/);
  await expect(columnCard(town, 'reported', first).getByTestId('duplicates-badge')).toBeVisible();

  // Side by side, then one click: the second report is closed as merged into the first.
  const drawer = await openCase(town, second);
  const suggestion = drawer.locator(`[data-testid="duplicate-suggestion"][data-case-id="${first}"]`);
  await expect(suggestion).toBeVisible();
  await expect(suggestion.getByTestId('duplicate-side')).toHaveCount(2);
  await expect(suggestion.getByTestId('duplicate-side').nth(0)).toContainText('又有人反映');
  await expect(suggestion.getByTestId('duplicate-side').nth(1)).toContainText('菜市场后门垃圾堆积');
  await suggestion.getByTestId('duplicate-merge').click();
  await expect(drawer).toHaveAttribute('data-status', 'merged');
  await expect(drawer.getByTestId('case-timeline')).toContainText('已作为重复件并入');
  await closeDrawer(town);

  // The survivor keeps both callers and says what joined it; the county's board no longer lists the duplicate.
  const survivor = await openCase(town, first);
  await expect(survivor.getByTestId('case-timeline')).toContainText('并入');
  await expect(survivor).toContainText('13900000011');
  await expect(survivor).toContainText('13900000012');
  await closeDrawer(town);
  await expect(columnCard(county, 'reported', second)).toHaveCount(0);
});

test('an unsatisfied call-back sends the case back to the township’s handling', async ({ consolePage }) => {
  test.setTimeout(300_000);
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const town = await consolePage();
  await logIn(town, 'town01.director');
  await openBoard(county);
  await openBoard(town);
  const name = TOWNSHIP_NAME;

  const caseId = await reportRubbish(county, name, '热线：河边垃圾长期无人清理', '13900000021');
  await county.getByTestId('report-open').click();
  await makeMove(county, 'file', 'filed');
  await makeMove(county, 'dispatch', 'dispatched', async (d) => {
    await choose(county, d.getByTestId('move-lead'), name);
  });
  await closeDrawer(county);

  // The township's 处置中 column is long: its director finds the case by number.
  await searchBoard(town, caseId);
  await openCase(town, caseId);
  await makeMove(town, 'sign', 'in_progress');
  await makeMove(town, 'feedback', 'checking', async (d) => {
    await d.getByTestId('move-result').fill('已组织清运');
  });
  await closeDrawer(town);

  // The county may not close before calling the caller back: the check form says so.
  await searchBoard(county, caseId);
  const drawer = await openCase(county, caseId);
  await expect(drawer).toHaveAttribute('data-status', 'checking');
  await drawer.getByTestId('move-check').click();
  await expect(drawer.getByTestId('move-callback-needed')).toBeVisible();
  await drawer.getByTestId('move-check').click();

  // 回访: reached, not satisfied, sent back.
  await makeMove(county, 'callback', 'in_progress', async (d) => {
    // The outcome is a radio button: its label is what one clicks (antd keeps the input itself out of sight).
    await d.locator('label', { has: county.getByTestId('move-callback-unsatisfied') }).click();
    await d.getByTestId('move-callback-reopen').check();
    await d.getByTestId('move-note').fill('群众反映河边仍有垃圾');
  });
  await expect(drawer.getByTestId('case-timeline')).toContainText('回访不满意，退回承办单位重新处置');
  await expect(drawer.getByTestId('case-timeline')).toContainText('群众反映河边仍有垃圾');
  await closeDrawer(county);

  // The township has it in handling again and can feed back anew.
  const card = columnCard(town, 'handling', caseId);
  await expect(card).toHaveAttribute('data-status', 'in_progress');
  const again = await openCase(town, caseId);
  await expect(again.getByTestId('move-feedback')).toBeVisible();
});
