/**
 * A township director's wall: the tree holds exactly its township's cameras, nothing of a neighbour's can be found,
 * and a camera of another township forced onto a tile (typed by id, or asked straight through the console call) is
 * refused by the hub and shown plainly as "not permitted".
 */
import { expect, test } from './fixtures.js';
import { hubQuery, openCamera, openWall, tiles } from './wall-support.js';

test('a township director sees only its cameras and a forced foreign camera is refused on screen', async ({
  consolePage,
}) => {
  test.setTimeout(120_000);
  const page = await consolePage();
  await openWall(page, 'town01.director');

  const [{ n: own }] = hubQuery<{ n: number }>(
    `SELECT count(*) AS n FROM cameras WHERE org_unit_code LIKE '431099001%'`,
  ) as [{ n: number }];
  await expect(page.getByTestId('camera-tree')).toHaveAttribute('data-total', String(own));
  const codes = await page
    .getByTestId('camera-tree')
    .locator('[data-testid=camera-unit]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code') ?? ''));
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.every((code) => code.startsWith('431099001'))).toBe(true);

  // A neighbour township's cameras are not in the tree at all.
  const [foreign] = hubQuery<{ id: string; name: string; code: string }>(
    `SELECT id, name, code FROM cameras WHERE org_unit_code LIKE '431099002%' AND sensitive = 0 ORDER BY code LIMIT 1`,
  );
  await page.getByTestId('camera-search').locator('input').fill(foreign!.code);
  await expect(page.getByTestId('camera-tree')).toHaveAttribute('data-total', '0');

  // Forced onto a tile by its id: the hub refuses the ticket and the tile says so.
  await page.getByTestId('layout-4').click();
  await openCamera(page, foreign!.id);
  const tile = tiles(page).first();
  await expect(tile).toHaveAttribute('data-camera-id', foreign!.id);
  await expect(tile).toHaveAttribute('data-state', 'forbidden');
  await expect(tile.getByTestId('tile-state')).toContainText('无权查看');

  // And straight through the console call, as a script in the page would try.
  const answer = await page.evaluate(async (cameraId) => {
    const response = await fetch('/rpc/cameras.stream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cameraId, quality: 'sub' }),
    });
    return response.json();
  }, foreign!.id);
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
