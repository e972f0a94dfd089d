/**
 * The wall's live-latency and buffer settings for hls.js, plain numbers with no imports, so the bench
 * (bench/wall-latency.ts) runs exactly these against hls.js's defaults. Segments are 2 s and a live playlist lists
 * the last 6 (docs/video.md).
 */
export const WALL_LATENCY_SETTINGS = {
  /** Start and stay 2 segments behind the live edge (hls.js: 3). */
  liveSyncDurationCount: 2,
  /** More than 4 segments behind (a tab woken up, a slow machine): jump forward (hls.js: never). */
  liveMaxLatencyDurationCount: 4,
  /** Catch up gently by playing a little faster instead of jumping (hls.js: 1, no catching up). */
  maxLiveSyncPlaybackRate: 1.1,
  /** Buffer ahead: a live tile cannot buffer past the edge anyway (hls.js: 30 s / 600 s / 60 MB). */
  maxBufferLength: 6,
  maxMaxBufferLength: 10,
  maxBufferSize: 6 * 1000 * 1000,
  /** Free what was played: memory stays flat however long the wall runs (hls.js: keep everything). */
  backBufferLength: 4,
} as const;
