/**
 * The pure maths of a tile's playback timeline: wall-clock time ↔ x on the bar, where spans, gaps and case markers
 * sit, media time ↔ wall-clock time through the playlist's dated fragments (EXT-X-PROGRAM-DATE-TIME), and where a
 * synced tile should seek to follow the driving tile. No DOM, no hls.js: unit-tested (tests/unit/wall-playback-timeline).
 */

export interface TimeWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Default windows: the last hour of a camera, or ten minutes either side of a case's report. */
export const DEFAULT_WINDOW_MS = 3_600_000;
export const CASE_WINDOW_MS = 10 * 60_000;
/** Frame step: the recorder's demo and most cameras run at 25 fps. */
export const FRAME_SECONDS = 1 / 25;
export const PLAYBACK_SPEEDS = [1, 2, 4, 8] as const;
/** A synced tile further than this from the shared cursor seeks to it; closer, it just keeps playing. */
export const SYNC_TOLERANCE_MS = 1500;

export function lastHour(now: number): TimeWindow {
  return { fromMs: now - DEFAULT_WINDOW_MS, toMs: now };
}

/** ±10 min around a case's report, never past now (nothing is recorded in the future). */
export function aroundCase(reportedAtMs: number, now: number): TimeWindow {
  return { fromMs: reportedAtMs - CASE_WINDOW_MS, toMs: Math.min(now, reportedAtMs + CASE_WINDOW_MS) };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** x in [0, width] of a moment; moments outside the window stick to its ends. */
export function timeToX(ms: number, window: TimeWindow, width: number): number {
  const span = window.toMs - window.fromMs;
  if (span <= 0 || width <= 0) return 0;
  return clamp(((ms - window.fromMs) / span) * width, 0, width);
}

/** The moment under x (a click or a drag on the bar), inside the window. */
export function xToTime(x: number, window: TimeWindow, width: number): number {
  if (width <= 0) return window.fromMs;
  return Math.round(window.fromMs + (clamp(x, 0, width) / width) * (window.toMs - window.fromMs));
}

export interface Band {
  readonly left: number;
  readonly width: number;
}

/** A span or gap as a band on the bar (percent of its width), cut to the window; none when outside it. */
export function bandOf(span: { from: string; to: string }, window: TimeWindow): Band | null {
  const from = Math.max(Date.parse(span.from), window.fromMs);
  const to = Math.min(Date.parse(span.to), window.toMs);
  if (!(to > from)) return null;
  const left = timeToX(from, window, 100);
  return { left, width: timeToX(to, window, 100) - left };
}

export interface PlacedMarker<T> {
  readonly mark: T;
  readonly left: number;
}

/** Case markers inside the window with their place on the bar (percent), in time order. */
export function placeMarkers<T extends { reportedAt: string }>(marks: readonly T[], window: TimeWindow) {
  return marks
    .map((mark) => ({ mark, ms: Date.parse(mark.reportedAt) }))
    .filter(({ ms }) => ms >= window.fromMs && ms <= window.toMs)
    .sort((a, b) => a.ms - b.ms)
    .map(({ mark, ms }): PlacedMarker<T> => ({ mark, left: timeToX(ms, window, 100) }));
}

/** One dated fragment of the VOD playlist: where it starts in media time, how long it lasts, its wall clock. */
export interface DatedFragment {
  readonly start: number;
  readonly duration: number;
  readonly programDateTime: number;
}

/** The wall-clock moment shown at media time t (null before the playlist is read). */
export function wallClockAt(fragments: readonly DatedFragment[], t: number): number | null {
  if (fragments.length === 0) return null;
  let frag = fragments[0]!;
  for (const f of fragments) {
    if (f.start <= t + 1e-6) frag = f;
    else break;
  }
  const into = clamp(t - frag.start, 0, frag.duration);
  return Math.round(frag.programDateTime + into * 1000);
}

/**
 * The media time that shows wall-clock `ms`. In a gap (nothing recorded) the next recorded moment; after the last
 * fragment its end; before the first its start.
 */
export function mediaTimeAt(fragments: readonly DatedFragment[], ms: number): number | null {
  if (fragments.length === 0) return null;
  for (const f of fragments) {
    const end = f.programDateTime + f.duration * 1000;
    if (ms < f.programDateTime) return f.start;
    if (ms < end) return f.start + (ms - f.programDateTime) / 1000;
  }
  const last = fragments[fragments.length - 1]!;
  return last.start + last.duration;
}

/**
 * Where a synced follower should be: the driver's cursor, advanced by the time since it was published at the
 * driver's speed; null when the follower is close enough already (seeking every tick would stutter).
 */
export function syncTarget(
  cursor: { ms: number; publishedAt: number; speed: number; paused: boolean },
  followerMs: number | null,
  now: number,
): number | null {
  const target = cursor.paused ? cursor.ms : cursor.ms + (now - cursor.publishedAt) * cursor.speed;
  if (followerMs !== null && Math.abs(followerMs - target) <= SYNC_TOLERANCE_MS) return null;
  return Math.round(target);
}

/** The export range from in/out points: ordered, and at most `maxMs` long (cut at the out end). */
export function clipRange(inMs: number, outMs: number, maxMs: number): { fromMs: number; toMs: number } {
  const fromMs = Math.min(inMs, outMs);
  const toMs = Math.max(inMs, outMs);
  return { fromMs, toMs: Math.min(toMs, fromMs + maxMs) };
}
