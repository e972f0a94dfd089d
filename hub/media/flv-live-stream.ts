/**
 * One ffmpeg process muxing a camera to FLV on its stdout, fanned out to every viewer of that camera (HTTP-FLV, the
 * wall's low-latency transport): live-encoded demo cameras and real cameras. The hub parses ffmpeg's FLV into tags
 * and hands them to the fan-out (flv-fanout.ts), which starts a late joiner at the last keyframe. One encode serves
 * every viewer; nothing is written to disk. Clip cameras need no process: flv-clip-pacer.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactSecrets } from '../logging.js';
import {
  FLV_HEADER_BYTES,
  FlvFanout,
  TAG_HEADER_BYTES,
  timestampOf,
  type FlvStream,
  type FlvViewer,
} from './flv-fanout.js';

export type { FlvViewer };
export { MAX_VIEWER_BACKLOG_BYTES } from './flv-fanout.js';

export class FlvLiveStream implements FlvStream {
  private child: ChildProcess | null = null;
  private stderrTail = '';
  private pending: Buffer = Buffer.alloc(0);
  private headerSeen = false;
  private readonly fanout = new FlvFanout();
  exited = false;

  constructor(
    private readonly ffmpegPath: string,
    /** Input and codec arguments (everything before the FLV muxer). */
    private readonly args: readonly string[],
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get viewerCount(): number {
    return this.fanout.viewerCount;
  }

  get lastViewerAt(): number {
    return this.fanout.lastViewerAt;
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
      this.fanout.end();
    };
    child.on('error', (err) => {
      this.stderrTail += `\n${err.message}`;
      ended();
    });
    child.on('exit', ended);
  }

  ready(timeoutMs: number): Promise<boolean> {
    return this.fanout.ready(timeoutMs);
  }

  joinFrameAt(): number | null {
    return this.fanout.joinFrameAt();
  }

  join(viewer: FlvViewer): () => void {
    if (this.exited) {
      viewer.end();
      return () => undefined;
    }
    return this.fanout.join(viewer);
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
    if (!this.headerSeen) {
      if (this.pending.length < FLV_HEADER_BYTES) return;
      this.fanout.setHeader(Buffer.from(this.pending.subarray(0, FLV_HEADER_BYTES)));
      this.headerSeen = true;
      this.pending = this.pending.subarray(FLV_HEADER_BYTES);
    }
    while (this.pending.length >= TAG_HEADER_BYTES) {
      const size = TAG_HEADER_BYTES + this.pending.readUIntBE(1, 3) + 4;
      if (this.pending.length < size) break;
      const tag = Buffer.from(this.pending.subarray(0, size));
      // ffmpeg reads its input at native rate: timestamp 0 was produced when the first tag arrived minus its stamp.
      if (tag[0] === 9) this.fanout.epochMs ??= Date.now() - timestampOf(tag);
      this.fanout.tag(tag);
      this.pending = this.pending.subarray(size);
    }
  }
}
