/**
 * The media gateway: HLS per camera and quality, started on demand and stopped `idleStopMs` (30 s) after the last
 * playlist or segment request. Demo cameras play cached clips as clock-driven live playlists (nothing runs); a few
 * demo cameras are encoded live with a clock, a demo PTZ camera once steered is encoded at its crop (demo-ptz-reaim.ts),
 * and real cameras are pulled and remuxed, one ffmpeg each while watched.
 * Access is checked before the gateway is asked anything (media-routes.ts); it only knows cameras and qualities.
 */
import type { FastifyBaseLogger } from 'fastify';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GridCommandError } from '../../common/errors.js';
import type { StreamQuality } from '../../common/video-schemas.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import { cameraPhase, clipSegmentAt, isSequenceServable, liveWindow, renderClipPlaylist } from './clip-playlist.js';
import { DEFAULT_CLIP_SPEC, DemoClipLibrary, type ClipSpec } from './demo-clip-library.js';
import { liveEncodeArgs } from './demo-patterns.js';
import { newAimableStream, reaimStream, type AimableStream, type ReaimHost } from './demo-ptz-reaim.js';
import { HOME_VIEW, ptzLiveEncodeArgs, type PtzView } from './demo-ptz-view.js';
import { findDrawtextFont, resolveFfmpegPath } from './ffmpeg-binary.js';
import { FfmpegHlsStream } from './ffmpeg-hls-stream.js';
import { FlvGateway } from './flv-gateway.js';
import type { FlvStream } from './flv-fanout.js';
import { sweepOrphanedStreams, WORK_DIR_PREFIX } from './orphan-sweep.js';
import { parseStreamSource, remuxArgs, type StreamSource } from './stream-source.js';
import { probeStream, type ProbeOutcome } from './stream-probe.js';

export interface MediaGatewayOptions {
  readonly ffmpegPath?: string;
  /** drawtext's font (default GRID_MEDIA_FONT or a common system font). */
  readonly fontPath?: string;
  /** Where encoded demo clips are kept across restarts (default `<data dir>/media-cache`). */
  readonly cacheDir?: string;
  /** Where ffmpeg processes write their live windows (default a folder in the OS temp dir). */
  readonly workDir?: string;
  readonly clips?: ClipSpec;
  /** Segments per live playlist. */
  readonly windowSegments?: number;
  readonly idleStopMs?: number;
  /** How long a playlist request waits for a stream to produce its first segment. */
  readonly startTimeoutMs?: number;
  /** Demo cameras encoded live with a clock instead of served from clips. */
  readonly liveEncodedCameraIds?: readonly string[];
  /** Accept `standin-file:` sources (tests only). */
  readonly allowFileSources?: boolean;
}

export interface GatewayDeps {
  readonly dataDir: string;
  readonly now: () => number;
  /** A pulled camera's source came up or failed (reported through camera-status.ts). */
  readonly onSourceStatus: (cameraId: string, online: boolean) => void;
  readonly log: FastifyBaseLogger;
}

export interface ActiveStreamInfo {
  readonly cameraId: string;
  readonly quality: StreamQuality;
  readonly kind: 'clip' | 'live-encode' | 'remux';
  readonly pid: number | undefined;
  readonly lastAccessAt: number;
}

interface Active extends AimableStream {
  starting: Promise<FfmpegHlsStream> | null;
  reportedOnline: boolean | null;
}

const RESTART_BACKOFF_MS = 5000;

export class MediaGateway {
  readonly clips: DemoClipLibrary;
  /** HTTP-FLV, the wall's low-latency transport (flv-gateway.ts); HLS below stays for fallback and playback. */
  readonly flv: FlvGateway;
  private readonly active = new Map<string, Active>();
  private readonly liveEncoded: ReadonlySet<string>;
  /** Where each demo PTZ camera points (set by hub/ptz/demo-ptz-driver.ts); home when absent. */
  private readonly ptzViews = new Map<string, PtzView>();
  private readonly ffmpegPath: () => Promise<string>;
  private readonly workDir: string;
  private readonly sweeper: NodeJS.Timeout;
  private runs = 0;

  constructor(
    private readonly deps: GatewayDeps,
    private readonly options: MediaGatewayOptions = {},
  ) {
    let path: Promise<string> | null = null;
    this.ffmpegPath = () => (path ??= resolveFfmpegPath(options.ffmpegPath));
    this.clips = new DemoClipLibrary(
      this.ffmpegPath,
      options.cacheDir ?? join(deps.dataDir, 'media-cache'),
      options.clips ?? DEFAULT_CLIP_SPEC,
      options.fontPath,
    );
    this.liveEncoded = new Set(options.liveEncodedCameraIds ?? []);
    this.flv = new FlvGateway({
      ffmpegPath: this.ffmpegPath,
      clips: this.clips,
      fontPath: options.fontPath,
      idleStopMs: this.idleStopMs,
      startTimeoutMs: options.startTimeoutMs ?? 8000,
    });
    if (!options.workDir) sweepOrphanedStreams(tmpdir());
    this.workDir = options.workDir ?? join(tmpdir(), `${WORK_DIR_PREFIX}${process.pid}-${Date.now().toString(36)}`);
    const idle = this.idleStopMs;
    this.sweeper = setInterval(() => void this.stopIdle(), Math.max(200, Math.min(idle / 4, 5000)));
    this.sweeper.unref();
  }

  /** The ffmpeg executable this gateway runs (GRID_FFMPEG, the option, or the npm-shipped one). */
  ffmpegExecutable(): Promise<string> {
    return this.ffmpegPath();
  }

  /** ffmpeg processes running now: live streams (remux or live encode) and a clip encode. */
  get runningFfmpeg(): number {
    let n = this.clips.encoding ? 1 : 0;
    for (const entry of this.active.values()) if (entry.process && !entry.process.exited) n++;
    return n + this.flv.running;
  }

  private get idleStopMs(): number {
    return this.options.idleStopMs ?? 30_000;
  }

  private get windowSpec() {
    const spec = this.clips.spec;
    return {
      segmentSeconds: spec.segmentSeconds,
      segmentsPerClip: this.clips.segmentsPerClip,
      windowSize: this.options.windowSegments ?? 6,
    };
  }

  /** Starts the stream behind a ticket just issued, so the first playlist request finds it running. */
  warm(camera: CameraRecord, quality: StreamQuality): void {
    // The viewer's own playlist request retries and answers the error; the log says why the warm-up failed.
    this.playlist(camera, quality).catch((err: unknown) =>
      this.deps.log.warn({ err, cameraId: camera.id, quality }, 'stream warm-up failed'),
    );
  }

  async playlist(camera: CameraRecord, quality: StreamQuality): Promise<string> {
    const source = this.sourceOf(camera, quality);
    const entry = this.touch(camera, quality, source);
    if (entry.kind === 'clip') {
      await this.clipReady((source as { pattern: number }).pattern % this.clips.spec.count);
      return renderClipPlaylist(this.deps.now(), this.windowSpec, cameraPhase(camera.id, this.clips.segmentsPerClip));
    }
    // A request waiting for ffmpeg's first segment counts as watching: the sweeper leaves the stream alone.
    entry.waiting++;
    try {
      const process = await this.ensureProcess(entry, camera, source);
      try {
        const text = await process.playlist(this.options.startTimeoutMs ?? 8000);
        this.report(entry, true);
        return text;
      } catch (err) {
        if (process.exited) this.report(entry, false);
        throw err;
      }
    } finally {
      entry.waiting--;
      entry.lastAccessAt = Date.now();
    }
  }

  /** The camera's shared FLV stream, running and holding a keyframe, for one more viewer. */
  liveFlv(camera: CameraRecord, quality: StreamQuality): Promise<FlvStream> {
    const source = this.sourceOf(camera, quality);
    // A demo PTZ camera is steered by re-aiming its HLS encoder (demo-ptz-view.ts); its FLV stream would not move.
    // Once steered, FLV is refused (and cut at the first command, below): the tile falls back to HLS for it. A real PTZ camera turns physically, so
    // FLV shows it as well as HLS.
    if (camera.kind === 'ptz' && source.kind === 'demo' && this.ptzViews.has(camera.id)) {
      return Promise.reject(
        new GridCommandError('stream_unavailable', 'a demo PTZ camera is played over HLS, where it is steered'),
      );
    }
    return this.flv.stream(camera.id, quality, this.sourceOf(camera, quality), this.liveEncoded.has(camera.id));
  }

  async segment(camera: CameraRecord, quality: StreamQuality, seq: number): Promise<Buffer> {
    const source = this.sourceOf(camera, quality);
    const entry = this.touch(camera, quality, source);
    if (entry.kind === 'clip' || (entry.clipBefore !== null && seq < entry.clipBefore)) {
      const pattern = (source as { pattern: number }).pattern % this.clips.spec.count;
      if (!this.clips.isClipReady(pattern) || !isSequenceServable(seq, this.deps.now(), this.windowSpec)) {
        throw segmentGone();
      }
      const phase = cameraPhase(camera.id, this.clips.segmentsPerClip);
      return this.clips.segment(pattern, quality, clipSegmentAt(seq, phase, this.clips.segmentsPerClip));
    }
    if (!entry.process) throw segmentGone();
    if (entry.retired && !entry.process.lists(seq) && entry.retired.lists(seq)) return entry.retired.segment(seq);
    return entry.process.segment(seq);
  }

  /** Reachable? codec, resolution, fps of a camera's stream, with the same source rules as playing it. */
  async probe(sourceText: string): Promise<ProbeOutcome> {
    const source = parseStreamSource(sourceText);
    if (source.kind === 'demo') return { ok: true, codec: 'h264 (demo clip)' };
    if (source.kind === 'unsupported' || (source.kind === 'standin-file' && !this.options.allowFileSources)) {
      return {
        ok: false,
        error: `the gateway does not play "${source.kind === 'unsupported' ? source.scheme : 'standin-file'}" sources`,
      };
    }
    return probeStream(await this.ffmpegPath(), source);
  }

  /** Where a demo PTZ camera points now. */
  ptzView(cameraId: string): PtzView {
    return this.ptzViews.get(cameraId) ?? HOME_VIEW;
  }

  /**
   * Points a demo PTZ camera: remembered for its next start, and each watched stream of it moves to an encode with the
   * new crop (demo-ptz-reaim.ts). Resolves once every watched quality shows the new view.
   */
  async aimDemoPtz(camera: CameraRecord, view: PtzView): Promise<void> {
    this.ptzViews.set(camera.id, view);
    await this.flv.stopCamera(camera.id); // its FLV viewers reconnect, and are sent to HLS
    const host: ReaimHost = {
      spawn: (entry, startNumber) =>
        this.spawnStream(entry as Active, camera, this.sourceOf(camera, entry.quality), startNumber),
      clipLastSequence: () => liveWindow(this.deps.now(), this.windowSpec).last,
      isCurrent: (entry) => this.active.get(`${entry.cameraId}|${entry.quality}`) === entry,
      startTimeoutMs: this.options.startTimeoutMs ?? 8000,
      segmentSeconds: this.clips.spec.segmentSeconds,
    };
    const watched = [...this.active.values()].filter(
      (a) => a.cameraId === camera.id && (a.kind === 'clip' || (a.process && !a.process.exited)),
    );
    await Promise.all(watched.map((entry) => reaimStream(entry, host)));
  }

  /** What runs now (tests, bench, diagnostics). */
  activeStreams(): ActiveStreamInfo[] {
    return [...this.active.values()].map((a) => ({
      cameraId: a.cameraId,
      quality: a.quality,
      kind: a.kind,
      pid: a.process?.pid,
      lastAccessAt: a.lastAccessAt,
    }));
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.clips.close();
    await this.flv.close();
    await Promise.all([...this.active.values()].flatMap((a) => [a.process?.stop(), a.retired?.stop()]));
    this.active.clear();
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** Stops every stream nobody asked for within `idleStopMs`. */
  async stopIdle(): Promise<void> {
    await this.flv.stopIdle();
    const cutoff = Date.now() - this.idleStopMs;
    for (const [key, entry] of this.active) {
      if (entry.lastAccessAt > cutoff || entry.waiting > 0) continue;
      this.active.delete(key);
      await Promise.all([entry.process?.stop(), entry.retired?.stop()]);
    }
  }

  private sourceOf(camera: CameraRecord, quality: StreamQuality): StreamSource {
    const source = parseStreamSource(quality === 'main' ? camera.mainStream : camera.subStream);
    if (source.kind === 'demo' && !camera.online) {
      throw new GridCommandError('camera_offline', 'camera offline');
    }
    if (source.kind === 'unsupported' || (source.kind === 'standin-file' && !this.options.allowFileSources)) {
      throw new GridCommandError('stream_unavailable', 'unsupported stream source');
    }
    return source;
  }

  private touch(camera: CameraRecord, quality: StreamQuality, source: StreamSource): Active {
    const cameraId = camera.id;
    const key = `${cameraId}|${quality}`;
    let entry = this.active.get(key);
    if (!entry) {
      // A demo PTZ camera plays its clip until first steered; from then on its picture follows its PTZ position.
      const live = this.liveEncoded.has(cameraId) || (camera.kind === 'ptz' && this.ptzViews.has(cameraId));
      const kind = source.kind !== 'demo' ? 'remux' : live ? 'live-encode' : 'clip';
      entry = { ...newAimableStream(cameraId, quality, kind), starting: null, reportedOnline: null };
      this.active.set(key, entry);
    }
    entry.lastAccessAt = Date.now();
    return entry;
  }

  private async clipReady(pattern: number): Promise<void> {
    const timeout = this.options.startTimeoutMs ?? 8000;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new GridCommandError('stream_starting', 'demo clips are being prepared', undefined, undefined, {
              retryAfterSeconds: 2,
            }),
          ),
        timeout,
      );
    });
    try {
      await Promise.race([this.clips.ready(pattern), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The entry's running ffmpeg, started (once, however many requests race here) if it is not running. */
  private ensureProcess(entry: Active, camera: CameraRecord, source: StreamSource): Promise<FfmpegHlsStream> {
    if (entry.process && !entry.process.exited) return Promise.resolve(entry.process);
    entry.starting ??= this.startProcess(entry, camera, source).finally(() => (entry.starting = null));
    return entry.starting;
  }

  private async startProcess(entry: Active, camera: CameraRecord, source: StreamSource): Promise<FfmpegHlsStream> {
    if (entry.process && Date.now() - entry.startedAt < RESTART_BACKOFF_MS) {
      throw new GridCommandError('stream_unavailable', `stream source failed (${entry.process.lastError})`);
    }
    await entry.process?.stop();
    const process = await this.spawnStream(entry, camera, source);
    entry.process = process;
    entry.startedAt = Date.now();
    return process;
  }

  private async spawnStream(
    entry: Active,
    camera: CameraRecord,
    source: StreamSource,
    startNumber?: number,
  ): Promise<FfmpegHlsStream> {
    const spec = this.clips.spec;
    const rendition = entry.quality === 'main' ? spec.main : spec.sub;
    const font = findDrawtextFont(this.options.fontPath);
    const args =
      source.kind !== 'demo'
        ? remuxArgs(source as Extract<StreamSource, { kind: 'rtsp' | 'standin-file' }>)
        : camera.kind === 'ptz'
          ? ptzLiveEncodeArgs(source.pattern, rendition, spec.fps, spec.segmentSeconds, font, this.ptzView(camera.id))
          : liveEncodeArgs(source.pattern, rendition, spec.fps, spec.segmentSeconds, font);
    const process = new FfmpegHlsStream({
      ffmpegPath: await this.ffmpegPath(),
      args,
      dir: join(this.workDir, `${camera.id}-${entry.quality}-${++this.runs}`),
      segmentSeconds: spec.segmentSeconds,
      listSize: this.windowSpec.windowSize,
      ...(startNumber !== undefined ? { startNumber } : {}),
    });
    process.start();
    return process;
  }

  private report(entry: Active, online: boolean): void {
    if (entry.kind !== 'remux' || entry.reportedOnline === online) return;
    entry.reportedOnline = online;
    this.deps.onSourceStatus(entry.cameraId, online);
  }
}

const segmentGone = () => new GridCommandError('not_found', 'no such segment');
