/**
 * What a tile shows and what it does next, from the hub's answers (docs/video.md, "Answers a tile must
 * understand"). Pure: the player (tile-player.ts) feeds it statuses and error codes; tests/unit/wall-tile-state.test.ts
 * checks the table.
 */

/** The states a tile shows plainly. `reason` asks the operator why (sensitive camera) before a ticket is issued. */
export const TILE_STATES = [
  'empty',
  'connecting',
  'playing',
  'stalled',
  'reconnecting',
  'offline',
  'forbidden',
  'reason',
  'error',
] as const;
export type TileState = (typeof TILE_STATES)[number];

/** What to do about a failed ticket, playlist or segment request. */
export type FailureAction =
  /** Ask a new ticket now and keep playing (the token ran out, say after the laptop slept). */
  | { kind: 'refresh' }
  /** Show the state and try again after `delayMs` (backoff for `reconnecting`). */
  | { kind: 'retry'; state: TileState; delayMs: number }
  /** Show the state and stop: asking again cannot help until something changes (scope, session, reason). */
  | { kind: 'stop'; state: TileState }
  /** Leave it to hls.js (a segment that slid out of the live window). */
  | { kind: 'ignore' };

export interface Failure {
  /** HTTP status; 0 for a network failure (hub unreachable). */
  readonly status: number;
  /** The hub's error code (`{ error: { code } }`) or the console service's (`CallError.code`), if known. */
  readonly code?: string;
  /** How many times in a row this tile has failed (0 for the first), for the backoff. */
  readonly attempt: number;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30_000;
/** A camera reported offline is tried again at this pace (a `camera.status` online push retries at once). */
export const OFFLINE_RETRY_MS = 20_000;
/** A stream still starting (first viewer of a live-encoded camera, demo clips being encoded): poll at about 1.5 s. */
export const STARTING_RETRY_MS = 1500;

/** Exponential backoff 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter so 36 tiles do not retry in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function classifyFailure(failure: Failure, random: () => number = Math.random): FailureAction {
  const { status, code, attempt } = failure;
  switch (code) {
    case 'forbidden':
      return { kind: 'stop', state: 'forbidden' };
    case 'reason_required':
      return { kind: 'stop', state: 'reason' };
    case 'token_expired':
      return attempt < 3
        ? { kind: 'refresh' }
        : { kind: 'retry', state: 'reconnecting', delayMs: backoffDelay(attempt, random) };
    case 'stream_token_invalid':
      // A bad or missing token: one new ticket, then say so plainly.
      return attempt < 1 ? { kind: 'refresh' } : { kind: 'stop', state: 'error' };
    case 'validation_failed':
    case 'unauthenticated':
      // A malformed request cannot get better by asking again; a session gone ends in `session.ended` (login page).
      return { kind: 'stop', state: 'error' };
    case 'camera_offline':
      return { kind: 'retry', state: 'offline', delayMs: OFFLINE_RETRY_MS };
    case 'stream_starting':
      return { kind: 'retry', state: 'connecting', delayMs: STARTING_RETRY_MS };
    case 'stream_unavailable':
      return { kind: 'retry', state: 'reconnecting', delayMs: backoffDelay(attempt, random) };
    case 'not_found':
      return status === 404 ? { kind: 'ignore' } : { kind: 'stop', state: 'error' };
    default:
      break;
  }
  if (status === 403) return { kind: 'stop', state: 'forbidden' };
  if (status === 401) return attempt < 1 ? { kind: 'refresh' } : { kind: 'stop', state: 'error' };
  if (status === 404) return { kind: 'ignore' };
  if (status === 400 || status === 422) return { kind: 'stop', state: 'error' };
  // 5xx, timeouts, the hub or console service unreachable: keep trying, spaced out.
  return { kind: 'retry', state: 'reconnecting', delayMs: backoffDelay(attempt, random) };
}

/** The stream token of a ticket URL: the path segment after the camera id (`/media/<cameraId>/<token>/…`). */
export function tokenOf(url: string): string | null {
  return /\/media\/[^/]+\/([^/]+)\//.exec(url)?.[1] ?? null;
}

/** The same request with the newest token, so a refreshed ticket applies to the player's next request. */
export function withToken(url: string, token: string | null): string {
  return token ? url.replace(/(\/media\/[^/]+\/)[^/]+\//, `$1${token}/`) : url;
}

/** When to refresh a ticket: at ~80 % of its life, never sooner than 5 s from now, never later than 10 s before. */
export function refreshDelay(issuedAt: number, expiresAt: number, now: number): number {
  const life = expiresAt - issuedAt;
  const at = issuedAt + life * 0.8;
  return Math.max(5000, Math.min(at - now, expiresAt - now - 10_000));
}

/** The hub's error code from a response body (JSON `{ error: { code } }`, as text or bytes). */
export function errorCodeOfBody(body: unknown): string | undefined {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body instanceof ArrayBuffer && body.byteLength < 4096) text = new TextDecoder().decode(body);
  else if (typeof body === 'object' && body !== null && 'error' in body) {
    const code = (body as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  }
  if (!text || text[0] !== '{') return undefined;
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Watchdog thresholds: no progress for this long while playing shows "stalled", then the player is rebuilt. */
export const STALL_SHOW_MS = 5000;
export const STALL_REBUILD_MS = 20_000;
/** A tile connecting for this long without a frame is rebuilt too. */
export const CONNECT_TIMEOUT_MS = 45_000;

export type WatchdogVerdict = 'ok' | 'stalled' | 'rebuild';

/** Media buffered ahead but not played: the machine is short of CPU (decoding), and a rebuild would only add work. */
export const STARVED_REBUILD_MS = 60_000;

/**
 * The watchdog's call, from how long the picture has not moved (or how long connecting has taken) and how much is
 * buffered ahead of the playhead: a stream that stopped coming is rebuilt, a decoder that is behind is left to
 * catch up (hls.js nudges it) unless it stays stuck for a minute.
 */
export function watchdog(state: TileState, sinceProgressMs: number, bufferedAheadS = 0): WatchdogVerdict {
  if (state === 'playing' || state === 'stalled') {
    const limit = bufferedAheadS >= 1 ? STARVED_REBUILD_MS : STALL_REBUILD_MS;
    if (sinceProgressMs >= limit) return 'rebuild';
    if (sinceProgressMs >= STALL_SHOW_MS) return 'stalled';
    return 'ok';
  }
  if (state === 'connecting' && sinceProgressMs >= CONNECT_TIMEOUT_MS) return 'rebuild';
  return 'ok';
}

/**
 * hls.js 1.7.4 keeps a per-discontinuity array indexed by the playlist's discontinuity number and walks it from 0 on
 * every playlist refresh (`initPTS.some(…)` in the stream controller). The hub's clip-served demo cameras number
 * discontinuities from the epoch (~1.5 × 10⁸), which freezes the page for seconds per refresh. Numbering them from
 * the first playlist a player saw keeps them small and still increasing, which is all hls.js needs.
 */
export function rebaseDiscontinuitySequence(
  text: string,
  base: number | null,
): { readonly text: string; readonly base: number | null } {
  const match = /#EXT-X-DISCONTINUITY-SEQUENCE:(\d+)/.exec(text);
  if (!match) return { text, base };
  const value = Number(match[1]);
  const from = base === null || value < base ? value : base;
  return { text: text.replace(match[0], `#EXT-X-DISCONTINUITY-SEQUENCE:${value - from}`), base: from };
}
