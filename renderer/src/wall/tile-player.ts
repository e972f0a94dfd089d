/**
 * One tile's player: a stream ticket (`cameras.stream`), the live FLV stream over a WebSocket through mpegts.js
 * (flv-engine.ts; hls.js when FLV is not offered or fails) on the tile's <video>, and everything that keeps it
 * honest for a whole night — the ticket refreshed at ~80 % of its life with the new token swapped into later
 * requests (no reload), the hub's refusals mapped to plain tile states (tile-state.ts), reconnects with backoff, a
 * watchdog for a picture that stopped moving, pausing while not visible, and a rebuild on demand (the budget's
 * schedule). `destroy()` releases everything; nothing of a destroyed player runs on.
 */
import Hls, { type ErrorData, type FragLoadedData } from 'hls.js';
import type { StreamQuality, StreamTicket } from '../../../common/video-schemas.js';
import { FlvEngine, flvSupported, type FlvFailure } from './flv-engine.js';
import { flvUrlOf } from './flv-config.js';
import { wallHlsConfig } from './hls-config.js';
import { holdFrameAsPoster } from './snapshot.js';
import { codeOf, TicketKeeper } from './ticket-keeper.js';
import { classifyFailure, errorCodeOfBody, watchdog, type Failure, type TileState } from './tile-state.js';

export interface TicketRequest {
  readonly cameraId: string;
  readonly quality: StreamQuality;
  readonly reason?: string;
  readonly caseId?: string;
  readonly transport?: 'hls' | 'flv';
}

export interface TileStateInfo {
  /** When the next attempt comes (ms since the epoch: reconnecting, offline, a starting stream). */
  readonly retryAt?: number;
  readonly attempt?: number;
}

export interface TilePlayerOptions extends Omit<TicketRequest, 'transport'> {
  readonly video: HTMLVideoElement;
  readonly requestTicket: (request: TicketRequest) => Promise<StreamTicket>;
  readonly onState: (state: TileState, info: TileStateInfo) => void;
  /** Milliseconds from asking the ticket to the first frame, once per build. */
  readonly onFirstFrame?: (ms: number) => void;
  /** Play HLS even where the hub offers FLV (the bench's side-by-side runs; a console setting). */
  readonly transport?: 'auto' | 'hls';
  /** Asked at each FLV start: chase the live edge closely (few tiles play, or this one is maximised; flv-config.ts). */
  readonly chaseLatency?: () => boolean;
}

export interface TileStats {
  readonly latency: number | null;
  readonly bitrateKbps: number | null;
  readonly droppedFrames: number;
  readonly decodedFrames: number;
  readonly width: number;
  readonly height: number;
}

/** Hidden longer than this, a tile is rebuilt at the live edge when it shows again instead of resuming. */
const RESUME_LIMIT_MS = 20_000;
export class TilePlayer {
  private hls: Hls | null = null;
  private flv: FlvEngine | null = null;
  /** FLV failed on this tile for another reason than access: it plays HLS from now on. */
  private flvBroken = false;
  private readonly ticket: TicketKeeper;
  private generation = 0;
  private attempt = 0;
  private mediaRecoveredAt = 0;
  private state: TileState = 'connecting';
  private active = true;
  private inactiveSince = 0;
  private needsBuild = false;
  private destroyed = false;
  private buildStartedAt = 0;
  private firstFrameSeen = false;
  private lastTime = -1;
  private lastProgressAt = Date.now();
  private bitrate: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watchdogTimer: ReturnType<typeof setInterval>;
  private readonly onPlaying = () => this.progressed();
  private readonly onTimeUpdate = () => this.progressed();

  constructor(private readonly options: TilePlayerOptions) {
    const { video } = options;
    video.muted = true;
    video.playsInline = true;
    video.addEventListener('playing', this.onPlaying);
    video.addEventListener('timeupdate', this.onTimeUpdate);
    this.ticket = new TicketKeeper(
      () => this.options.requestTicket(this.ticketRequest()),
      (state) => {
        this.teardownHls();
        this.setState(state);
      },
      // A running FLV response keeps the token it was opened with: play the renewed ticket from the hub's keyframe.
      (ticket) => {
        if (!this.flv || !this.active) return;
        holdFrameAsPoster(this.options.video);
        void this.build(true, ticket);
      },
    );
    this.watchdogTimer = setInterval(() => this.checkProgress(), 1000);
    void this.build();
  }

  /** Visible or not (IntersectionObserver, document.hidden, a maximised neighbour): not visible means paused. */
  setActive(active: boolean): void {
    if (this.destroyed || active === this.active) return;
    this.active = active;
    if (!active) {
      this.inactiveSince = Date.now();
      this.hls?.stopLoad();
      this.options.video.pause();
      if (this.flv) {
        // A hidden live tile holds no connection: it reconnects at the live edge (a keyframe) when shown.
        this.teardownHls();
        this.needsBuild = true;
      }
      return;
    }
    this.lastProgressAt = Date.now();
    if (this.needsBuild || !this.hls || Date.now() - this.inactiveSince > RESUME_LIMIT_MS) {
      void this.build();
      return;
    }
    if (this.ticket.nearExpiry()) void this.ticket.refresh();
    this.hls.startLoad(-1);
    const edge = this.hls.liveSyncPosition;
    if (edge !== null && edge > this.options.video.currentTime) this.options.video.currentTime = edge;
    void this.options.video.play().catch(() => undefined);
  }

  /** Rebuild the player (the budget's schedule, or memory grew): the last frame stays up as the poster meanwhile. */
  recycle(): void {
    if (this.destroyed || !this.active) return;
    holdFrameAsPoster(this.options.video);
    void this.build(true);
  }

  /** Ask again now (the camera came back online). */
  retryNow(): void {
    if (this.destroyed || (this.state !== 'offline' && this.state !== 'reconnecting')) return;
    this.attempt = 0;
    void this.build();
  }

  /** Which transport plays now: the tile shows it (data-transport) for the operator's stats and the tests. */
  transport(): 'flv' | 'hls' | null {
    return this.flv ? 'flv' : this.hls ? 'hls' : null;
  }

  stats(): TileStats {
    const video = this.options.video;
    const quality = typeof video.getVideoPlaybackQuality === 'function' ? video.getVideoPlaybackQuality() : null;
    const latency = this.flv ? this.flv.latency(video) : this.hls?.latency;
    return {
      latency: typeof latency === 'number' && Number.isFinite(latency) && latency > 0 ? latency : null,
      bitrateKbps: this.flv ? this.flv.bitrateKbps() : this.bitrate === null ? null : Math.round(this.bitrate / 1000),
      droppedFrames: quality?.droppedVideoFrames ?? 0,
      decodedFrames: quality?.totalVideoFrames ?? 0,
      width: video.videoWidth,
      height: video.videoHeight,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.generation++;
    clearInterval(this.watchdogTimer);
    clearTimeout(this.retryTimer);
    this.ticket.reset();
    this.teardownHls();
    const { video } = this.options;
    video.removeEventListener('playing', this.onPlaying);
    video.removeEventListener('timeupdate', this.onTimeUpdate);
    video.removeAttribute('poster');
    video.removeAttribute('src');
    video.load();
  }

  private setState(state: TileState, info: TileStateInfo = {}): void {
    this.state = state;
    this.options.onState(state, info);
  }

  private ticketRequest(): TicketRequest {
    const { cameraId, quality, reason, caseId } = this.options;
    // The hub starts the stream the tile will open with the ticket: FLV unless this tile plays HLS.
    const flv = this.options.transport !== 'hls' && !this.flvBroken && flvSupported();
    return {
      cameraId,
      quality,
      ...(reason ? { reason } : {}),
      ...(caseId ? { caseId } : {}),
      ...(flv ? { transport: 'flv' as const } : {}),
    };
  }

  /** `quiet`: a scheduled rebuild of a playing tile keeps saying "playing" (its last frame stays up). */
  private async build(quiet = false, renewed?: StreamTicket): Promise<void> {
    const generation = ++this.generation;
    clearTimeout(this.retryTimer);
    this.ticket.reset();
    this.teardownHls();
    if (!this.active) {
      this.needsBuild = true;
      return;
    }
    this.needsBuild = false;
    if (!quiet && this.state !== 'reconnecting' && this.state !== 'offline') this.setState('connecting');
    this.buildStartedAt = performance.now();
    this.firstFrameSeen = false;
    this.lastTime = -1;
    this.lastProgressAt = Date.now();
    let ticket: StreamTicket;
    try {
      ticket = renewed ?? (await this.options.requestTicket(this.ticketRequest()));
    } catch (error) {
      if (generation === this.generation) this.fail({ status: 0, code: codeOf(error), attempt: this.attempt });
      return;
    }
    if (generation !== this.generation || this.destroyed) return;
    if (!this.active) {
      this.needsBuild = true; // hidden while the ticket was on its way: build when shown again
      return;
    }
    this.ticket.accept(ticket);
    const flvUrl = this.options.transport === 'hls' || this.flvBroken ? null : flvUrlOf(ticket.url);
    if (flvUrl && flvSupported()) {
      const chase = this.options.chaseLatency?.() ?? true;
      this.flv = new FlvEngine(flvUrl, this.options.video, chase, (failure) => this.onFlvFailure(generation, failure));
      return;
    }
    const hls = new Hls(wallHlsConfig(() => this.ticket.token));
    this.hls = hls;
    hls.on(Hls.Events.ERROR, (_event, data) => this.onError(generation, data));
    hls.on(Hls.Events.FRAG_LOADED, (_event, data) => this.onFragLoaded(data));
    hls.on(Hls.Events.MANIFEST_PARSED, () => void this.options.video.play().catch(() => undefined));
    hls.loadSource(ticket.url);
    hls.attachMedia(this.options.video);
  }

  /** Tears down whichever player runs (hls.js or FLV). */
  private teardownHls(): void {
    const hls = this.hls;
    this.hls = null;
    hls?.destroy();
    const flv = this.flv;
    this.flv = null;
    flv?.destroy();
  }

  private get running(): boolean {
    return this.hls !== null || this.flv !== null;
  }

  private onFlvFailure(generation: number, failure: FlvFailure): void {
    if (generation !== this.generation || this.destroyed) return;
    console.warn(`wall tile ${this.options.cameraId}: flv ${failure.status} ${failure.message}`);
    // A WebSocket refused at connect tells no status (the hub answered the upgrade with one, the browser hides it),
    // and the hub has already waited for a slow start: the new ticket below says whether access ended.
    // A stream that never played here (no MSE for it, a proxy that drops upgrades, a demo PTZ camera once steered):
    // HLS from now on.
    if (!this.firstFrameSeen || failure.status === -1) this.flvBroken = true;
    // Cut or dropped after playing: a new ticket (refused if access ended, which the tile then shows).
    this.fail({ status: 0, code: undefined, attempt: this.attempt });
  }

  private fail(failure: Failure): void {
    if (this.destroyed) return;
    const action = classifyFailure(failure);
    this.attempt++;
    if (action.kind === 'ignore') return;
    if (action.kind === 'refresh') {
      void this.build(); // a rebuild asks a new ticket first
      return;
    }
    this.teardownHls();
    if (action.kind === 'stop') {
      this.setState(action.state);
      return;
    }
    this.setState(action.state, { retryAt: Date.now() + action.delayMs, attempt: this.attempt });
    this.retryTimer = setTimeout(() => void this.build(), action.delayMs);
  }

  private onError(generation: number, data: ErrorData): void {
    if (generation !== this.generation) return;
    const xhr = data.networkDetails instanceof XMLHttpRequest ? data.networkDetails : null;
    const body = xhr
      ? xhr.responseType === '' || xhr.responseType === 'text'
        ? xhr.responseText
        : xhr.response
      : undefined;
    const status = data.response?.code ?? xhr?.status ?? 0;
    const code = errorCodeOfBody(body);
    if (status === 401 && code === 'token_expired' && !data.fatal) {
      void this.ticket.refresh(); // hls.js retries the request (hls-config.ts) and the retry carries the new token
      return;
    }
    if (status === 403) {
      this.fail({ status, code: code ?? 'forbidden', attempt: this.attempt });
      return;
    }
    if (!data.fatal) return;
    console.warn(`wall tile ${this.options.cameraId}: ${data.type}/${data.details} ${status} ${code ?? ''}`);
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && Date.now() - this.mediaRecoveredAt > 10_000) {
      this.mediaRecoveredAt = Date.now();
      this.hls?.recoverMediaError();
      return;
    }
    this.fail({ status: data.type === Hls.ErrorTypes.MEDIA_ERROR ? 500 : status, code, attempt: this.attempt });
  }

  private onFragLoaded(data: FragLoadedData): void {
    const seconds = data.frag.duration;
    if (!(seconds > 0)) return;
    const bps = (data.payload.byteLength * 8) / seconds;
    this.bitrate = this.bitrate === null ? bps : this.bitrate * 0.7 + bps * 0.3;
  }

  private progressed(): void {
    const video = this.options.video;
    if (video.currentTime === this.lastTime || video.paused) return;
    this.lastTime = video.currentTime;
    this.lastProgressAt = Date.now();
    if (!this.firstFrameSeen && this.running) {
      this.firstFrameSeen = true;
      this.options.onFirstFrame?.(Math.round(performance.now() - this.buildStartedAt));
      if (video.hasAttribute('poster')) video.removeAttribute('poster');
    }
    if (this.state !== 'playing' && this.running) {
      this.attempt = 0;
      this.setState('playing');
    }
  }

  private checkProgress(): void {
    if (this.destroyed || !this.active || !this.running) return;
    const verdict = watchdog(this.state, Date.now() - this.lastProgressAt, this.bufferedAhead());
    if (verdict === 'stalled' && this.state !== 'stalled') this.setState('stalled');
    else if (verdict === 'rebuild') {
      this.attempt++;
      this.setState('reconnecting', { attempt: this.attempt });
      void this.build();
    }
  }

  /** Seconds of media buffered ahead of the playhead. */
  private bufferedAhead(): number {
    const { buffered, currentTime } = this.options.video;
    for (let i = 0; i < buffered.length; i++) {
      if (buffered.start(i) <= currentTime + 0.1 && buffered.end(i) >= currentTime)
        return buffered.end(i) - currentTime;
    }
    return 0;
  }
}
