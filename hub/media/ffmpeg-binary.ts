/**
 * Which ffmpeg and which font. The npm-shipped static ffmpeg (@ffmpeg-installer) needs nothing installed; GRID_FFMPEG
 * or the hub option overrides it. drawtext needs a font file, and machines without one still get video: clocks and
 * labels are simply left out (latency is then read from EXT-X-PROGRAM-DATE-TIME alone).
 */
import { existsSync } from 'node:fs';

export async function resolveFfmpegPath(override?: string): Promise<string> {
  const explicit = override ?? process.env.GRID_FFMPEG;
  if (explicit) return explicit;
  const installer = (await import('@ffmpeg-installer/ffmpeg')).default;
  // Inside a packaged Electron app the binary sits in the unpacked copy of the archive.
  return installer.path.replace('app.asar', 'app.asar.unpacked');
}

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Courier New.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\consola.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** A font file for drawtext, or null when none is found. */
export function findDrawtextFont(override?: string): string | null {
  const explicit = override ?? process.env.GRID_MEDIA_FONT;
  if (explicit && existsSync(explicit)) return explicit;
  return FONT_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** A path as a filtergraph option value: forward slashes, ':' and quotes escaped (Windows drive letters). */
export function filterPath(path: string): string {
  return `'${path.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'")}'`;
}
