/**
 * The gateway's HTTP-FLV side: one FlvLiveStream per camera and quality while somebody watches, shared by every
 * viewer, stopped `idleStopMs` after the last viewer left. Live-encoded demo cameras are encoded with a 1-s GOP and
 * x264's zerolatency tuning (a joiner starts at most 1 s behind, and the encoder holds no frames back); clip cameras
 * loop their cached clip through ffmpeg without re-encoding; real cameras are remuxed as for HLS.
 */
import { GridCommandError } from '../../common/errors.js';
import type { StreamQuality } from '../../common/video-schemas.js';
import type { DemoClipLibrary } from './demo-clip-library.js';
import { liveEncodeArgs } from './demo-patterns.js';
import { findDrawtextFont } from './ffmpeg-binary.js';
import { FlvLiveStream } from './flv-live-stream.js';
import { remuxArgs, type StreamSource } from './stream-source.js';

/** The live-encoded cameras' keyframe interval on the FLV path: a joiner's first frame is at most this old. */
export const FLV_GOP_SECONDS = 1;

export interface FlvGatewayDeps {
  readonly ffmpegPath: () => Promise<string>;
  readonly clips: DemoClipLibrary;
  readonly fontPath?: string;
  readonly idleStopMs: number;
  readonly startTimeoutMs: number;
}

export class FlvGateway {
  private readonly streams = new Map<string, Promise<FlvLiveStream>>();

  constructor(private readonly deps: FlvGatewayDeps) {}

  get running(): number {
    return this.streams.size;
  }

  /** The camera's running FLV stream (started if needed), once it has a keyframe to start a viewer at. */
  async stream(cameraId: string, quality: StreamQuality, source: StreamSource, liveEncoded: boolean) {
    const key = `${cameraId}|${quality}`;
    let starting = this.streams.get(key);
    if (starting) {
      const current = await starting.catch(() => null);
      if (!current || current.exited) {
        this.streams.delete(key);
        starting = undefined;
      }
    }
    if (!starting) {
      starting = this.start(quality, source, liveEncoded);
      this.streams.set(key, starting);
      starting.catch(() => this.streams.delete(key));
    }
    const stream = await starting;
    if (!(await stream.ready(this.deps.startTimeoutMs))) {
      if (stream.exited) {
        this.streams.delete(key);
        throw new GridCommandError('stream_unavailable', `stream source failed (${stream.lastError || 'no output'})`);
      }
      throw new GridCommandError('stream_starting', 'the stream is starting', undefined, undefined, {
        retryAfterSeconds: 1,
      });
    }
    return stream;
  }

  /** Stops the streams nobody has watched for `idleStopMs`. */
  async stopIdle(): Promise<void> {
    const cutoff = Date.now() - this.deps.idleStopMs;
    for (const [key, starting] of this.streams) {
      const stream = await starting.catch(() => null);
      if (stream && (stream.viewerCount > 0 || stream.lastViewerAt > cutoff) && !stream.exited) continue;
      this.streams.delete(key);
      await stream?.stop();
    }
  }

  /** Stops a camera's FLV streams (every quality) at once: their viewers are cut. */
  async stopCamera(cameraId: string): Promise<void> {
    for (const [key, starting] of this.streams) {
      if (!key.startsWith(`${cameraId}|`)) continue;
      this.streams.delete(key);
      await starting.then((stream) => stream.stop()).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const all = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(all.map((s) => s.then((x) => x.stop()).catch(() => undefined)));
  }

  private async start(quality: StreamQuality, source: StreamSource, liveEncoded: boolean): Promise<FlvLiveStream> {
    const { clips } = this.deps;
    let args: string[];
    if (source.kind === 'demo') {
      const spec = clips.spec;
      if (liveEncoded) {
        const rendition = quality === 'main' ? spec.main : spec.sub;
        args = liveEncodeArgs(
          source.pattern,
          rendition,
          spec.fps,
          FLV_GOP_SECONDS,
          findDrawtextFont(this.deps.fontPath),
        );
      } else {
        const pattern = source.pattern % spec.count;
        await clips.ready(pattern);
        args = ['-re', '-stream_loop', '-1', '-i', clips.playlistPath(pattern, quality), '-map', '0:v:0', '-c', 'copy'];
        args.push('-an');
      }
    } else if (source.kind === 'rtsp' || source.kind === 'standin-file') {
      args = remuxArgs(source);
    } else {
      throw new GridCommandError('stream_unavailable', 'unsupported stream source');
    }
    const stream = new FlvLiveStream(await this.deps.ffmpegPath(), args);
    stream.start();
    return stream;
  }
}
