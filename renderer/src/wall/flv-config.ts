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

/**
 * Layouts up to this many tiles play FLV (with 低延时 on); 25 and 36 play HLS. On a PC decoding in software, 36 FLV
 * tiles fell behind real time (mpegts.js transmuxes on the page's main thread, at 36 tiles the wall's too: 16 of 36
 * kept up), where 36 HLS tiles kept moving (README, "The video wall"); an overview of 25–36 cameras needs no
 * sub-second picture.
 */
export const FLV_MAX_LAYOUT_TILES = 16;

/** What a tile of a layout with `layoutTiles` cells plays: FLV first ('auto', HLS if it fails) or HLS only. */
export function tileTransport(liveFlv: boolean, layoutTiles: number): 'auto' | 'hls' {
  return liveFlv && layoutTiles <= FLV_MAX_LAYOUT_TILES ? 'auto' : 'hls';
}

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
