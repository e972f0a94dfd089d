/**
 * A move made on a stale view: one console is cut off its push stream (the web host's server-sent events, which the
 * browser can drop — Electron's IPC pushes cannot be, so this spec is web-only, see host.ts), another moves the case,
 * and the stale one's move is refused as a conflict and the case refreshed.
 */
import { makeMove, openBoard, openCase } from './dispatch-support.js';
import { expect, logIn, test } from './fixtures.js';

test('a move on a stale case is refused as a conflict and the case is refreshed', async ({ consolePage }) => {
  test.setTimeout(180_000);
  const county = await consolePage();
  await logIn(county, 'county.duty');
  const stale = await consolePage();
  await stale.route('**/rpc/events', (route) => route.abort());
  await logIn(stale, 'county.duty2');
  await openBoard(county);
  await openBoard(stale);

  // Both consoles look at the same case waiting to be taken in (the demo county always has some).
  const card = stale.getByTestId('board-column-reported').getByTestId('case-card').first();
  const caseId = (await card.getAttribute('data-case-id'))!;
  await openCase(stale, caseId);
  await openCase(county, caseId);

  // The live console files it; the cut-off one, still showing the old version, tries to void it.
  await makeMove(county, 'file', 'filed');
  const drawer = stale.getByTestId('case-drawer');
  await expect(drawer).toHaveAttribute('data-status', 'reported');
  await drawer.getByTestId('move-void').click();
  await drawer.getByTestId('move-reason').fill('重复上报');
  await drawer.getByTestId('move-submit').click();
  await expect(drawer.getByTestId('move-error')).toContainText('其他人已处理了该案件');
  // Refreshed: the case now shows as filed, and 作废 is still offered only because a filed case may be voided.
  await expect(drawer).toHaveAttribute('data-status', 'filed');
});
