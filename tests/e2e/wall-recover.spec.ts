/**
 * A tile recovers by itself when its stream is restarted: the camera the hub encodes live has its ffmpeg killed
 * twice in a row (a crashing encoder: the hub then answers 503 stream_unavailable until its restart backoff has
 * passed), the tile shows what happens instead of freezing silently, and plays again on the new encoder.
 */
import { expect, test } from './fixtures.js';
import { chooseLayout, ffmpegPidOf, hubQuery, openCamera, openWall, tileFacts, tiles } from './wall-support.js';

test('a tile recovers after its stream is restarted', async ({ consolePage }) => {
  test.setTimeout(180_000);
  // The hub encodes the first two ordinary demo cameras live (hub/video-access/video-services.ts).
  const [live] = hubQuery<{ id: string }>(
    `SELECT id FROM cameras WHERE main_stream LIKE 'demo:%' AND sensitive = 0 ORDER BY code LIMIT 1`,
  );
  const cameraId = live!.id;
  const page = await consolePage();
  await openWall(page, 'county.wall');
  await chooseLayout(page, '4');
  await openCamera(page, cameraId);
  const tile = tiles(page).first();
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });

  await expect.poll(() => ffmpegPidOf(cameraId), { timeout: 10_000 }).not.toBeNull();
  const first = ffmpegPidOf(cameraId)!;
  process.kill(first, 'SIGKILL');
  await expect.poll(() => ffmpegPidOf(cameraId), { timeout: 30_000 }).not.toBe(first);
  process.kill(ffmpegPidOf(cameraId)!, 'SIGKILL'); // crashes again right after its restart

  // The tile does not pretend: it leaves "playing" while the stream is down …
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const state = (await tileFacts(page))[0]!.state;
        seen.add(state);
        return state;
      },
      { timeout: 60_000, intervals: [300] },
    )
    .toMatch(/stalled|reconnecting|connecting/);
  // … and plays again once the hub has started a new encoder.
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 90_000 });
  const before = (await tileFacts(page))[0]!.time;
  await expect.poll(async () => (await tileFacts(page))[0]!.time, { timeout: 15_000 }).toBeGreaterThan(before + 1);
  test.info().annotations.push({ type: 'states seen', description: [...seen].join(' → ') });
});
