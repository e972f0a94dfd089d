/**
 * The wall's mpegts.js settings for HTTP-FLV live tiles, plain numbers with no imports so the bench
 * (bench/wall-live.ts) plays exactly these. A wall tile wants the newest frame, not smoothness: no stash buffer
 * (mpegts.js would otherwise hold ~384 KB before feeding the decoder), chase the live edge by playing faster when
 * the buffer grows past 0.9 s and jump when it passes 1.5 s, and free what was played.
 */
export const WALL_FLV_SETTINGS = {
  enableWorker: false,
  enableStashBuffer: false,
  stashInitialSize: 64 * 1024,
  lazyLoad: false,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 1.5,
  liveBufferLatencyMinRemain: 0.3,
  liveSync: true,
  liveSyncMaxLatency: 0.9,
  liveSyncTargetLatency: 0.5,
  liveSyncPlaybackRate: 1.2,
  autoCleanupSourceBuffer: true,
  autoCleanupMaxBackwardDuration: 6,
  autoCleanupMinBackwardDuration: 3,
} as const;

/** The ticket's HLS playlist URL at the hub's own /media → the same stream's live FLV URL; null for any other URL. */
export function flvUrlOf(playlistUrl: string): string | null {
  return /\/media\/[^/]+\/[^/]+\/index\.m3u8$/.test(playlistUrl)
    ? playlistUrl.replace(/index\.m3u8$/, 'live.flv')
    : null;
}
