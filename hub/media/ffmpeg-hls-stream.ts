/**
 * One ffmpeg process writing a live HLS window (index.m3u8 + seg-N.ts) into its own temp folder: a real camera
 * remuxed from RTSP, or a demo camera encoded live with a clock. The hub never serves ffmpeg's files blindly: it
 * serves the last complete playlist it read (ffmpeg rewrites the file in place), rewritten so segment URIs are
 * `seg/N.ts` relative to the tokenised playlist URL, and only segments that playlist (or the one before) lists.
 */
import { redactSecrets } from '../logging.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GridCommandError, type ErrorCode } from '../../common/errors.js';
import { PID_FILE } from './orphan-sweep.js';

export interface FfmpegHlsOptions {
  readonly ffmpegPath: string;
  /** Everything before the HLS muxer options: input and codec arguments. */
  readonly args: readonly string[];
  readonly dir: string;
  readonly segmentSeconds: number;
  readonly listSize: number;
  /**
   * First segment number, when this process continues another's window (a demo PTZ camera re-aimed): the playlist
   * then starts with a discontinuity so the player resets its decoder at the seam.
   */
  readonly startNumber?: number;
}

const unavailable = (message: string, code: ErrorCode = 'stream_unavailable') =>
  new GridCommandError(code, message, undefined, undefined, { retryAfterSeconds: code === 'stream_starting' ? 1 : 5 });

export class FfmpegHlsStream {
  private child: ChildProcess | null = null;
  private stderrTail = '';
  private lastGood: string | null = null;
  private listed = new Set<number>();
  private previouslyListed = new Set<number>();
  exitCode: number | null = null;
  exited = false;

  constructor(private readonly options: FfmpegHlsOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The newest segment number listed so far (-1 before the first). */
  get lastSegment(): number {
    this.refresh();
    return this.listed.size > 0 ? Math.max(...this.listed) : -1;
  }

  /** Whether a segment is listed now or was in the previous playlist. */
  lists(n: number): boolean {
    this.refresh();
    return this.listed.has(n) || this.previouslyListed.has(n);
  }

  /** The end of ffmpeg's stderr, for error answers and logs: a source's `user:password@` or token is redacted. */
  get lastError(): string {
    return redactSecrets(this.stderrTail.trim().split('\n').slice(-3).join(' | '));
  }

  start(): void {
    const { dir, segmentSeconds, listSize } = this.options;
    mkdirSync(dir, { recursive: true });
    const child = spawn(
      this.options.ffmpegPath,
      [
        ...['-hide_banner', '-loglevel', 'warning', '-nostdin', '-y'],
        ...this.options.args,
        ...['-f', 'hls', '-hls_time', String(segmentSeconds), '-hls_list_size', String(listSize)],
        ...(this.options.startNumber
          ? [
              '-start_number',
              String(this.options.startNumber),
              '-hls_flags',
              'delete_segments+program_date_time+temp_file+discont_start',
            ]
          : ['-hls_flags', 'delete_segments+program_date_time+temp_file']),
        ...['-hls_segment_filename', join(dir, 'seg-%d.ts'), join(dir, 'index.m3u8')],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    // Lets the next hub kill this process should this hub die without stopping it (orphan-sweep.ts).
    if (child.pid) writeFileSync(join(dir, PID_FILE), String(child.pid));
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
    child.on('error', (err) => {
      this.stderrTail += `\n${err.message}`;
      this.exited = true;
    });
    child.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
    });
  }

  /** The current playlist, waiting up to `timeoutMs` for ffmpeg's first segment. */
  async playlist(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.refresh();
      if (this.lastGood) return this.lastGood;
      if (this.exited) throw unavailable(`the stream source failed (${this.lastError || 'no output'})`);
      if (Date.now() >= deadline) throw unavailable('the stream is starting', 'stream_starting');
      await sleep(100);
    }
  }

  segment(n: number): Buffer {
    this.refresh();
    if (!this.listed.has(n) && !this.previouslyListed.has(n)) {
      throw new GridCommandError('not_found', 'segment no longer available');
    }
    try {
      return readFileSync(join(this.options.dir, `seg-${n}.ts`));
    } catch {
      throw new GridCommandError('not_found', 'segment no longer available');
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && !this.exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 30 && !this.exited; i++) await sleep(100);
      if (!this.exited) child.kill('SIGKILL');
      for (let i = 0; i < 20 && !this.exited; i++) await sleep(50);
    }
    rmSync(this.options.dir, { recursive: true, force: true });
  }

  /** Reads ffmpeg's playlist; keeps the previous one if this read caught it half-written. */
  private refresh(): void {
    let text: string;
    try {
      text = readFileSync(join(this.options.dir, 'index.m3u8'), 'utf8');
    } catch {
      return; // not written yet (ffmpeg starting) or being replaced: the previous playlist stays in use
    }
    const rewritten = rewritePlaylist(text);
    if (!rewritten) return;
    if (rewritten.text === this.lastGood) return;
    this.previouslyListed = this.listed;
    this.listed = new Set(rewritten.segments);
    this.lastGood = rewritten.text;
  }
}

/**
 * ffmpeg's playlist as the hub serves it: `seg-N.ts` → `seg/N.ts`, ffmpeg's "+0000" dates as ISO "Z", and no
 * ENDLIST (a live camera whose ffmpeg is restarting should be polled, not finished). Null when incomplete.
 */
export function rewritePlaylist(text: string): { text: string; segments: number[] } | null {
  if (!text.startsWith('#EXTM3U') || !text.endsWith('\n')) return null;
  const segments: number[] = [];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line === '#EXT-X-ENDLIST') continue;
    const uri = /^seg-(\d+)\.ts$/.exec(line);
    if (uri) {
      segments.push(Number(uri[1]));
      out.push(`seg/${uri[1]}.ts`);
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const at = Date.parse(line.slice('#EXT-X-PROGRAM-DATE-TIME:'.length).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      out.push(Number.isNaN(at) ? line : `#EXT-X-PROGRAM-DATE-TIME:${new Date(at).toISOString()}`);
    } else if (!line.startsWith('#')) {
      return null; // a URI we did not expect: do not serve it
    } else {
      out.push(line);
    }
  }
  return segments.length > 0 ? { text: `${out.join('\n')}\n`, segments } : null;
}
