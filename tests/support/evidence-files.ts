/**
 * Real small files for the evidence tests, made with the real ffmpeg: a JPEG, a PNG, a WebP, an MP4 (with a
 * location tag), and a JPEG carrying EXIF GPS — an APP1 segment built here byte by byte (ffmpeg writes no EXIF),
 * as a phone would put it after the JPEG's start marker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

const ffmpeg = ffmpegInstaller.path;

function make(ext: string, args: string[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'grid-evidence-fixture-'));
  try {
    const out = join(dir, `out.${ext}`);
    execFileSync(ffmpeg, ['-hide_banner', '-v', 'error', '-y', ...args, out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A test picture `width`×`height` (ffmpeg's testsrc2; `seed` shifts the pattern so files differ). */
export function makeImage(format: 'jpg' | 'png' | 'webp', width = 640, height = 480, seed = 0): Buffer {
  return make(format, [
    ...['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=1:duration=1`],
    ...['-vf', `hue=h=${seed * 37}`, '-frames:v', '1'],
    ...(format === 'webp' ? ['-c:v', 'libwebp'] : []),
  ]);
}

/** A short H.264 MP4 (`seconds` long) tagged with a location, as a phone records it. */
export function makeVideo(seconds = 2, location = '+25.9000+112.2000/'): Buffer {
  return make('mp4', [
    ...['-f', 'lavfi', '-i', `testsrc2=size=320x240:rate=10:duration=${seconds}`],
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast'],
    ...['-metadata', `location=${location}`, '-metadata', 'title=secret-title'],
  ]);
}

const GPS_TIFF = (lat: [number, number, number], lon: [number, number, number]): Buffer => {
  const b = Buffer.alloc(128);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  // IFD0: one entry, GPSInfo → the GPS IFD at 26.
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(0x8825, 10);
  b.writeUInt16LE(4, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt32LE(26, 18);
  b.writeUInt32LE(0, 22);
  // GPS IFD: N, latitude (3 rationals at 80), E, longitude (3 rationals at 104).
  b.writeUInt16LE(4, 26);
  const entry = (i: number, tag: number, type: number, count: number, value: (at: number) => void) => {
    const at = 28 + i * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    value(at + 8);
  };
  entry(0, 1, 2, 2, (at) => b.write('N\0', at, 'latin1'));
  entry(1, 2, 5, 3, (at) => b.writeUInt32LE(80, at));
  entry(2, 3, 2, 2, (at) => b.write('E\0', at, 'latin1'));
  entry(3, 4, 5, 3, (at) => b.writeUInt32LE(104, at));
  b.writeUInt32LE(0, 28 + 4 * 12);
  const rationals = (at: number, v: [number, number, number]) =>
    v.forEach((n, i) => {
      b.writeUInt32LE(n, at + i * 8);
      b.writeUInt32LE(1, at + i * 8 + 4);
    });
  rationals(80, lat);
  rationals(104, lon);
  return b;
};

/** A JPEG whose EXIF says it was taken at 25°54′N 112°12′E (25.9, 112.2): X County. */
export function makeJpegWithGps(seed = 0): Buffer {
  const jpeg = makeImage('jpg', 640, 480, seed);
  const tiff = GPS_TIFF([25, 54, 0], [112, 12, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A small but whole PDF (one empty page). */
export function makePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
