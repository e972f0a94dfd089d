/**
 * One tile's playback: the hub's VOD playlist of a ticket (`recording.playback`) through hls.js with the wall's
 * config and worker, plus what the playlist's dates make possible — the wall-clock time shown (each fragment's
 * EXT-X-PROGRAM-DATE-TIME, hls.js frag.programDateTime), seeking to a wall-clock moment, speeds and frame steps.
 */
import Hls, { type LevelLoadedData } from 'hls.js';
import { wallHlsConfig } from './hls-config.js';
import { FRAME_SECONDS, mediaTimeAt, wallClockAt, type DatedFragment } from './playback-timeline.js';

export interface PlaybackPlayerOptions {
  readonly video: HTMLVideoElement;
  readonly url: string;
  readonly startMs: number;
  readonly speed: number;
  /** The playlist could not be played (expired ticket, network): the tile shows it in words. */
  readonly onFatal: (detail: string) => void;
}

export class PlaybackPlayer {
  private readonly hls: Hls;
  private fragments: DatedFragment[] = [];
  private pendingSeekMs: number | null;
  private speed: number;

  constructor(private readonly options: PlaybackPlayerOptions) {
    const { video } = options;
    this.pendingSeekMs = options.startMs;
    this.speed = options.speed;
    video.muted = true;
    this.hls = new Hls({
      ...wallHlsConfig(() => null),
      // A recording, not a live edge: buffer ahead for 8× and keep some behind for frame steps back.
      maxBufferLength: 30,
      maxMaxBufferLength: 60,
      maxBufferSize: 60 * 1000 * 1000,
      backBufferLength: 30,
    });
    this.hls.on(Hls.Events.LEVEL_LOADED, (_event, data: LevelLoadedData) => {
      this.fragments = data.details.fragments
        .filter((f) => f.programDateTime !== null)
        .map((f) => ({ start: f.start, duration: f.duration, programDateTime: f.programDateTime! }));
      if (this.pendingSeekMs !== null) {
        const t = mediaTimeAt(this.fragments, this.pendingSeekMs);
        this.pendingSeekMs = null;
        if (t !== null) video.currentTime = t;
        video.playbackRate = this.speed;
        void video.play().catch(() => undefined);
      }
    });
    this.hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) options.onFatal(data.details);
    });
    this.hls.loadSource(options.url);
    this.hls.attachMedia(video);
  }

  /** The wall-clock moment on screen (ms since the epoch), null until the playlist is read. */
  wallClock(): number | null {
    return wallClockAt(this.fragments, this.options.video.currentTime);
  }

  seekWall(ms: number): void {
    const t = mediaTimeAt(this.fragments, ms);
    if (t === null) {
      this.pendingSeekMs = ms;
      return;
    }
    const { video } = this.options;
    // The end of the recording is not the operator's pause: a scrub back from it plays on.
    const resume = video.ended;
    video.currentTime = t;
    if (resume) void video.play().catch(() => undefined);
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.options.video.playbackRate = speed;
  }

  paused(): boolean {
    return this.options.video.paused;
  }

  togglePlay(): void {
    const { video } = this.options;
    if (video.paused) {
      video.playbackRate = this.speed;
      void video.play().catch(() => undefined);
    } else video.pause();
  }

  /** Pause and move one frame (≈ 1/25 s) forward or back. */
  step(direction: 1 | -1): void {
    const { video } = this.options;
    video.pause();
    video.currentTime = Math.max(0, video.currentTime + direction * FRAME_SECONDS);
  }

  destroy(): void {
    this.hls.destroy();
    const { video } = this.options;
    video.removeAttribute('src');
    video.load();
  }
}
