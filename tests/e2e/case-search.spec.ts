/**
 * 案件检索 on the demo county's history: a duty officer searches a two-character word, narrows it with a filter,
 * opens the oldest case with its whole timeline in the drawer, and exports the result as CSV.
 */
import { readFile } from 'node:fs/promises';
import { expect, HOST, logIn, test } from './fixtures.js';
import { hubQuery } from './wall-support.js';

const SEARCH_TIMEOUT = 30_000;

test('a duty officer finds an old case by a word, filters, opens its timeline and exports the result', async ({
  consolePage,
}) => {
  test.setTimeout(240_000);
  const page = await consolePage();
  await logIn(page, 'county.duty');
  await page.getByTestId('nav-search').click();
  await expect(page.getByTestId('search-view')).toBeVisible();

  // One Chinese character is refused before it reaches the hub, with the reason.
  await page.getByTestId('search-q').fill('垃');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-error')).toContainText('请至少输入两个汉字');

  // A two-character word: the demo's history has thousands of such cases, counted up to 1,000.
  await page.getByTestId('search-q').fill('垃圾');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toHaveText('超过 1000 条', { timeout: SEARCH_TIMEOUT });
  const rows = page.locator('tr.search-hit');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('垃圾');

  // Filter: serious cases only — every row says so.
  await page.getByTestId('search-grade').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '严重' }).click();
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).not.toHaveText('超过 1000 条', { timeout: SEARCH_TIMEOUT });
  const grades = await rows.locator('td:nth-child(4)').allTextContents();
  expect(grades.length).toBeGreaterThan(0);
  expect(grades.every((g) => g === '严重')).toBe(true);

  // Oldest first: the first row is from the start of the demo's history (2017), long closed; it opens with its whole
  // timeline.
  await page.getByTestId('search-sort').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '最早在前' }).click();
  await page.getByTestId('search-submit').click();
  await expect(rows.first().locator('td:nth-child(2)')).toHaveText(/^20(1\d|20)\//, { timeout: SEARCH_TIMEOUT });
  const caseNo = (await rows.first().getByTestId('search-hit-open').textContent())!.trim();
  await rows.first().getByTestId('search-hit-open').click();
  const drawer = page.getByTestId('case-drawer');
  await expect(drawer).toHaveAttribute('data-case-id', caseNo, { timeout: SEARCH_TIMEOUT });
  await expect(drawer).toHaveAttribute('data-status', /closed|evaluated/);
  const timeline = drawer.getByTestId('case-history-row');
  await expect(timeline.first()).toBeVisible({ timeout: SEARCH_TIMEOUT });
  // An imported history case's timeline is its import record (with the old platform's closing facts).
  expect(await timeline.count()).toBeGreaterThanOrEqual(1);
  await expect(drawer.getByTestId('case-description')).toContainText('垃圾');
  await page.keyboard.press('Escape');

  if (HOST === 'web') {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('search-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^案件检索-\d{8}-\d{6}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '案件编号,上报时间,类别,等级,状态,来源,发生网格,承办单位,事件描述,处置期限,办结时间,是否超期,督办次数',
    );
    expect(lines[1]).toMatch(new RegExp(`^${caseNo},20(1\\d|20)-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,`));
    expect(lines.slice(1).every((line) => line.split(',')[3] === '严重')).toBe(true);
  }
});

test('a township director finds only its own township’s cases: a neighbour’s case number finds nothing', async ({
  consolePage,
}) => {
  test.setTimeout(180_000);
  // A case of the neighbouring township (431099002), and one of the director's own (431099001), from the hub.
  const [theirs] = hubQuery<{ case_no: string }>(
    `SELECT case_no FROM cases WHERE grid_code LIKE '431099002%' ORDER BY reported_at DESC LIMIT 1`,
  );
  const [ours] = hubQuery<{ case_no: string }>(
    `SELECT case_no FROM cases WHERE grid_code LIKE '431099001%' ORDER BY reported_at DESC LIMIT 1`,
  );
  const page = await consolePage();
  await logIn(page, 'town01.director');
  await page.getByTestId('nav-search').click();
  const rows = page.locator('tr.search-hit');

  await page.getByTestId('search-q').fill(theirs!.case_no);
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toHaveText('共 0 条', { timeout: SEARCH_TIMEOUT });
  await expect(rows).toHaveCount(0);

  // The same search for one of its own cases finds it: the empty answer above is the scope, not the search.
  await page.getByTestId('search-q').fill(ours!.case_no);
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-total')).toHaveText('共 1 条', { timeout: SEARCH_TIMEOUT });
  await expect(rows.first()).toContainText(ours!.case_no);
});
