/**
 * Evidence on the hub, end to end (issue 15 §2): a photo added in one console's case drawer and a video-wall
 * snapshot attached to the same case appear in a second console's drawer (another browser context, another duty
 * officer) without a reload; and a township director cannot list or download another township's attachments.
 */
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures.js';
import { choose, fillSeriousReport, openBoard, openCase } from './dispatch-support.js';
import { hubQuery, openCamera, tiles } from './wall-support.js';
import { makeJpegWithGps } from '../support/evidence-files.js';

const TOWNSHIP = '431099001';

/** A camera of township 01 to take a snapshot from. */
function cameraOfTownship(): string {
  const [camera] = hubQuery<{ id: string }>(
    `SELECT id FROM cameras WHERE org_unit_code LIKE '${TOWNSHIP}%' AND sensitive = 0 ORDER BY code LIMIT 1`,
  );
  return camera!.id;
}

const items = (page: Page) => page.getByTestId('case-drawer').getByTestId('attachment-item');

test('a photo and a wall snapshot attached in one console appear in another console', async ({ consolePage }) => {
  // Two consoles, a report, an upload, a playing tile: minutes on a busy shared machine.
  test.setTimeout(600_000);
  const first = await consolePage();
  const second = await consolePage();
  await logIn(first, 'county.duty');
  await logIn(second, 'county.duty2');
  await openBoard(first);
  await openBoard(second);

  // A hotline call typed in by the first officer: a case in township 01 to attach evidence to.
  const townshipNode = first.getByTestId('org-tree').locator(`[data-code="${TOWNSHIP}"]`);
  const townshipName = (await townshipNode.getAttribute('title'))!.split(' · ')[0]!;
  const form = await fillSeriousReport(first, townshipName, '热线：路口井盖缺失，已拍照');
  await form.getByTestId('report-submit').click();
  const receipt = first.getByTestId('report-receipt');
  await expect(receipt).toBeVisible();
  const caseNo = (await receipt.getAttribute('data-case-id'))!;
  await receipt.getByTestId('report-open').click();
  await expect(first.getByTestId('case-drawer')).toHaveAttribute('data-case-id', caseNo);
  await openCase(second, caseNo);
  await expect(second.getByTestId('case-attachments')).toHaveAttribute('data-count', '0');

  // A photo with a GPS position in its EXIF, picked in the first console's drawer.
  await first.getByTestId('attachment-input').setInputFiles({
    name: '现场照片.jpg',
    mimeType: 'image/jpeg',
    buffer: makeJpegWithGps(11),
  });
  await expect(items(first)).toHaveCount(1);
  await expect(items(first).first()).toHaveAttribute('data-kind', 'photo');
  await expect(items(first).first().getByTestId('attachment-thumb')).toBeVisible();
  // The second console, which did nothing, gets it pushed: thumbnail and all.
  await expect(items(second)).toHaveCount(1);
  await expect(items(second).first().getByTestId('attachment-thumb')).toBeVisible();
  await expect(items(second).first()).toContainText('现场照片.jpg');
  await expect(items(second).first()).toContainText('含拍摄位置');
  // Its timeline has the photo at the moment it was attached: after the report, with who attached which file.
  const timeline = second.getByTestId('case-drawer').getByTestId('case-timeline');
  const attached = timeline.getByTestId('case-history-attachment');
  await expect(attached).toHaveCount(1);
  await expect(attached).toHaveAttribute('data-kind', 'photo');
  await expect(attached).toContainText('添加附件（照片）');
  await expect(attached).toContainText('现场照片.jpg');
  const entries = timeline.locator('[data-testid="case-history-row"], [data-testid="case-history-attachment"]');
  await expect
    .poll(() => entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-move') ?? 'attachment')))
    .toEqual(['report', 'attachment']);
  // Opened full size in the second console: the picture loads (served without its EXIF, checked in integration).
  await items(second).first().getByRole('button').first().click();
  await expect(second.getByTestId('attachment-full')).toBeVisible();
  await expect
    .poll(() =>
      second
        .getByTestId('attachment-full')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBe(640);
  await second.keyboard.press('Escape');
});

test('a wall snapshot attached to the case appears in another console, with its camera and time', async ({
  consolePage,
}) => {
  test.setTimeout(600_000);
  const cameraId = cameraOfTownship();
  // The case the photo test attached to (township 01, one photo so far).
  const [target] = hubQuery<{ case_no: string }>(
    `SELECT c.case_no FROM cases c JOIN case_attachments a ON a.case_id = c.id
     WHERE c.grid_code LIKE '${TOWNSHIP}%' GROUP BY c.id HAVING count(*) = 1 ORDER BY c.id DESC LIMIT 1`,
  );
  expect(target, 'the photo test attached a photo to a township 01 case').toBeTruthy();
  const caseNo = target!.case_no;
  const second = await consolePage();
  await logIn(second, 'county.duty2');
  await openBoard(second);
  await openCase(second, caseNo);
  await expect(items(second)).toHaveCount(1);

  const first = await consolePage();
  await logIn(first, 'county.duty');
  await expect(first.getByTestId('nav-wall')).toBeVisible();
  // The first console takes a snapshot on the wall and attaches it to the case.
  await first.getByTestId('nav-wall').click();
  await expect(first.getByTestId('wall-view')).toBeVisible();
  await first.getByTestId('layout-4').click();
  await openCamera(first, cameraId);
  const tile = tiles(first).first();
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 90_000 });
  await tile.hover();
  await tile.getByTestId('tile-snapshot').click();
  await first.getByRole('tab', { name: '截图' }).click();
  const snapshot = first.getByTestId('snapshot-item').first();
  await choose(first, snapshot.locator('.ant-select'), caseNo);
  await snapshot.getByTestId('snapshot-attach').click();
  await expect(first.getByText(`已附到案件 ${caseNo}`)).toBeVisible();

  // The second console's open drawer shows the snapshot as well, with its camera's time.
  await expect(items(second)).toHaveCount(2);
  const shot = items(second)
    .filter({ has: second.locator('[data-testid="attachment-thumb"]') })
    .nth(1);
  await expect(items(second).nth(1)).toHaveAttribute('data-kind', 'snapshot');
  await expect(shot).toContainText('截图时间');
  const [row] = hubQuery<{ camera_id: string; captured_at: number }>(
    `SELECT a.camera_id, a.captured_at FROM case_attachments a JOIN cases c ON c.id = a.case_id
     WHERE c.case_no = ? AND a.kind = 'snapshot'`,
    caseNo,
  );
  expect(row!.camera_id).toBe(cameraId);
  expect(row!.captured_at).toBeGreaterThan(Date.now() - 10 * 60_000);
});

test('a township director cannot list or download another township’s attachments', async ({ consolePage }) => {
  test.setTimeout(240_000);
  const [attachment] = hubQuery<{ id: string; case_no: string }>(
    `SELECT a.id, c.case_no FROM case_attachments a JOIN cases c ON c.id = a.case_id
     WHERE c.grid_code LIKE '431099001%' LIMIT 1`,
  );
  expect(attachment, 'the first test attached files to a township 01 case').toBeTruthy();
  const rpc = (page: Page, method: string, body: unknown) =>
    page.evaluate(
      async ({ method, body }) => {
        const response = await fetch(`/rpc/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const type = response.headers.get('content-type') ?? '';
        return type.startsWith('application/json')
          ? response.json()
          : { bytes: (await response.arrayBuffer()).byteLength };
      },
      { method, body },
    );

  const neighbour = await consolePage();
  await logIn(neighbour, 'town02.director');
  await openBoard(neighbour);
  await expect(neighbour.locator(`[data-testid="case-card"][data-case-id="${attachment!.case_no}"]`)).toHaveCount(0);
  for (const variant of ['full', 'thumbnail']) {
    expect(await rpc(neighbour, 'evidence.content', { attachmentId: attachment!.id, variant })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  }
  expect(await rpc(neighbour, 'evidence.list', { caseId: attachment!.case_no })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  });

  // The case's own township director gets the bytes.
  const own = await consolePage();
  await logIn(own, 'town01.director');
  await openBoard(own);
  const answer = (await rpc(own, 'evidence.content', { attachmentId: attachment!.id, variant: 'thumbnail' })) as {
    bytes: number;
  };
  expect(answer.bytes).toBeGreaterThan(1000);
});
