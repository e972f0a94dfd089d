/**
 * The case loop as two command rooms run it, each in its own console: the county duty officer takes a hotline call
 * in through the report form; the township director sees the serious case arrive live; the county files it and
 * dispatches it to the township; the township signs for it and feeds back; the county checks and closes it. Neither
 * console is ever reloaded: every step shows up in the other one through the pushes.
 *
 * The demo simulator may add reports meanwhile, so the test only ever looks at its own case, by id.
 */
import {
  choose,
  closeDrawer,
  columnCard,
  fillSeriousReport,
  makeMove,
  openBoard,
  openCase,
} from './dispatch-support.js';
import { expect, logIn, test } from './fixtures.js';

const TOWNSHIP = '431099001';

test('a serious report runs the whole loop between the county and a township, live on both consoles', async ({
  consolePage,
}) => {
  test.setTimeout(300_000);
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const town = await consolePage();
  await logIn(town, 'town01.director');
  await openBoard(county);
  await openBoard(town);

  // The township's name as the county's org tree shows it ("城关镇 · 12 个村…" → "城关镇").
  const townshipNode = county.getByTestId('org-tree').locator(`[data-code="${TOWNSHIP}"]`);
  const townshipName = (await townshipNode.getAttribute('title'))!.split(' · ')[0]!;

  // 1. The county duty officer types in a hotline call: a serious case in the township.
  const form = await fillSeriousReport(
    county,
    townshipName,
    '热线：镇政府门口大量生活垃圾堆放，气味严重 <script>x</script>',
  );
  await form.getByTestId('report-reporter-name').fill('王女士');
  await form.getByTestId('report-reporter-phone').fill('13900000000');
  await form.getByTestId('report-submit').click();
  const receipt = county.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  const caseId = (await receipt.getAttribute('data-case-id'))!;
  expect(caseId).toBeTruthy();

  // 2. The township director sees it arrive in 待受理 without reloading, announced as serious.
  await expect(columnCard(town, 'reported', caseId)).toBeVisible();
  await expect(columnCard(town, 'reported', caseId)).toHaveAttribute('data-grade', 'serious');
  await expect(town.locator(`[data-testid="serious-announcement"][data-case-id="${caseId}"]`)).toBeVisible();
  await expect(columnCard(county, 'reported', caseId)).toBeVisible();

  // 3. The county files it and dispatches it to the township (lead), the deadline left to the hub.
  await receipt.getByTestId('report-open').click();
  const drawer = county.getByTestId('case-drawer');
  await expect(drawer).toHaveAttribute('data-case-id', caseId);
  await expect(drawer.getByTestId('case-description')).toContainText('<script>x</script>');
  // A move form cancelled with something typed in opens empty again (nothing of it is sent by the next one).
  await drawer.getByTestId('move-file').click();
  await drawer.getByTestId('move-note').fill('草稿：不该留下');
  await drawer
    .getByTestId('move-form-file')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(drawer.getByTestId('move-form-file')).toHaveCount(0);
  await makeMove(county, 'file', 'filed', async (d) => {
    await expect(d.getByTestId('move-note')).toHaveValue('');
  });
  await expect(columnCard(town, 'filed', caseId)).toBeVisible();
  await makeMove(county, 'dispatch', 'dispatched', async (d) => {
    await choose(county, d.getByTestId('move-lead'), townshipName);
  });
  await closeDrawer(county);
  await expect(columnCard(county, 'handling', caseId)).toBeVisible();
  // A serious case runs on the wall clock from dispatch: the countdown is live on the township's card.
  const townCard = columnCard(town, 'handling', caseId);
  await expect(townCard).toHaveAttribute('data-status', 'dispatched');
  await expect(townCard).toHaveAttribute('data-sla', 'ok');
  const countdown = townCard.getByTestId('sla-countdown');
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before!);

  // 4. The township signs for it and feeds back.
  await openCase(town, caseId);
  await makeMove(town, 'sign', 'in_progress');
  await expect(columnCard(county, 'handling', caseId)).toHaveAttribute('data-status', 'in_progress');
  await makeMove(town, 'feedback', 'checking', async (d) => {
    await d.getByTestId('move-result').fill('已组织清运，现场已清理干净');
    await d.getByTestId('move-photos').fill('data:image/png;base64,iVBORw0KGgo=');
  });
  await closeDrawer(town);
  await expect(columnCard(town, 'checking', caseId)).toBeVisible();

  // 5. The county sees it waiting for the check, checks it and closes it; both boards show it closed today.
  await expect(columnCard(county, 'checking', caseId)).toBeVisible();
  await openCase(county, caseId);
  await expect(county.getByTestId('case-leg-feedback').first()).toContainText('已组织清运');
  // A hotline report is called back (回访) before it closes.
  const timeline = county.getByTestId('case-timeline').getByTestId('case-history-row');
  await makeMove(county, 'callback', 'checking');
  await expect(timeline).toHaveCount(6);
  await makeMove(county, 'check', 'closed');
  await expect(timeline).toHaveCount(7); // report, file, dispatch, sign, feedback, callback, check
  await closeDrawer(county);
  await expect(columnCard(county, 'closed', caseId)).toBeVisible();
  await expect(columnCard(town, 'closed', caseId)).toBeVisible();
});
