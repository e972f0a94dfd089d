/**
 * The HLS VOD playlist of a playback ticket: the indexed segments overlapping [from, to] in time order, each dated
 * (EXT-X-PROGRAM-DATE-TIME: the player's timeline maps to wall-clock time, which the renderer's timeline and a
 * "jump to the report time" need), with EXT-X-DISCONTINUITY where recording had a gap or a new run began (a new
 * ffmpeg restarts timestamps), and ENDLIST. Segment URIs are `seg/<index id>.ts`, relative to the tokenised URL.
 */
import type { SegmentRow } from './recording-store.js';

export function renderVodPlaylist(segments: readonly SegmentRow[], toleranceMs = 500): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil((s.endMs - s.startMs) / 1000)));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-PLAYLIST-TYPE:VOD', `#EXT-X-TARGETDURATION:${target}`];
  lines.push('#EXT-X-MEDIA-SEQUENCE:0');
  let previous: SegmentRow | null = null;
  for (const s of segments) {
    const run = (p: SegmentRow) => p.path.slice(0, p.path.lastIndexOf('/'));
    if (previous && (s.startMs > previous.endMs + toleranceMs || run(s) !== run(previous))) {
      lines.push('#EXT-X-DISCONTINUITY');
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.startMs).toISOString()}`);
    lines.push(`#EXTINF:${((s.endMs - s.startMs) / 1000).toFixed(3)},`, `seg/${s.id}.ts`);
    previous = s;
  }
  lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
