/**
 * Re-aiming a watched demo PTZ camera (the media gateway's part of hub/ptz/demo-ptz-driver.ts). A demo PTZ camera
 * plays its cached clip like any demo camera — no encoder — until it is first steered; the first command starts an
 * encoder of its cropped scene (demo-ptz-view.ts) and every later one replaces that encoder with one at the new crop.
 * Either way the new encoder starts beside what plays now, continues the segment numbers after a gap (with a
 * discontinuity), and takes over when its first segment is on disk: the tile keeps playing and the picture moves
 * within about one segment plus ffmpeg's start (~1–2 s). Why not the clip for every camera: a few steered cameras
 * cost one encoder each, where encoding every PTZ camera of a 16-tile wall made the wall crawl on two cores.
 */
import type { StreamQuality } from '../../common/video-schemas.js';
import type { FfmpegHlsStream } from './ffmpeg-hls-stream.js';

/** The gateway's per-camera-and-quality stream, as far as a re-aim reads and changes it. */
export interface AimableStream {
  readonly cameraId: string;
  readonly quality: StreamQuality;
  kind: 'clip' | 'live-encode' | 'remux';
  process: FfmpegHlsStream | null;
  startedAt: number;
  waiting: number;
  lastAccessAt: number;
  /** The replaced encoder, still serving the segments its last playlist listed. */
  retired: FfmpegHlsStream | null;
  /** Set when a clip-playing camera was first steered: lower sequence numbers are still the clip's. */
  clipBefore: number | null;
  reaiming: boolean;
  reaimAgain: boolean;
}

export interface ReaimHost {
  /** Starts an encoder of the camera's current view numbering its segments from `startNumber`. */
  spawn(entry: AimableStream, startNumber: number): Promise<FfmpegHlsStream>;
  /** The newest sequence number the clip playlist lists now. */
  clipLastSequence(): number;
  /** False once the gateway dropped the stream (idle stop, closing). */
  isCurrent(entry: AimableStream): boolean;
  readonly startTimeoutMs: number;
  readonly segmentSeconds: number;
}

/**
 * A gap in the numbers keeps the new window clear of whatever the old encoder (or the clip's clock) lists while this
 * one starts; players align the seam by the discontinuity and the program date-times.
 */
const GAP = 10;

export const newAimableStream = (
  cameraId: string,
  quality: StreamQuality,
  kind: AimableStream['kind'],
): AimableStream => ({
  cameraId,
  quality,
  kind,
  process: null,
  startedAt: 0,
  waiting: 0,
  lastAccessAt: 0,
  retired: null,
  clipBefore: null,
  reaiming: false,
  reaimAgain: false,
});

/** One re-aim at a time per stream; commands arriving meanwhile are folded into one more with the latest view. */
export async function reaimStream(entry: AimableStream, host: ReaimHost): Promise<void> {
  if (entry.reaiming) {
    entry.reaimAgain = true;
    return;
  }
  entry.reaiming = true;
  entry.waiting++; // a re-aim in progress counts as watching: the idle sweeper leaves the stream alone
  try {
    do {
      entry.reaimAgain = false;
      const old = entry.process;
      const fromClip = entry.kind === 'clip';
      if (!fromClip && (!old || old.exited)) return; // nothing plays: the next start uses the new view
      const start = (fromClip ? host.clipLastSequence() : old!.lastSegment) + GAP;
      const next = await host.spawn(entry, start);
      try {
        await next.playlist(host.startTimeoutMs);
      } catch (err) {
        await next.stop();
        throw err;
      }
      if (!host.isCurrent(entry)) {
        await next.stop();
        return;
      }
      if (fromClip) {
        entry.kind = 'live-encode';
        entry.clipBefore = start;
        entry.process = next;
        entry.startedAt = Date.now();
        continue;
      }
      const previous = entry.retired;
      entry.retired = old;
      entry.process = next;
      void previous?.stop();
      setTimeout(() => {
        if (entry.retired === old) entry.retired = null;
        void old!.stop();
      }, host.segmentSeconds * 3000).unref();
    } while (entry.reaimAgain);
  } finally {
    entry.reaiming = false;
    entry.waiting--;
    entry.lastAccessAt = Date.now();
  }
}
