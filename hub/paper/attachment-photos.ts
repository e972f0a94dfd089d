/**
 * The case sheet's photos from the hub's attachments (hub/evidence): photos and wall snapshots, oldest first, as
 * stored — re-encoded JPEG with the metadata (and so the EXIF location) gone. The paper route has already checked
 * that the caller may read the case.
 */
import type { HubDatabase } from '../db/database.js';
import { listCaseAttachments, readAttachmentBytes } from '../evidence/case-attachments.js';
import type { CasePhoto, CasePhotoSource } from './case-photo-source.js';

export function attachmentPhotoSource(db: HubDatabase): CasePhotoSource {
  return {
    async photosOf(caseId, limit) {
      const photos: CasePhoto[] = [];
      for (const a of listCaseAttachments(db, caseId)) {
        if (photos.length >= limit) break;
        if ((a.kind !== 'photo' && a.kind !== 'snapshot') || a.mime !== 'image/jpeg') continue;
        const stored = readAttachmentBytes(db, a.id, 'full');
        if (!stored) continue;
        photos.push({ caption: a.fileName, mime: 'image/jpeg', bytes: stored.bytes, at: a.capturedAt ?? a.uploadedAt });
      }
      return photos;
    },
  };
}
