/** Board and case-drawer steps shared by the dispatch specs. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

export async function openBoard(page: Page): Promise<void> {
  await page.getByTestId('nav-dispatch').click();
  await expect(page.getByTestId('dispatch-board')).toHaveAttribute('data-loading', 'false');
}

export const cardOf = (page: Page, caseId: string): Locator =>
  page.locator(`[data-testid="case-card"][data-case-id="${caseId}"]`);

export const columnCard = (page: Page, stage: string, caseId: string): Locator =>
  page.getByTestId(`board-column-${stage}`).locator(`[data-testid="case-card"][data-case-id="${caseId}"]`);

/** Pick an option of an antd Select by typing (its options are virtual, so typing beats scrolling). */
export async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * Narrows the board to one case by typing its number into the search, as an officer looking for it would: the
 * columns are virtualised and the demo board holds today's full load, so a general case may sit far down a column.
 */
export async function searchBoard(page: Page, caseId: string): Promise<void> {
  await page.getByTestId('board-search').fill(caseId);
}

export async function openCase(page: Page, caseId: string): Promise<Locator> {
  await cardOf(page, caseId).click();
  const drawer = page.getByTestId('case-drawer');
  await expect(drawer).toHaveAttribute('data-case-id', caseId);
  return drawer;
}

export async function closeDrawer(page: Page): Promise<void> {
  // By its close button: Escape goes to the topmost layer first, and a tooltip left up under the pointer (the
  // drawer's print buttons) takes it before the drawer does.
  await page.locator('.ant-drawer-close:visible').first().click();
  await expect(page.getByTestId('case-drawer')).toHaveCount(0);
}

/** Press a move button, fill its form (if anything), submit, and wait for the case to reach `status`. */
export async function makeMove(page: Page, move: string, status: string, fill?: (drawer: Locator) => Promise<void>) {
  const drawer = page.getByTestId('case-drawer');
  await drawer.getByTestId(`move-${move}`).click();
  if (fill) await fill(drawer);
  await drawer.getByTestId('move-submit').click();
  await expect(drawer).toHaveAttribute('data-status', status);
  await expect(drawer.getByTestId('move-error')).toHaveCount(0);
}

/** Open the report form and fill in a serious 暴露垃圾 report in the township; the caller adds to it and submits. */
export async function fillSeriousReport(page: Page, townshipName: string, description: string): Promise<Locator> {
  await page.getByTestId('new-report').click();
  const form = page.getByTestId('report-form');
  await choose(page, form.getByTestId('report-place'), townshipName);
  await form.getByTestId('report-category').click();
  await page.locator('.ant-cascader-menu-item', { hasText: '城市管理' }).first().click();
  await page.locator('.ant-cascader-menu-item', { hasText: '暴露垃圾' }).first().click();
  await form.locator('label', { has: page.getByTestId('report-grade-serious') }).click();
  await form.getByTestId('report-description').fill(description);
  return form;
}
