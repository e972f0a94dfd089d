/**
 * A clip camera's HTTP-FLV stream with no process: the clip's FLV tags (flv-clip-file.ts) sent in a loop in real
 * time by a timer in the hub, their timestamps rewritten so they rise monotonically across the loop point, and fanned
 * out to every viewer of the camera (flv-fanout.ts: a joiner starts at the last keyframe after the FLV header, the
 * metadata and the AVC sequence header). Where an ffmpeg per camera took seconds to start on a loaded machine (the
 * cause of a 16-tile wall's switch timing out), a pacer starts with a keyframe at once.
 */
import { FlvFanout, withTimestamp, type FlvStream, type FlvViewer } from './flv-fanout.js';
import type { FlvClip } from './flv-clip-file.js';

/** Frames due within this many ms go out in the same tick: fewer timer wake-ups for the same pacing. */
const TICK_SLACK_MS = 5;

export class FlvClipPacer implements FlvStream {
  private readonly fanout = new FlvFanout();
  private timer: NodeJS.Timeout | undefined;
  /** The next frame of the clip to send. */
  private index = 0;
  /** Output timestamp of the clip's time 0 in the current pass: grows by the clip's span at every loop. */
  private loopBase = 0;
  /** Wall-clock ms of output timestamp 0. */
  private epochMs = 0;
  exited = false;
  readonly pid = undefined;
  readonly lastError = '';

  /** `positionMs`: where in the clip the camera is now (its phase, as its HLS playlist has it); the pacer starts at
   * the keyframe at or before it. */
  constructor(
    private readonly clip: FlvClip,
    positionMs: number,
  ) {
    const position = ((positionMs % clip.spanMs) + clip.spanMs) % clip.spanMs;
    let start = clip.keyframes[0]!;
    for (const k of clip.keyframes) if (clip.times[k]! <= position) start = k;
    this.index = start;
    this.loopBase = -clip.times[start]!; // the first frame sent is stamped 0
  }

  get viewerCount(): number {
    return this.fanout.viewerCount;
  }

  get lastViewerAt(): number {
    return this.fanout.lastViewerAt;
  }

  start(now = Date.now()): void {
    this.epochMs = now;
    this.fanout.epochMs = now;
    this.fanout.setHeader(this.clip.header);
    if (this.clip.metadata) this.fanout.tag(this.clip.metadata);
    this.fanout.tag(this.clip.videoConfig);
    this.pump();
  }

  ready(timeoutMs: number): Promise<boolean> {
    return this.fanout.ready(timeoutMs);
  }

  joinFrameAt(): number | null {
    return this.fanout.joinFrameAt();
  }

  join(viewer: FlvViewer): () => void {
    return this.fanout.join(viewer);
  }

  async stop(): Promise<void> {
    this.exited = true;
    clearTimeout(this.timer);
    this.fanout.end();
  }

  /** Sends every frame that is due, then sleeps until the next one. A late tick (a busy event loop) catches up. */
  private pump(): void {
    if (this.exited) return;
    const { frames, times, spanMs } = this.clip;
    const now = Date.now();
    for (;;) {
      const out = this.loopBase + times[this.index]!;
      const due = this.epochMs + out;
      if (due > now + TICK_SLACK_MS) {
        this.timer = setTimeout(() => this.pump(), due - now);
        this.timer.unref(); // the gateway stops its pacers; a timer alone must not hold the process open
        return;
      }
      this.fanout.tag(withTimestamp(frames[this.index]!, out));
      if (++this.index === frames.length) {
        this.index = 0;
        this.loopBase += spanMs;
      }
    }
  }
}
