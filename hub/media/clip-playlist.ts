/**
 * A looping clip served as a LIVE sliding-window HLS playlist computed from the clock alone.
 *
 * Wall time is cut into segments of D seconds; media sequence n covers [n·D, (n+1)·D) since the epoch and is
 * "finished" once that interval has passed. The playlist lists the last `windowSize` finished segments, each with
 * its EXT-X-PROGRAM-DATE-TIME; sequence n plays clip segment (n + phase) mod N, with EXT-X-DISCONTINUITY where the
 * clip loops (its timestamps restart) and EXT-X-DISCONTINUITY-SEQUENCE counting the loops slid out of the window.
 * Every viewer of a camera sees the same live edge, as with a real camera, and nothing runs between requests.
 */

export interface ClipWindowSpec {
  readonly segmentSeconds: number;
  readonly segmentsPerClip: number;
  readonly windowSize: number;
}

/** A camera's phase (in segments), so cameras sharing a clip do not play in lockstep. FNV-1a of its id. */
export function cameraPhase(cameraId: string, segmentsPerClip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < cameraId.length; i++) h = Math.imul(h ^ cameraId.charCodeAt(i), 0x01000193) >>> 0;
  return h % segmentsPerClip;
}

export function liveWindow(nowMs: number, spec: ClipWindowSpec): { first: number; last: number } {
  const last = Math.floor(nowMs / (spec.segmentSeconds * 1000)) - 1;
  return { first: last - spec.windowSize + 1, last };
}

/** Which clip segment plays at media sequence `seq`. */
export function clipSegmentAt(seq: number, phase: number, segmentsPerClip: number): number {
  return (((seq + phase) % segmentsPerClip) + segmentsPerClip) % segmentsPerClip;
}

/** Segments just slid out stay fetchable (a slow player), future ones are not there yet. */
export function isSequenceServable(seq: number, nowMs: number, spec: ClipWindowSpec): boolean {
  const { first, last } = liveWindow(nowMs, spec);
  return Number.isSafeInteger(seq) && seq >= first - spec.windowSize && seq <= last;
}

export function renderClipPlaylist(nowMs: number, spec: ClipWindowSpec, phase: number): string {
  const { first, last } = liveWindow(nowMs, spec);
  const n = spec.segmentsPerClip;
  const segmentMs = spec.segmentSeconds * 1000;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${Math.ceil(spec.segmentSeconds)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor((first + phase) / n)}`,
  ];
  for (let seq = first; seq <= last; seq++) {
    if (seq > first && clipSegmentAt(seq, phase, n) === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(
      `#EXT-X-PROGRAM-DATE-TIME:${new Date(seq * segmentMs).toISOString()}`,
      `#EXTINF:${spec.segmentSeconds.toFixed(3)},`,
      `seg/${seq}.ts`,
    );
  }
  return `${lines.join('\n')}\n`;
}
