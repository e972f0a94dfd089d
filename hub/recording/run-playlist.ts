/**
 * Reads a recording run's HLS playlist (ffmpeg's `hls` muxer with program_date_time + temp_file): only segments it
 * lists are complete (temp_file renames a segment into place before listing it), and each carries its wall-clock
 * start (EXT-X-PROGRAM-DATE-TIME) and duration (EXTINF). Used while recording and at start to close the runs a
 * stopped or crashed hub left behind.
 */
export interface ListedSegment {
  readonly file: string;
  readonly startMs: number;
  readonly durationMs: number;
}

/** ffmpeg 4 writes "+0000" offsets; Date.parse wants "+00:00". */
const parseDate = (text: string) => Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

export function parseRunPlaylist(text: string): ListedSegment[] {
  const out: ListedSegment[] = [];
  let at = NaN;
  let duration = NaN;
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) at = parseDate(line.slice(25).trim());
    else if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (/^seg-\d+\.ts$/.test(line.trim())) {
      // A segment without its own date follows the previous one (ffmpeg dates every segment; this is a guard).
      const startMs = Number.isNaN(at) ? (out.at(-1) ? out.at(-1)!.startMs + out.at(-1)!.durationMs : NaN) : at;
      if (!Number.isNaN(startMs) && duration > 0) {
        out.push({ file: line.trim(), startMs: Math.round(startMs), durationMs: Math.round(duration * 1000) });
      }
      at = NaN;
      duration = NaN;
    }
  }
  return out;
}
