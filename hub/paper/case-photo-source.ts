/**
 * Where the case sheet gets its photos. The hub's attachments (issue 15 §2: content-addressed files beside the
 * database, `listCaseAttachments` / `readAttachmentBytes`) are built on another branch; this is the narrow
 * interface the paper needs, with a default that has none. The server wires the attachments in at merge
 * (hub/server.ts `paperPhotos`). Only JPEG and PNG can go into a PDF; anything else is left out.
 */
export interface CasePhoto {
  /** What the sheet prints under the photo (file name or caption). */
  readonly caption: string;
  readonly mime: 'image/jpeg' | 'image/png';
  readonly bytes: Uint8Array;
  /** When it was taken or attached (epoch ms), if known. */
  readonly at?: number;
}

export interface CasePhotoSource {
  /** The case's photos, already cut to what may be printed (EXIF location stripped, re-encoded). At most `limit`. */
  photosOf(caseId: string, limit: number): Promise<CasePhoto[]>;
}

export const NO_CASE_PHOTOS: CasePhotoSource = { photosOf: async () => [] };

/** The first bytes of a JPEG or PNG: a photo of any other kind (or a mislabelled one) is not printed. */
export function printablePhoto(photo: CasePhoto): boolean {
  const b = photo.bytes;
  if (photo.mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}
