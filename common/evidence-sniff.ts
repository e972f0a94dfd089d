/**
 * What a file is, read from its first bytes (magic numbers) — never from its name or the declared content type. A
 * PNG renamed `.jpg` is a PNG; a text file named `.jpg` is nothing we accept. Pure: works on any Uint8Array.
 */
export type SniffedType = 'jpeg' | 'png' | 'webp' | 'mp4' | 'pdf';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** ISO-BMFF brands of an MP4 a phone or camera writes (QuickTime `qt  ` included: iPhones record it). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'qt  ',
  'MSNV',
  'dash',
  'mmp4',
]);

export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (MP4_BRANDS.has(brand)) return 'mp4';
  }
  return null;
}

export const IMAGE_TYPES: readonly SniffedType[] = ['jpeg', 'png', 'webp'];
