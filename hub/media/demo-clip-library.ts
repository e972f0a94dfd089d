/**
 * The demo cameras' footage: a few looping clips encoded ONCE into HLS segments (main and sub) and cached under the
 * hub's data dir, keyed by the encoding parameters, so restarts reuse them. Serving a demo camera is then reading
 * these files (see clip-playlist.ts): no per-camera ffmpeg, so a 36-tile wall costs the hub almost nothing.
 *
 * Each clip is encoded into a private folder and renamed into place when complete, so two hubs (or test workers)
 * sharing a cache never see half-written clips.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamQuality } from '../../common/video-schemas.js';
import { findDrawtextFont } from './ffmpeg-binary.js';
import { patternFiltergraph, x264Args, type PatternSpec } from './demo-patterns.js';

export interface ClipSpec extends PatternSpec {
  readonly count: number;
  readonly seconds: number;
  readonly segmentSeconds: number;
}

export const DEFAULT_CLIP_SPEC: ClipSpec = {
  count: 8,
  seconds: 12,
  segmentSeconds: 2,
  fps: 25,
  main: { width: 1280, height: 720, kbps: 1500 },
  sub: { width: 640, height: 360, kbps: 400 },
};

const FORMAT_VERSION = 1;

/** Runs ffmpeg to completion; rejects with the end of its stderr. Aborting the signal kills it. */
export function runFfmpeg(ffmpeg: string, args: readonly string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(signal ? { signal, killSignal: 'SIGKILL' as const } : {}),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

export class DemoClipLibrary {
  readonly dir: string;
  readonly segmentsPerClip: number;
  private readonly cache = new Map<string, Buffer>();
  private readonly queue: Array<{ k: number; resolve: () => void; reject: (err: unknown) => void }> = [];
  private readonly waiting = new Map<number, Promise<void>>();
  private working = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly ffmpegPath: () => Promise<string>,
    cacheRoot: string,
    readonly spec: ClipSpec = DEFAULT_CLIP_SPEC,
    private readonly fontPath?: string,
  ) {
    const segments = spec.seconds / spec.segmentSeconds;
    if (!Number.isInteger(segments) || !Number.isInteger(spec.fps * spec.segmentSeconds)) {
      throw new Error('clip length must be a whole number of segments, and a segment a whole number of frames');
    }
    this.segmentsPerClip = segments;
    const key = createHash('sha256')
      .update(JSON.stringify({ FORMAT_VERSION, spec, font: findDrawtextFont(fontPath) !== null }))
      .digest('hex')
      .slice(0, 12);
    this.dir = join(cacheRoot, `demo-clips-${key}`);
  }

  /** An encode is running (one ffmpeg at a time). */
  get encoding(): boolean {
    return this.working;
  }

  /** Clip k is complete on disk (each clip is renamed into place whole, so existence means complete). */
  isClipReady(k: number): boolean {
    return existsSync(join(this.clipDir(k), 'done'));
  }

  /**
   * Resolves when clip k is playable. Clips are encoded one at a time (one core), in order of first demand, so the
   * first tiles play seconds after a fresh start instead of after the whole set.
   */
  ready(k: number): Promise<void> {
    if (this.isClipReady(k)) return Promise.resolve();
    let waiting = this.waiting.get(k);
    if (!waiting) {
      waiting = new Promise<void>((resolve, reject) => this.queue.push({ k, resolve, reject }));
      this.waiting.set(k, waiting);
    } else {
      // Asked for again: move it to the front of what is still queued.
      const i = this.queue.findIndex((q) => q.k === k);
      if (i > 0) this.queue.unshift(...this.queue.splice(i, 1));
    }
    if (!this.working) void this.work();
    return waiting;
  }

  /** Encodes every clip not cached yet (demo start-up warm-up), reporting each clip as it becomes ready. */
  readyAll(onClip: (k: number) => void = () => {}): Promise<void> {
    return Promise.all(Array.from({ length: this.spec.count }, (_, k) => this.ready(k).then(() => onClip(k)))).then(
      () => undefined,
    );
  }

  /** Stops encoding (the hub is closing): the running ffmpeg is killed, waiters are refused. */
  close(): void {
    this.abort.abort();
    for (const waiter of this.queue.splice(0)) waiter.reject(new Error('the hub is closing'));
  }

  async segment(clip: number, quality: StreamQuality, index: number): Promise<Buffer> {
    const key = `${clip}/${quality}/${index}`;
    let data = this.cache.get(key);
    if (!data) {
      data = readFileSync(join(this.clipDir(clip), `${quality}-${String(index).padStart(3, '0')}.ts`));
      this.cache.set(key, data);
    }
    return data;
  }

  /** Clip k's HLS playlist on disk (the FLV path loops it through ffmpeg without re-encoding). */
  playlistPath(k: number, quality: StreamQuality): string {
    return join(this.clipDir(k), `${quality}.m3u8`);
  }

  private clipDir(k: number): string {
    return join(this.dir, String(k));
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      for (let next = this.queue.shift(); next && !this.abort.signal.aborted; next = this.queue.shift()) {
        try {
          if (!this.isClipReady(next.k)) await this.encodeInto(next.k);
          next.resolve();
        } catch (err) {
          next.reject(err);
        } finally {
          this.waiting.delete(next.k); // a failed clip may be asked for (and retried) again
        }
      }
    } finally {
      this.working = false;
    }
  }

  /** Encodes clip k into a private folder, then renames it into place (a concurrent twin's result is as good). */
  private async encodeInto(k: number): Promise<void> {
    const ffmpeg = await this.ffmpegPath();
    const partial = `${this.clipDir(k)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await this.encodeClip(ffmpeg, findDrawtextFont(this.fontPath), k, partial);
      writeFileSync(join(partial, 'done'), JSON.stringify({ FORMAT_VERSION, spec: this.spec }));
      try {
        renameSync(partial, this.clipDir(k));
      } catch (err) {
        if (!this.isClipReady(k)) throw err;
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }

  private async encodeClip(ffmpeg: string, font: string | null, k: number, out: string): Promise<void> {
    mkdirSync(out, { recursive: true });
    const { spec } = this;
    const hls = (q: StreamQuality) => [
      ...['-t', String(spec.seconds), '-f', 'hls', '-hls_time', String(spec.segmentSeconds)],
      ...['-hls_list_size', '0', '-hls_playlist_type', 'vod'],
      ...['-hls_segment_filename', join(out, `${q}-%03d.ts`), join(out, `${q}.m3u8`)],
    ];
    const graph = patternFiltergraph(k, spec, font, { clock: false, outputs: 'both' });
    const main = ['-map', '[main]', ...x264Args(spec.main, spec.fps, spec.segmentSeconds, false), ...hls('main')];
    const sub = ['-map', '[sub]', ...x264Args(spec.sub, spec.fps, spec.segmentSeconds, false), ...hls('sub')];
    await runFfmpeg(ffmpeg, ['-filter_complex', graph, ...main, ...sub], this.abort.signal);
    // The live playlists assume every segment lasts exactly segmentSeconds; check ffmpeg cut them so.
    for (const q of ['main', 'sub'] as const) {
      const durations = [...readFileSync(join(out, `${q}.m3u8`), 'utf8').matchAll(/#EXTINF:([\d.]+)/g)].map((m) =>
        Number(m[1]),
      );
      const count = readdirSync(out).filter((f) => f.startsWith(`${q}-`) && f.endsWith('.ts')).length;
      if (count !== this.segmentsPerClip || durations.some((d) => Math.abs(d - spec.segmentSeconds) > 0.05)) {
        throw new Error(
          `clip ${k} ${q}: segments ${durations.join(', ')} s, expected ${this.segmentsPerClip} × ${spec.segmentSeconds} s`,
        );
      }
    }
  }
}
