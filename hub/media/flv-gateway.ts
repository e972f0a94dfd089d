/**
 * The gateway's HTTP-FLV side: one stream per camera and quality while somebody watches, shared by every viewer.
 *
 * - Clip (demo, not live-encoded) cameras run NO process: their cached clip, remuxed once to FLV, is paced in the hub
 *   (flv-clip-pacer.ts), in the phase their HLS playlist has. A wall switching 16 tiles starts 16 timers, not 16
 *   ffmpegs.
 * - Live-encoded demo cameras are encoded with a 1-s GOP and x264's zerolatency tuning (a joiner starts at most 1 s
 *   behind, and the encoder holds no frames back); real cameras are remuxed as for HLS (flv-live-stream.ts).
 *
 * A stream lingers `lingerMs` (5 s) after its last viewer leaves and is then stopped; a viewer coming back meanwhile
 * (a tile rebuilt, a layout switched back) finds it running and starts at its last keyframe.
 */
import { GridCommandError } from '../../common/errors.js';
import type { StreamQuality } from '../../common/video-schemas.js';
import { cameraPhase, clipSegmentAt } from './clip-playlist.js';
import type { DemoClipLibrary } from './demo-clip-library.js';
import { liveEncodeArgs } from './demo-patterns.js';
import { findDrawtextFont } from './ffmpeg-binary.js';
import { loadFlvClip, type FlvClip } from './flv-clip-file.js';
import { FlvClipPacer } from './flv-clip-pacer.js';
import type { FlvStream } from './flv-fanout.js';
import { FlvLiveStream } from './flv-live-stream.js';
import { remuxArgs, type StreamSource } from './stream-source.js';

/** The live-encoded cameras' keyframe interval on the FLV path: a joiner's first frame is at most this old. */
export const FLV_GOP_SECONDS = 1;
/** How long a stream outlives its last viewer, for one who comes back (a rebuilt tile, a layout switched back). */
export const FLV_LINGER_MS = 5000;

export interface FlvGatewayDeps {
  readonly ffmpegPath: () => Promise<string>;
  readonly clips: DemoClipLibrary;
  readonly fontPath?: string;
  /** The HLS streams' idle stop: an FLV stream never lingers longer (tests set it short). */
  readonly idleStopMs: number;
  readonly lingerMs?: number;
  readonly startTimeoutMs: number;
}

interface Entry {
  readonly stream: Promise<FlvStream>;
  /** An ffmpeg runs behind it (counted in the hub's running processes); a paced clip has none. */
  readonly process: boolean;
  /** Requests waiting for its first keyframe: it is not idle while somebody waits. */
  waiting: number;
  settled: FlvStream | null;
}

export class FlvGateway {
  private readonly streams = new Map<string, Entry>();
  private readonly flvClips = new Map<string, Promise<FlvClip>>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly lingerMs: number;

  constructor(private readonly deps: FlvGatewayDeps) {
    this.lingerMs = Math.min(deps.idleStopMs, deps.lingerMs ?? FLV_LINGER_MS);
    this.sweeper = setInterval(() => void this.stopIdle(), Math.max(100, Math.min(this.lingerMs / 4, 1000)));
    this.sweeper.unref();
  }

  /** FLV streams with an ffmpeg behind them, running now. */
  get running(): number {
    let n = 0;
    for (const entry of this.streams.values()) if (entry.process && !entry.settled?.exited) n++;
    return n;
  }

  /** Clip cameras' FLV streams paced in the hub now (no process). */
  get paced(): number {
    let n = 0;
    for (const entry of this.streams.values()) if (!entry.process && !entry.settled?.exited) n++;
    return n;
  }

  /** The camera's running FLV stream (started if needed), once it has a keyframe to start a viewer at. */
  async stream(cameraId: string, quality: StreamQuality, source: StreamSource, liveEncoded: boolean) {
    const key = `${cameraId}|${quality}`;
    let entry = this.streams.get(key);
    if (entry?.settled?.exited) {
      this.streams.delete(key);
      entry = undefined;
    }
    if (!entry) {
      const process = !(source.kind === 'demo' && !liveEncoded);
      const created: Entry = {
        stream: this.start(cameraId, quality, source, liveEncoded),
        process,
        waiting: 0,
        settled: null,
      };
      created.stream.then(
        (s) => (created.settled = s),
        () => this.streams.get(key) === created && this.streams.delete(key),
      );
      this.streams.set(key, created);
      entry = created;
    }
    entry.waiting++;
    try {
      const stream = await withTimeout(entry.stream, this.deps.startTimeoutMs);
      if (!(await stream.ready(this.deps.startTimeoutMs))) {
        if (stream.exited) {
          if (this.streams.get(key) === entry) this.streams.delete(key);
          throw new GridCommandError('stream_unavailable', `stream source failed (${stream.lastError || 'no output'})`);
        }
        throw starting();
      }
      return stream;
    } finally {
      entry.waiting--;
    }
  }

  /** Stops the streams nobody has watched (or waited for) for `lingerMs`, and forgets those that ended. */
  async stopIdle(): Promise<void> {
    const cutoff = Date.now() - this.lingerMs;
    for (const [key, entry] of this.streams) {
      const stream = entry.settled;
      if (!stream) continue; // still starting: its own start timeout decides
      if (!stream.exited && (entry.waiting > 0 || stream.viewerCount > 0 || stream.lastViewerAt > cutoff)) continue;
      this.streams.delete(key);
      await stream.stop();
    }
  }

  /** Stops a camera's FLV streams (every quality) at once: their viewers are cut. */
  async stopCamera(cameraId: string): Promise<void> {
    for (const [key, entry] of this.streams) {
      if (!key.startsWith(`${cameraId}|`)) continue;
      this.streams.delete(key);
      await entry.stream.then((stream) => stream.stop()).catch(() => undefined);
    }
  }

  /** A stream of this camera and quality runs (or is starting). */
  has(cameraId: string, quality: StreamQuality): boolean {
    return this.streams.has(`${cameraId}|${quality}`);
  }

  /** The running stream's ffmpeg (tests: a stream reused within the linger is the same process). */
  pidOf(cameraId: string, quality: StreamQuality): number | undefined {
    return this.streams.get(`${cameraId}|${quality}`)?.settled?.pid;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const all = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(all.map((e) => e.stream.then((x) => x.stop()).catch(() => undefined)));
  }

  private async start(
    cameraId: string,
    quality: StreamQuality,
    source: StreamSource,
    liveEncoded: boolean,
  ): Promise<FlvStream> {
    const { clips } = this.deps;
    let args: string[];
    if (source.kind === 'demo') {
      const spec = clips.spec;
      if (!liveEncoded) {
        const pattern = source.pattern % spec.count;
        const clip = await this.flvClip(pattern, quality);
        // Where the camera's HLS playlist is now (clip-playlist.ts): the same camera shows the same scene either way.
        const segmentMs = spec.segmentSeconds * 1000;
        const now = Date.now();
        const n = clips.segmentsPerClip;
        const at = clipSegmentAt(Math.floor(now / segmentMs), cameraPhase(cameraId, n), n) * segmentMs;
        const pacer = new FlvClipPacer(clip, at + (now % segmentMs));
        pacer.start(now);
        return pacer;
      }
      const rendition = quality === 'main' ? spec.main : spec.sub;
      args = liveEncodeArgs(source.pattern, rendition, spec.fps, FLV_GOP_SECONDS, findDrawtextFont(this.deps.fontPath));
    } else if (source.kind === 'rtsp' || source.kind === 'standin-file') {
      args = remuxArgs(source);
    } else {
      throw new GridCommandError('stream_unavailable', 'unsupported stream source');
    }
    const stream = new FlvLiveStream(await this.deps.ffmpegPath(), args);
    stream.start();
    return stream;
  }

  /** Clip k's FLV in memory, loaded (and on first use on this machine remuxed) once per gateway. */
  private flvClip(pattern: number, quality: StreamQuality): Promise<FlvClip> {
    const key = `${pattern}|${quality}`;
    let clip = this.flvClips.get(key);
    if (!clip) {
      const { clips } = this.deps;
      clip = clips
        .ready(pattern)
        .then(async () =>
          loadFlvClip(await this.deps.ffmpegPath(), clips.playlistPath(pattern, quality), clips.spec.fps),
        );
      this.flvClips.set(key, clip);
      clip.catch(() => this.flvClips.delete(key)); // a failed load is tried again by the next viewer
    }
    return clip;
  }
}

const starting = () =>
  new GridCommandError('stream_starting', 'the stream is starting', undefined, undefined, { retryAfterSeconds: 1 });

/** The stream, or `stream_starting` after `ms` (a clip still being encoded, a slow ffmpeg): the player asks again. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(starting()), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
