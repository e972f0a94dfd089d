/**
 * Turns an upload into what is stored, with the real ffmpeg (@ffmpeg-installer, as the media gateway uses):
 * - photos and snapshots (JPEG/PNG/WebP) are decoded and re-encoded to JPEG, at most `maxPixels` on the long side —
 *   the re-encode writes no metadata, so EXIF (GPS, device, time) never reaches what is served — plus a JPEG
 *   thumbnail; the original's GPS position is read first (exifr) and kept as data;
 * - videos (MP4) are checked for length, remuxed without any metadata (`-map_metadata -1`: the `©xyz` location
 *   goes) and thumbnailed from their first frame;
 * - PDFs are stored as uploaded (a document's text is the evidence; nothing is re-encoded), without a thumbnail.
 * A file ffmpeg cannot decode is refused (`attachment_unreadable`): its magic bytes lied.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import type { AttachmentKind, AttachmentLimits, StoredMime } from '../../common/evidence-schemas.js';
import { GridCommandError } from '../../common/errors.js';
import type { SniffedType } from '../../common/evidence-sniff.js';
import { resolveFfmpegPath } from '../media/ffmpeg-binary.js';
import { sha256Of } from './attachment-files.js';

const FFMPEG_TIMEOUT_MS = 60_000;
/** At most this many ffmpeg runs at once for evidence: the hub's cores also serve requests and the video wall. */
const MAX_PARALLEL = 2;

export interface WorkFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface Processed {
  readonly mime: StoredMime;
  readonly stored: WorkFile;
  readonly thumbnail: WorkFile | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationMs: number | null;
  readonly gps: { lon: number; lat: number } | null;
}

let running = 0;
const waiting: Array<() => void> = [];
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function run(ffmpeg: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(ffmpeg, args, { timeout: FFMPEG_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stderr: String(stderr) });
    });
  });
}

const unreadable = (what: string) =>
  new GridCommandError('attachment_unreadable', `the file could not be read as ${what}`, 'file');

/** What `ffmpeg -i` says about a file: first video stream's size, duration, the container's location tag. */
export interface Probe {
  readonly width: number | null;
  readonly height: number | null;
  readonly durationMs: number | null;
  readonly location: string | null;
  readonly hasVideo: boolean;
}

export async function probe(ffmpeg: string, file: string): Promise<Probe> {
  // No output named: ffmpeg prints the input's description and exits 1, which is expected here.
  const { stderr } = await run(ffmpeg, ['-hide_banner', '-i', file]);
  const video = /Stream #\d+:\d+[^:]*: Video: [^\n]*?(\d{2,5})x(\d{2,5})/.exec(stderr);
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const location = /^\s*location\s*:\s*(\S+)/m.exec(stderr);
  return {
    hasVideo: video !== null,
    width: video ? Number(video[1]) : null,
    height: video ? Number(video[2]) : null,
    durationMs: duration
      ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000)
      : null,
    location: location?.[1] ?? null,
  };
}

/** ISO 6709 as phones write it in MP4 (`+25.9000+112.2000/`, latitude first). */
export function parseIso6709(text: string): { lon: number; lat: number } | null {
  const m = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lon, lat } : null;
}

/** The photo's EXIF GPS position, if it has one (null for none or unreadable EXIF — the photo is still taken). */
export async function exifPosition(bytes: Uint8Array): Promise<{ lon: number; lat: number } | null> {
  try {
    const gps = (await exifr.gps(Buffer.from(bytes))) as { latitude?: number; longitude?: number } | undefined;
    const { latitude: lat, longitude: lon } = gps ?? {};
    if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      return null;
    }
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lon, lat } : null;
  } catch {
    return null;
  }
}

function workFile(path: string): WorkFile {
  const bytes = readFileSync(path);
  return { path, sha256: sha256Of(bytes), bytes: bytes.length };
}

const fitWithin = (pixels: number) =>
  `scale='min(iw,${pixels})':'min(ih,${pixels})':force_original_aspect_ratio=decrease`;

async function jpegOf(ffmpeg: string, input: string, output: string, pixels: number, seekFirst = false): Promise<void> {
  const { code } = await run(ffmpeg, [
    '-hide_banner',
    '-v',
    'error',
    '-y',
    ...(seekFirst ? ['-ss', '0'] : []),
    '-i',
    input,
    '-frames:v',
    '1',
    '-map_metadata',
    '-1',
    '-vf',
    fitWithin(pixels),
    '-pix_fmt',
    'yuvj420p',
    '-q:v',
    '3',
    '-f',
    'image2',
    '-c:v',
    'mjpeg',
    output,
  ]);
  if (code !== 0) throw unreadable('an image');
}

export interface ProcessOptions {
  readonly kind: AttachmentKind;
  readonly type: SniffedType;
  readonly limits: AttachmentLimits;
  readonly folder: string;
  readonly ffmpegPath?: string;
}

export async function processUpload(bytes: Uint8Array, options: ProcessOptions): Promise<Processed> {
  const { folder, limits, type } = options;
  const input = join(folder, `upload.${type}`);
  writeFileSync(input, bytes, { mode: 0o600 });
  if (type === 'pdf') {
    const text = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    if (!text.includes('%%EOF')) throw unreadable('a PDF');
    return {
      mime: 'application/pdf',
      stored: workFile(input),
      thumbnail: null,
      width: null,
      height: null,
      durationMs: null,
      gps: null,
    };
  }
  const ffmpeg = await resolveFfmpegPath(options.ffmpegPath);
  return withSlot(async () => {
    const thumbPath = join(folder, 'thumbnail.jpg');
    if (type === 'mp4') {
      const facts = await probe(ffmpeg, input);
      if (!facts.hasVideo || facts.durationMs === null) throw unreadable('a video');
      const maxSeconds = limits.video.maxSeconds ?? 60;
      if (facts.durationMs > maxSeconds * 1000) {
        throw new GridCommandError('video_too_long', `videos may last ${maxSeconds} s at most`, 'file', undefined, {
          limit: maxSeconds,
          seconds: Math.ceil(facts.durationMs / 1000),
        });
      }
      const output = join(folder, 'stored.mp4');
      const { code } = await run(ffmpeg, [
        ...['-hide_banner', '-v', 'error', '-y', '-i', input],
        ...['-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy'],
        ...['-map_metadata', '-1', '-map_metadata:s', '-1', '-map_chapters', '-1'],
        ...['-movflags', '+faststart', '-f', 'mp4', output],
      ]);
      if (code !== 0) throw unreadable('a video');
      await jpegOf(ffmpeg, output, thumbPath, limits.thumbnailPixels, true);
      return {
        mime: 'video/mp4',
        stored: workFile(output),
        thumbnail: workFile(thumbPath),
        width: facts.width,
        height: facts.height,
        durationMs: facts.durationMs,
        gps: facts.location ? parseIso6709(facts.location) : null,
      };
    }
    const gps = await exifPosition(bytes);
    const output = join(folder, 'stored.jpg');
    const pixels = limits[options.kind].maxPixels ?? 2560;
    await jpegOf(ffmpeg, input, output, pixels);
    await jpegOf(ffmpeg, output, thumbPath, limits.thumbnailPixels);
    const facts = await probe(ffmpeg, output);
    return {
      mime: 'image/jpeg',
      stored: workFile(output),
      thumbnail: workFile(thumbPath),
      width: facts.width,
      height: facts.height,
      durationMs: null,
      gps,
    };
  });
}
