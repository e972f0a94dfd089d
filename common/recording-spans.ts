/**
 * Recorded time of one camera as spans and gaps: consecutive segments whose start lies within `toleranceMs` of the
 * previous one's end are one span (segment boundaries are not gaps; the muxer's timestamps jitter by a frame or
 * two), anything longer is a gap — recording stopped, the hub restarted, the camera dropped out, retention removed it.
 */
export interface TimeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

export interface SpansAndGaps {
  readonly spans: TimeSpan[];
  readonly gaps: TimeSpan[];
}

/** `segments` in start order (the index query sorts them). Gaps are only those between spans, inside the range. */
export function mergeSpans(segments: readonly TimeSpan[], toleranceMs: number): SpansAndGaps {
  const spans: TimeSpan[] = [];
  for (const s of segments) {
    const last = spans.at(-1);
    if (last && s.startMs <= last.endMs + toleranceMs) {
      spans[spans.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, s.endMs) };
    } else {
      spans.push({ startMs: s.startMs, endMs: s.endMs });
    }
  }
  const gaps: TimeSpan[] = [];
  for (let i = 1; i < spans.length; i++) gaps.push({ startMs: spans[i - 1]!.endMs, endMs: spans[i]!.startMs });
  return { spans, gaps };
}
