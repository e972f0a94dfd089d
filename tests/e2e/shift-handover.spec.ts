/**
 * The shift (issue 15 §4) and the hub's alerts (§3), each officer in their own console:
 * - the county duty officer writes a handover; the open serious and overdue cases of the county come attached; a
 *   second duty officer takes it over in another console, and the history then says who acknowledged it and when;
 * - a 督办 raised by the county against a township reaches that township's alert centre live, is acknowledged there
 *   and is still acknowledged after a reload (the acknowledgement is the user's, kept on the hub).
 */
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.js';

const TOWNSHIP = '431099001';

// Two consoles on a shared, loaded 2-core machine, the demo simulator running: well more than the default minute.
test.describe.configure({ timeout: 480_000 });

async function openDuty(page: Page): Promise<void> {
  await page.getByTestId('nav-duty').click();
  await expect(page.getByTestId('duty-view')).toBeVisible();
}

test('a handover written by one duty officer is taken over by another', async ({ consolePage }) => {
  const outgoing = await consolePage();
  await logIn(outgoing, 'county.duty');
  const incoming = await consolePage();
  await logIn(incoming, 'county.duty2');
  const incomingName = (await incoming.getByTestId('header-user').textContent())!;

  await openDuty(outgoing);
  const note = `夜班交接 ${Date.now()}：城关镇垃圾堆放投诉需回访，防汛值守正常`;
  await outgoing.getByTestId('handover-note').fill(note);
  await outgoing.getByTestId('handover-submit').click();
  const mine = outgoing.getByTestId('handover-pending').filter({ hasText: note });
  await expect(mine).toBeVisible();
  // The writer cannot take over their own handover.
  await expect(mine.getByTestId('handover-acknowledge')).toHaveCount(0);
  // The demo county has open serious and overdue cases: they come attached, each opening its case drawer.
  const attached = mine.getByTestId('handover-case');
  await expect(attached.first()).toBeVisible();
  const handoverId = (await mine.getAttribute('data-handover-id'))!;

  await openDuty(incoming);
  const waiting = incoming.locator(`[data-testid="handover-pending"][data-handover-id="${handoverId}"]`);
  await expect(waiting.getByTestId('handover-pending-note')).toHaveText(note);
  const firstCase = (await waiting.getByTestId('handover-case').first().getAttribute('data-case-id'))!;
  await waiting.getByTestId('handover-acknowledge').click();
  await expect(waiting).toHaveCount(0);

  // The history finds it by its words, acknowledged by the incoming officer; it opens with its cases.
  await incoming.getByTestId('duty-tab-history').click();
  await incoming.getByTestId('history-text').fill('垃圾堆放投诉');
  await incoming.getByTestId('history-search').click();
  const row = incoming.locator(`[data-testid="history-row"][data-handover-id="${handoverId}"]`);
  await expect(row.getByTestId('history-ack')).toContainText(incomingName);
  await row.locator('.ant-table-row-expand-icon').click();
  const cases = incoming.locator(`[data-testid="handover-cases"][data-handover-id="${handoverId}"]`);
  const attachedCase = cases.locator(`[data-testid="handover-case"][data-case-id="${firstCase}"]`);
  await expect(attachedCase).toBeVisible();
  // The incoming officer clicks the case's number: the dispatch board opens with that case's drawer.
  await attachedCase.getByTestId('handover-case-open').click();
  await expect(incoming.getByTestId('dispatch-board')).toBeVisible();
  await expect(incoming.getByTestId('case-drawer')).toHaveAttribute('data-case-id', firstCase);
  await expect(incoming.getByTestId('case-drawer-no')).toHaveText(firstCase);

  // The outgoing console, reloaded, no longer lists it as waiting.
  await outgoing.reload();
  await openDuty(outgoing);
  await expect(outgoing.locator(`[data-testid="handover-pending"][data-handover-id="${handoverId}"]`)).toHaveCount(0);
});

/** Calls a console call from inside the page, as the UI would (the web host's loopback RPC, the page's session). */
async function rpc<T>(page: Page, method: string, request: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ([m, r]) => {
      const response = await fetch(`/rpc/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(r),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, request] as const,
  );
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

type CaseView = { id: string; version: number; status: string; legs: Array<{ id: string; role: string }> };

test('a 督办 against my unit raises an alert that stays acknowledged after a reload', async ({ consolePage }) => {
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const town = await consolePage();
  await logIn(town, 'town01.director');
  await expect(town.getByTestId('alert-bell')).toBeVisible();

  // The county takes in a case in the township, files it and dispatches it there (the board's work, done by call).
  const units = await rpc<Array<{ code: string; level: string; center: [number, number] }>>(county, 'org.units', {});
  const grid = units.find((u) => u.level === 'grid' && u.code.startsWith(TOWNSHIP))!;
  const receipt = await rpc<{ caseId: string }>(county, 'cases.report', {
    idempotencyKey: `e2e-shift-${Date.now()}`,
    report: {
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: { lon: grid.center[0], lat: grid.center[1] },
      description: '督办告警测试：村口新建违章棚屋',
    },
  });
  const caseId = receipt.caseId;
  const moveOnce = async (c: CaseView, move: Record<string, unknown>) =>
    rpc<CaseView>(county, 'cases.move', {
      caseId,
      idempotencyKey: `e2e-shift-${caseId}-${c.version}`,
      request: { expectedVersion: c.version, move },
    });
  let c = (await rpc<{ case: CaseView }>(county, 'cases.get', { caseId })).case;
  c = await moveOnce(c, { type: 'file' });
  c = await moveOnce(c, { type: 'dispatch', lead: { unitCode: TOWNSHIP } });
  expect(c.status).toBe('dispatched');
  const legId = c.legs.find((l) => l.role === 'lead')!.id;
  await moveOnce(c, { type: 'supervise', legId, note: '群众反映强烈，请加快办理' });

  // The township's bell rings: the alert is in its list, open, as a 督办 against its unit.
  const alertOf = (page: Page) =>
    page.locator(`[data-testid="alert-item"][data-kind="supervised"][data-case-id="${caseId}"]`);
  await expect(town.getByTestId('alert-bell')).toHaveAttribute('data-serious', 'true');
  await town.getByTestId('alert-bell').click();
  await expect(alertOf(town)).toHaveAttribute('data-acknowledged', 'false');
  await expect(alertOf(town)).toContainText('本单位被督办');
  await alertOf(town).getByTestId('alert-ack').click();
  await expect(alertOf(town)).toHaveAttribute('data-acknowledged', 'true');

  // After a reload — and even with this console's local list wiped — it is still acknowledged: the hub keeps it.
  await town.evaluate('window.localStorage.clear()');
  await town.reload();
  await expect(town.getByTestId('alert-bell')).toBeVisible();
  await town.getByTestId('alert-bell').click();
  await expect(alertOf(town)).toHaveAttribute('data-acknowledged', 'true');
});
