/**
 * A demo clip as FLV tags in memory, for the clip pacer (flv-clip-pacer.ts). The clip's cached HLS segments are
 * remuxed to one FLV file ONCE (`-c copy`, a fraction of a second), kept beside them in the clip cache, and read from
 * there on every later start: serving a clip camera over FLV then runs no process at all.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { runFfmpeg } from './demo-clip-library.js';
import { FLV_HEADER_BYTES, TAG_HEADER_BYTES, timestampOf } from './flv-fanout.js';

export interface FlvClip {
  /** The FLV file header and PreviousTagSize0. */
  readonly header: Buffer;
  readonly metadata: Buffer | null;
  /** The AVC sequence header (decoder configuration). */
  readonly videoConfig: Buffer;
  /** The clip's video frames, whole tags as ffmpeg wrote them. */
  readonly frames: readonly Buffer[];
  /** Each frame's decode time from the clip's first frame, ms. */
  readonly times: readonly number[];
  /** Indexes of the keyframes in `frames`, ascending; the first frame is one. */
  readonly keyframes: readonly number[];
  /** One pass of the clip, ms: the last frame's time plus one frame. */
  readonly spanMs: number;
}

/** The FLV remux of an HLS clip playlist (`…/main.m3u8` → `…/main.flv`), made on first use. */
export async function loadFlvClip(ffmpeg: string, playlistPath: string, fps: number): Promise<FlvClip> {
  const file = playlistPath.replace(/\.m3u8$/, '.flv');
  if (!existsSync(file)) {
    // Written aside and renamed into place: a concurrent hub (or test worker) never reads half a file.
    const partial = `${file}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await runFfmpeg(ffmpeg, [
        ...['-i', playlistPath, '-map', '0:v:0', '-c', 'copy'],
        ...['-f', 'flv', '-flvflags', 'no_duration_filesize', partial],
      ]);
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return parseFlvClip(readFileSync(file), fps);
}

export function parseFlvClip(data: Buffer, fps: number): FlvClip {
  if (data.length < FLV_HEADER_BYTES || data.subarray(0, 3).toString('latin1') !== 'FLV') {
    throw new Error('not an FLV file');
  }
  const header = Buffer.from(data.subarray(0, FLV_HEADER_BYTES));
  let metadata: Buffer | null = null;
  let videoConfig: Buffer | null = null;
  const frames: Buffer[] = [];
  const stamps: number[] = [];
  const keyframes: number[] = [];
  for (let at = FLV_HEADER_BYTES; at + TAG_HEADER_BYTES <= data.length;) {
    const size = TAG_HEADER_BYTES + data.readUIntBE(at + 1, 3) + 4;
    if (at + size > data.length) break;
    const tag = Buffer.from(data.subarray(at, at + size));
    at += size;
    if (tag[0] === 18) metadata ??= tag;
    if (tag[0] !== 9) continue;
    const packetType = tag[TAG_HEADER_BYTES + 1];
    if (packetType === 0) videoConfig ??= tag;
    if (packetType !== 1) continue; // the end-of-sequence marker is left out: the loop never ends
    if ((tag[TAG_HEADER_BYTES]! >> 4 === 1 || frames.length === 0) && keyframes.at(-1) !== frames.length) {
      keyframes.push(frames.length);
    }
    frames.push(tag);
    stamps.push(timestampOf(tag));
  }
  if (!videoConfig || frames.length === 0) throw new Error('the clip has no AVC video');
  if (tagIsKeyframe(frames[0]!) === false) throw new Error('the clip does not start at a keyframe');
  const t0 = stamps[0]!;
  const times = stamps.map((t) => t - t0);
  return { header, metadata, videoConfig, frames, times, keyframes, spanMs: times.at(-1)! + Math.round(1000 / fps) };
}

const tagIsKeyframe = (tag: Buffer) => tag[TAG_HEADER_BYTES]! >> 4 === 1;
