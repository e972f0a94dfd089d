/**
 * The renderer's side of evidence uploads: a file (or a wall snapshot's PNG) goes to the console service as base64
 * in the `evidence.upload` call (JSON is the one call format over IPC and the web host; the web host gives this
 * call its own body limit). The hub decides what the file is from its bytes; the kind here only says what it is for.
 */
import type { Attachment, AttachmentKind } from '../../../common/evidence-schemas.js';
import { call } from '../bridge/index.js';

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(blob);
  });
}

/** What a picked file is for, from its declared type (the hub checks the bytes anyway). */
export function kindOfFile(file: { type: string; name: string }): AttachmentKind {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'document';
  if (file.type.startsWith('video/') || /\.mp4$/i.test(file.name)) return 'video';
  return 'photo';
}

export async function uploadEvidence(
  caseId: string,
  kind: AttachmentKind,
  fileName: string,
  blob: Blob,
  extra: { cameraId?: string; capturedAt?: number } = {},
): Promise<Attachment> {
  const dataBase64 = await blobToBase64(blob);
  return call('evidence.upload', { caseId, kind, fileName: fileName.slice(0, 120), dataBase64, ...extra });
}

/** An attachment's bytes as an object URL (the caller revokes it). */
export async function attachmentUrl(attachment: Attachment, variant: 'full' | 'thumbnail'): Promise<string> {
  const bytes = await call('evidence.content', { attachmentId: attachment.id, variant });
  const type = variant === 'thumbnail' ? 'image/jpeg' : attachment.mime;
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

export function saveUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
