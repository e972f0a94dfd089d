/**
 * A tile recovers by itself when its stream is restarted: the camera encoded live by the hub has its ffmpeg killed
 * (as a crashed encoder or a camera reboot would), the tile shows it stalled / reconnecting, and plays again once
 * the hub has started the stream anew.
 */
import { expect, test } from './fixtures.js';
import { chooseLayout, ffmpegPidOf, hubQuery, openCamera, openWall, tileFacts, tiles } from './wall-support.js';

test('a tile recovers after its stream is restarted', async ({ consolePage }) => {
  test.setTimeout(180_000);
  // The hub encodes the first two ordinary demo cameras live (hub/video-access/video-services.ts).
  const [live] = hubQuery<{ id: string }>(
    `SELECT id FROM cameras WHERE main_stream LIKE 'demo:%' AND sensitive = 0 ORDER BY code LIMIT 1`,
  );
  const page = await consolePage();
  await openWall(page, 'county.wall');
  await chooseLayout(page, '4');
  await openCamera(page, live!.id);
  const tile = tiles(page).first();
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });

  await expect.poll(() => ffmpegPidOf(live!.id), { timeout: 10_000 }).not.toBeNull();
  const pid = ffmpegPidOf(live!.id)!;
  process.kill(pid, 'SIGKILL');

  // The picture stops; the tile says so instead of freezing silently …
  await expect
    .poll(async () => (await tileFacts(page))[0]!.state, { timeout: 60_000, intervals: [500] })
    .toMatch(/stalled|reconnecting|connecting/);
  // … and comes back on its own, on a new encoder.
  await expect(tile).toHaveAttribute('data-state', 'playing', { timeout: 90_000 });
  await expect.poll(() => ffmpegPidOf(live!.id)).not.toBe(pid);
  const before = (await tileFacts(page))[0]!.time;
  await expect.poll(async () => (await tileFacts(page))[0]!.time, { timeout: 15_000 }).toBeGreaterThan(before);
});
