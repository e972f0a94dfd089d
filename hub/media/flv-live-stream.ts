/**
 * One ffmpeg process muxing a camera to FLV on its stdout, fanned out to every viewer of that camera (HTTP-FLV, the
 * wall's low-latency transport). The hub parses ffmpeg's FLV into tags so a viewer who joins late still gets a
 * decodable stream at once: the FLV header, the metadata and AVC sequence-header tags, then the tags since the last
 * keyframe (the current GOP), then live tags. One encode serves every viewer; nothing is written to disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactSecrets } from '../logging.js';

export interface FlvViewer {
  /** Bytes for this viewer; returns false when the viewer cannot keep up (it is then dropped). */
  write(chunk: Buffer): boolean;
  /** The stream ended (ffmpeg exited or stopped): the viewer's connection is closed. */
  end(): void;
}

const FLV_HEADER_BYTES = 9 + 4; // "FLV" header + PreviousTagSize0
const TAG_HEADER_BYTES = 11;
/** A GOP buffered for joiners is capped: a camera without keyframes must not grow the hub's memory. */
const MAX_GOP_BYTES = 4 * 1024 * 1024;
/** A viewer this far behind (a stalled client) is cut instead of buffered for. */
const MAX_VIEWER_BACKLOG_BYTES = 8 * 1024 * 1024;

export class FlvLiveStream {
  private child: ChildProcess | null = null;
  private stderrTail = '';
  private pending: Buffer = Buffer.alloc(0);
  private header: Buffer | null = null;
  private metadata: Buffer | null = null;
  private videoConfig: Buffer | null = null;
  private gop: Buffer[] = [];
  private gopBytes = 0;
  private readonly viewers = new Set<FlvViewer>();
  private readonly firstKeyframe: Promise<void>;
  private keyframeSeen!: () => void;
  /** Wall-clock ms of FLV timestamp 0: when the first tag arrived minus its timestamp (ffmpeg reads at native rate). */
  private epochMs: number | null = null;
  exited = false;
  lastViewerAt = Date.now();

  constructor(
    private readonly ffmpegPath: string,
    /** Input and codec arguments (everything before the FLV muxer). */
    private readonly args: readonly string[],
  ) {
    this.firstKeyframe = new Promise((resolve) => (this.keyframeSeen = resolve));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  get lastError(): string {
    return redactSecrets(this.stderrTail.trim().split('\n').slice(-3).join(' | '));
  }

  start(): void {
    const child = spawn(
      this.ffmpegPath,
      [
        ...['-hide_banner', '-loglevel', 'warning', '-nostdin'],
        ...this.args,
        // No duration/filesize fix-up at the end (a pipe cannot seek back) and no buffering in the muxer.
        ...['-flush_packets', '1', '-f', 'flv', '-flvflags', 'no_duration_filesize', 'pipe:1'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.ingest(chunk));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
    const ended = () => {
      if (this.exited) return;
      this.exited = true;
      for (const viewer of this.viewers) viewer.end();
      this.viewers.clear();
    };
    child.on('error', (err) => {
      this.stderrTail += `\n${err.message}`;
      ended();
    });
    child.on('exit', ended);
  }

  /** Resolves when the first keyframe arrived (a joiner can start at once), or rejects after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<boolean> {
    const late = sleep(timeoutMs).then(() => false);
    return Promise.race([this.firstKeyframe.then(() => true), late]);
  }

  /**
   * When the first frame a joiner gets now was produced (wall-clock ms): the bench's glass-to-glass measure for FLV,
   * as EXT-X-PROGRAM-DATE-TIME is for HLS. The player's timeline starts at that frame (mpegts.js rebases to it).
   */
  joinFrameAt(): number | null {
    const first = this.gop[0];
    return this.epochMs === null || !first ? null : this.epochMs + timestampOf(first);
  }

  /** Adds a viewer, starting it at the last keyframe; returns the function that removes it. */
  join(viewer: FlvViewer): () => void {
    if (this.exited) {
      viewer.end();
      return () => undefined;
    }
    if (this.header && this.videoConfig) {
      const start = [this.header, ...(this.metadata ? [this.metadata] : []), this.videoConfig, ...this.gop];
      viewer.write(Buffer.concat(start));
    }
    this.viewers.add(viewer);
    this.lastViewerAt = Date.now();
    return () => {
      this.viewers.delete(viewer);
      this.lastViewerAt = Date.now();
    };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && !this.exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 30 && !this.exited; i++) await sleep(100);
      if (!this.exited) child.kill('SIGKILL');
      for (let i = 0; i < 20 && !this.exited; i++) await sleep(50);
    }
  }

  /** Splits ffmpeg's output into the FLV header and whole tags (a tag plus its PreviousTagSize). */
  private ingest(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.header) {
      if (this.pending.length < FLV_HEADER_BYTES) return;
      this.header = Buffer.from(this.pending.subarray(0, FLV_HEADER_BYTES));
      this.pending = this.pending.subarray(FLV_HEADER_BYTES);
    }
    while (this.pending.length >= TAG_HEADER_BYTES) {
      const size = TAG_HEADER_BYTES + this.pending.readUIntBE(1, 3) + 4;
      if (this.pending.length < size) break;
      this.tag(Buffer.from(this.pending.subarray(0, size)));
      this.pending = this.pending.subarray(size);
    }
  }

  private tag(tag: Buffer): void {
    const type = tag[0];
    if (type === 18) {
      this.metadata = tag;
      return; // joiners get it first; viewers already playing have it
    }
    if (type !== 9) return; // video only: walls are silent
    this.epochMs ??= Date.now() - timestampOf(tag);
    const frameType = (tag[TAG_HEADER_BYTES] ?? 0) >> 4;
    const packetType = tag[TAG_HEADER_BYTES + 1];
    if (packetType === 0) {
      this.videoConfig = tag; // the AVC decoder configuration every joiner needs first
      this.broadcast(tag);
      return;
    }
    if (frameType === 1) {
      this.gop = [];
      this.gopBytes = 0;
      this.keyframeSeen();
    }
    if (this.gopBytes + tag.length <= MAX_GOP_BYTES) {
      this.gop.push(tag);
      this.gopBytes += tag.length;
    }
    this.broadcast(tag);
  }

  private broadcast(tag: Buffer): void {
    for (const viewer of this.viewers) {
      if (!viewer.write(tag)) {
        this.viewers.delete(viewer);
        viewer.end();
      }
    }
  }
}

/** An FLV tag's timestamp in ms (24 bits plus an extension byte). */
const timestampOf = (tag: Buffer) => tag.readUIntBE(4, 3) + ((tag[7] ?? 0) << 24);

export { MAX_VIEWER_BACKLOG_BYTES };
