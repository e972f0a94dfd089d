/** The evidence sniffer on real small files (made by ffmpeg): the bytes decide, never the name. */
import { describe, expect, it } from 'vitest';
import { sniffType } from '../../common/evidence-sniff.js';
import { MAX_ATTACHMENT_BYTES, EVIDENCE_UPLOAD_CALL_LIMIT } from '../../common/contract-evidence.js';
import { ATTACHMENT_KINDS } from '../../common/evidence-schemas.js';
import { ATTACHMENT_LIMITS, parseAttachmentLimits } from '../../hub/evidence/attachment-limits.js';
import { exifPosition, parseIso6709 } from '../../hub/evidence/media-process.js';
import { makeImage, makeJpegWithGps, makePdf, makeVideo } from '../support/evidence-files.js';

describe('sniffType', () => {
  it('tells JPEG, PNG, WebP, MP4 and PDF from their first bytes', () => {
    expect(sniffType(makeImage('jpg', 64, 48))).toBe('jpeg');
    expect(sniffType(makeImage('png', 64, 48))).toBe('png');
    expect(sniffType(makeImage('webp', 64, 48))).toBe('webp');
    expect(sniffType(makeVideo(1))).toBe('mp4');
    expect(sniffType(makePdf())).toBe('pdf');
  });

  it('calls a PNG renamed .jpg a PNG, and a text file named .jpg nothing', () => {
    const renamed = { name: 'photo.jpg', bytes: makeImage('png', 64, 48) };
    expect(sniffType(renamed.bytes)).toBe('png');
    const text = { name: 'photo.jpg', bytes: Buffer.from('GIF89a? no: just text pretending to be a photo') };
    expect(sniffType(text.bytes)).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    // A RIFF that is not WebP (a WAV) and an ftyp box of a brand we do not take (HEIC) are refused too.
    expect(sniffType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffType(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'))).toBeNull();
  });
});

describe('positions kept as data', () => {
  it('reads the EXIF GPS position of a JPEG (25°54′N 112°12′E)', async () => {
    expect(await exifPosition(makeJpegWithGps())).toEqual({ lat: 25.9, lon: 112.2 });
    expect(await exifPosition(makeImage('jpg', 64, 48))).toBeNull();
  });

  it('reads an MP4 ISO 6709 location, latitude first', () => {
    expect(parseIso6709('+25.9000+112.2000/')).toEqual({ lat: 25.9, lon: 112.2 });
    expect(parseIso6709('-33.8688+151.2093+012.000/')).toEqual({ lat: -33.8688, lon: 151.2093 });
    expect(parseIso6709('+95.0+10.0/')).toBeNull();
    expect(parseIso6709('nowhere')).toBeNull();
  });
});

describe('attachment limits', () => {
  it('fit the transport: the raw route and the base64 console call carry the largest file', () => {
    for (const kind of ATTACHMENT_KINDS)
      expect(ATTACHMENT_LIMITS[kind].maxBytes).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES);
    expect(EVIDENCE_UPLOAD_CALL_LIMIT).toBeGreaterThan((MAX_ATTACHMENT_BYTES * 4) / 3);
    expect(ATTACHMENT_LIMITS.video.maxSeconds).toBeGreaterThan(0);
    expect(() =>
      parseAttachmentLimits({ ...ATTACHMENT_LIMITS, video: { maxBytes: MAX_ATTACHMENT_BYTES + 1 } }),
    ).toThrow(/exceeds/);
  });
});
