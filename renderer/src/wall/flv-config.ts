/**
 * The wall's mpegts.js settings for live FLV tiles, plain numbers with no imports so the bench
 * (bench/wall-live.ts) plays exactly these. A wall tile wants the newest frame, not smoothness:
 * - first frame: no stash buffer (mpegts.js would otherwise hold ~384 KB before feeding the decoder), a small initial
 *   one, and the response opened at once instead of after MediaSource's `sourceopen`;
 * - latency, two ways. A tile that CHASES (few tiles play, or it is maximised) plays faster (1.2×) when its buffer
 *   grows past 0.9 s and jumps when it passes 1.5 s. On a crowded wall every tile chasing means every decoder running
 *   20 % faster, and on a loaded PC that is where frames get dropped: a STEADY tile plays at 1× and only jumps when
 *   it falls 3 s behind (a stall, a busy moment), a safety net rather than a target.
 */
const BASE = {
  enableWorker: false,
  enableStashBuffer: false,
  stashInitialSize: 32 * 1024,
  lazyLoad: false,
  deferLoadAfterSourceOpen: false,
  autoCleanupSourceBuffer: true,
  autoCleanupMaxBackwardDuration: 6,
  autoCleanupMinBackwardDuration: 3,
} as const;

const CHASING = {
  ...BASE,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 1.5,
  liveBufferLatencyMinRemain: 0.3,
  liveSync: true,
  liveSyncMaxLatency: 0.9,
  liveSyncTargetLatency: 0.5,
  liveSyncPlaybackRate: 1.2,
} as const;

const STEADY = {
  ...BASE,
  liveBufferLatencyChasing: true,
  liveBufferLatencyMaxLatency: 3,
  liveBufferLatencyMinRemain: 0.5,
  liveSync: false,
} as const;

/** Up to this many playing tiles, each chases the live edge; more, and only a maximised tile does. */
export const FLV_CHASE_MAX_TILES = 4;

/** The settings of one FLV tile: chasing the live edge or steady (see above). */
export function wallFlvSettings(chase: boolean): typeof CHASING | typeof STEADY {
  return chase ? CHASING : STEADY;
}

/**
 * The ticket's HLS playlist URL at the hub's own /media → the same stream's live FLV over a WebSocket (ws: for
 * http:, wss: for https:); null for any other URL (an external media server plays HLS). A WebSocket, not the
 * HTTP-FLV response: a browser opens at most six HTTP/1.1 connections per host and an FLV response never ends, so a
 * 16-tile wall of HTTP-FLV starves itself (ten tiles never played); WebSockets are not drawn from that pool.
 */
export function flvUrlOf(playlistUrl: string): string | null {
  if (!/^https?:\/\/[^/]+\/(?:.*\/)?media\/[^/]+\/[^/]+\/index\.m3u8$/.test(playlistUrl)) return null;
  return playlistUrl.replace(/^http/, 'ws').replace(/index\.m3u8$/, 'live.flv');
}
