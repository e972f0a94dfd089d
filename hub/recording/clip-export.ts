/**
 * Clip export: the indexed segments of [from, to] joined (MPEG-TS concatenates byte-wise), cut to the range,
 * re-encoded with a watermark burnt in (who exported, when, which camera: a leaked clip names its source), written
 * as MP4 for the evidence store. One thread, veryfast: the hub's two cores also serve the wall.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GridCommandError } from '../../common/errors.js';
import { filterPath } from '../media/ffmpeg-binary.js';
import type { SegmentRow } from './recording-store.js';

export interface ClipInput {
  readonly ffmpegPath: string;
  readonly font: string;
  readonly root: string;
  readonly segments: readonly SegmentRow[];
  readonly fromMs: number;
  readonly toMs: number;
  /** Who exported, when, which camera; drawn with a CJK font (Noto Sans SC), so names print as they are. */
  readonly watermark: string;
}

/** drawtext's text value: its own escaping (':' and '\'), quotes dropped. */
const drawtextText = (text: string) => text.replace(/['\\]/g, '').replace(/:/g, '\\:');

export async function cutClip(input: ClipInput): Promise<Buffer> {
  const first = input.segments[0];
  if (!first) throw new GridCommandError('not_found', 'nothing was recorded in this range');
  const offset = Math.max(0, input.fromMs - first.startMs) / 1000;
  const duration = (Math.min(input.toMs, input.segments.at(-1)!.endMs) - Math.max(input.fromMs, first.startMs)) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'grid-clip-'));
  const out = join(dir, 'clip.mp4');
  const source = `concat:${input.segments.map((s) => join(input.root, s.path)).join('|')}`;
  const size = 'max(12\\,h/24)';
  const drawtext =
    `drawtext=fontfile=${filterPath(input.font)}:text='${drawtextText(input.watermark)}':x=8:y=8:` +
    `fontsize=${size}:fontcolor=white@0.85:box=1:boxcolor=black@0.45`;
  try {
    await run(input.ffmpegPath, [
      ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', source],
      ...['-ss', offset.toFixed(3), '-t', duration.toFixed(3), '-map', '0:v:0', '-an', '-vf', drawtext],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-threads', '1', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'],
      out,
    ]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(ffmpeg: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new GridCommandError('stream_unavailable', `the clip could not be cut (${err.trim().slice(-300)})`)),
    );
  });
}
