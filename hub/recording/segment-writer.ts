/**
 * One camera's recording run: an ffmpeg process writing HLS segments into `<root>/<camera>/<run>/`, and a poll that
 * hands every segment ffmpeg has finished to `onSegment` exactly once. The playlist keeps a short window (ffmpeg
 * rewrites it per segment) but no segment file is deleted by ffmpeg: retention owns deletion, through the index.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redactSecrets } from '../logging.js';
import { PID_FILE } from '../media/orphan-sweep.js';
import { parseRunPlaylist } from './run-playlist.js';

export interface FinishedSegment {
  readonly cameraId: string;
  /** Relative to the recordings root. */
  readonly path: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly bytes: number;
}

export interface SegmentWriterOptions {
  readonly ffmpegPath: string;
  readonly root: string;
  readonly cameraId: string;
  readonly runId: string;
  /** ffmpeg input + codec arguments (the same builders the live gateway uses). */
  readonly args: readonly string[];
  readonly segmentSeconds: number;
  readonly onSegment: (segment: FinishedSegment) => void;
  readonly pollMs?: number;
}

export class SegmentWriter {
  private child: ChildProcess | null = null;
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private stderrTail = '';
  exited = false;

  constructor(private readonly options: SegmentWriterOptions) {}

  get dir(): string {
    return join(this.options.root, this.options.cameraId, this.options.runId);
  }

  get lastError(): string {
    return redactSecrets(this.stderrTail.trim().split('\n').slice(-3).join(' | '));
  }

  start(): void {
    const { segmentSeconds } = this.options;
    mkdirSync(this.dir, { recursive: true });
    const child = spawn(
      this.options.ffmpegPath,
      [
        ...['-hide_banner', '-loglevel', 'warning', '-nostdin', '-y'],
        ...this.options.args,
        ...['-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_list_size', '8'],
        ...['-hls_flags', 'program_date_time+temp_file'],
        ...['-hls_segment_filename', join(this.dir, 'seg-%d.ts'), join(this.dir, 'index.m3u8')],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    // A hub killed hard leaves this ffmpeg running; the next start finds it by this file (recorder reconcile).
    if (child.pid) writeFileSync(join(this.dir, PID_FILE), String(child.pid));
    child.stderr?.on('data', (c: Buffer) => (this.stderrTail = (this.stderrTail + c.toString()).slice(-4000)));
    child.on('error', (err) => {
      this.stderrTail += `\n${err.message}`;
      this.exited = true;
    });
    child.on('exit', () => {
      this.exited = true;
      this.poll(); // ffmpeg's last act is listing its final segment
    });
    this.timer = setInterval(() => this.poll(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  /** Indexes whatever ffmpeg has finished since the last poll. */
  poll(): void {
    let text: string;
    try {
      text = readFileSync(join(this.dir, 'index.m3u8'), 'utf8');
    } catch {
      return; // no segment finished yet
    }
    if (!text.endsWith('\n')) return; // caught mid-write (ffmpeg renames it into place; belt and braces)
    for (const s of parseRunPlaylist(text)) {
      if (this.seen.has(s.file)) continue;
      let bytes: number;
      try {
        bytes = statSync(join(this.dir, s.file)).size;
      } catch {
        continue;
      }
      this.seen.add(s.file);
      const { cameraId, runId } = this.options;
      this.options.onSegment({
        cameraId,
        path: `${cameraId}/${runId}/${s.file}`,
        startMs: s.startMs,
        endMs: s.startMs + s.durationMs,
        bytes,
      });
    }
  }

  /** Stops ffmpeg gracefully (it closes and lists the segment in progress), then indexes what it finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const child = this.child;
    if (child && !this.exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && !this.exited; i++) await sleep(100);
      if (!this.exited) child.kill('SIGKILL');
      for (let i = 0; i < 20 && !this.exited; i++) await sleep(50);
    }
    this.poll();
    // The run is over and indexed: its playlist and pid file have served their purpose.
    rmSync(join(this.dir, 'index.m3u8'), { force: true });
    rmSync(join(this.dir, PID_FILE), { force: true });
  }
}
