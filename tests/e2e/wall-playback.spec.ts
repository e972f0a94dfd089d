/**
 * Playback in a tile (issue 16 §2), end to end: the web host records one demo camera (playwright.config.ts,
 * GRID_RECORDING_CAMERAS); its township's director opens it on the wall, switches the tile to playback, sees the
 * recorded span on the timeline, watches the recording play (the shown clock time inside what was recorded),
 * plays it at 4×, steps a frame, exports a ~5-s clip to a case of the township and finds it in the case's drawer;
 * the neighbouring township's director is refused both playback and export of that camera by the hub.
 */
import type { Page } from '@playwright/test';
import { E2E_RECORDED_CAMERA } from '../../playwright.config.js';
import { expect, logIn, test } from './fixtures.js';
import { chooseLayout, hubQuery, openCamera, openWall, tiles } from './wall-support.js';

test.describe.configure({ timeout: 420_000 });

const CAMERA = process.env.GRID_E2E_RECORDING_CAMERAS?.split(',')[0] || E2E_RECORDED_CAMERA;

/** What the hub has indexed for the camera: first start and last end (ms), from its own database. */
function recorded(): { from: number; to: number } {
  const [row] = hubQuery<{ from: number | null; to: number | null }>(
    `SELECT min(start_ms) AS "from", max(end_ms) AS "to" FROM recording_segments WHERE camera_id = ?`,
    CAMERA,
  );
  return { from: row?.from ?? 0, to: row?.to ?? 0 };
}

const video = (page: Page) => tiles(page).first().locator('video');
const videoFacts = (page: Page) =>
  video(page).evaluate((node) => {
    const v = node as unknown as { currentTime: number; playbackRate: number; paused: boolean };
    return { t: v.currentTime, rate: v.playbackRate, paused: v.paused };
  });
const clock = async (page: Page) => Number(await page.getByTestId('playback-bar').getAttribute('data-clock'));

/** A console call from the signed-in page, as the renderer makes it over the web host's RPC. */
async function consoleCall(page: Page, method: string, request: unknown) {
  return page.evaluate(
    async ([m, r]) => {
      const res = await fetch(`/rpc/${encodeURIComponent(m as string)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(r),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string } };
    },
    [method, request] as const,
  );
}

test('a tile plays back the recording, at 4×, a frame at a time, and exports a clip to a case', async ({
  consolePage,
}) => {
  const [held] = hubQuery<{ case_no: string }>(
    `SELECT c.case_no FROM cases c WHERE c.closed_at IS NULL
       AND EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = c.id AND h.org_code LIKE '431099001%')
     ORDER BY c.reported_at DESC LIMIT 1`,
  );
  const caseNo = held!.case_no;
  // ~20 s of footage before playing it back.
  await expect
    .poll(() => recorded().to - recorded().from, { timeout: 180_000, intervals: [2000] })
    .toBeGreaterThan(20_000);

  const page = await consolePage();
  await openWall(page, 'town01.director');
  await chooseLayout(page, '4');
  await openCamera(page, CAMERA);
  const tile = tiles(page).first();
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 120_000 });

  await tile.hover();
  await tile.getByTestId('tile-playback').click();
  await expect(tile).toHaveAttribute('data-mode', 'playback');
  await expect(tile.getByTestId('playback-span').first()).toBeVisible({ timeout: 30_000 });

  // The picture moves and the clock shown is a moment the hub recorded.
  await expect.poll(() => clock(page), { timeout: 60_000 }).toBeGreaterThan(0);
  const t0 = (await videoFacts(page)).t;
  await expect.poll(async () => (await videoFacts(page)).t, { timeout: 30_000 }).toBeGreaterThan(t0 + 1);
  const shown = await clock(page);
  const span = recorded();
  expect(shown).toBeGreaterThanOrEqual(span.from);
  expect(shown).toBeLessThanOrEqual(span.to);
  await expect(tile.getByTestId('playback-clock')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  // The viewer's watermark stays on the tile in playback.
  await expect(tile.getByTestId('tile-watermark')).toBeAttached();

  // 4×: the video plays four times as fast.
  await tile.getByTestId('playback-speed').getByText('4×').click();
  await expect.poll(async () => (await videoFacts(page)).rate).toBe(4);

  // Scrub: a click near the start of the first recorded span plays from there (at 4× the end comes quickly).
  const first = tile.getByTestId('playback-span').first();
  const spanFrom = Date.parse((await first.getAttribute('data-from'))!);
  const spanTo = Date.parse((await first.getAttribute('data-to'))!);
  const box = (await first.boundingBox())!;
  const timeline = (await tile.getByTestId('playback-timeline').boundingBox())!;
  await tile.getByTestId('playback-timeline').click({ position: { x: box.x - timeline.x + 2, y: 7 } });
  await expect
    .poll(
      async () => {
        const ms = await clock(page);
        return ms >= spanFrom && ms <= spanTo + 5000;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const t1 = (await videoFacts(page)).t;
  await expect.poll(async () => (await videoFacts(page)).t, { timeout: 30_000 }).toBeGreaterThan(t1 + 0.5);

  // Frame step: paused, one frame (1/25 s) further.
  await tile.getByTestId('playback-toggle').click();
  await expect.poll(async () => (await videoFacts(page)).paused).toBe(true);
  const before = (await videoFacts(page)).t;
  await tile.getByTestId('playback-frame-forward').click();
  await expect.poll(async () => (await videoFacts(page)).t - before).toBeCloseTo(0.04, 2);

  // In here, play on at 4× for ~5 s of recording, out, export to the case.
  await expect.poll(() => clock(page)).toBeGreaterThan(0);
  // At 1× again, so the out point lands a few seconds after the in point.
  await tile.getByTestId('playback-speed').getByText('1×').click();
  await tile.getByTestId('playback-in').click();
  const inAt = await clock(page);
  await tile.getByTestId('playback-toggle').click();
  await expect.poll(() => clock(page), { timeout: 30_000 }).toBeGreaterThan(inAt + 5000);
  await tile.getByTestId('playback-toggle').click();
  await tile.getByTestId('playback-out').click();
  await tile.getByTestId('playback-export').click();
  await page.getByTestId('playback-export-case').fill(caseNo);
  await page.getByTestId('playback-export-submit').click();
  await expect(page.getByText(new RegExp(`已导出 clip-.*\\.mp4，附到案件 ${caseNo}`))).toBeVisible({
    timeout: 120_000,
  });

  // 回到直播: the tile plays the live stream again.
  await tile.getByTestId('playback-live').click();
  await expect(tile).toHaveAttribute('data-mode', 'live');
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 120_000 });

  // The clip is in the case's drawer.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-q').fill(caseNo);
  await page.getByTestId('search-submit').click();
  await page.getByTestId('search-hit-open').first().click();
  const drawer = page.getByTestId('case-drawer');
  await expect(drawer).toHaveAttribute('data-case-id', caseNo);
  await expect(drawer.getByTestId('attachment-item').filter({ hasText: /clip-/ }).first()).toBeVisible({
    timeout: 30_000,
  });
});

test("a township director cannot play back or export a neighbour's camera", async ({ consolePage }) => {
  const page = await consolePage();
  await logIn(page, 'town02.director');
  await expect(page.getByTestId('nav-wall')).toBeVisible({ timeout: 60_000 });
  const now = Date.now();
  const range = { from: new Date(now - 600_000).toISOString(), to: new Date(now).toISOString() };
  const [theirs] = hubQuery<{ case_no: string }>(
    `SELECT c.case_no FROM cases c
     WHERE EXISTS (SELECT 1 FROM case_holders h WHERE h.case_id = c.id AND h.org_code LIKE '431099002%') LIMIT 1`,
  );
  const playback = await consoleCall(page, 'recording.playback', { cameraId: CAMERA, request: range });
  expect(playback).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const clip = await consoleCall(page, 'recording.exportClip', {
    cameraId: CAMERA,
    clip: { caseId: theirs!.case_no, from: range.from, to: new Date(now - 595_000).toISOString() },
  });
  expect(clip).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const spans = await consoleCall(page, 'recording.spans', { cameraId: CAMERA, range });
  expect(spans).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
