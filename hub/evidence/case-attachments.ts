/**
 * A case's attachments: adding one (sniff → limits → re-encode → move into place with its row, in one write) and
 * reading them back. `listCaseAttachments` and `readAttachmentBytes` are the hub-side entry for other features
 * (the case sheet PDF puts the photos in): they do no scope check — callers that serve a user must check the case
 * first (the routes do, with `readableCase`).
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Attachment, AttachmentKind, AttachmentLimits, AttachmentVariant } from '../../common/evidence-schemas.js';
import { GridCommandError } from '../../common/errors.js';
import { IMAGE_TYPES, sniffType, type SniffedType } from '../../common/evidence-sniff.js';
import type { User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { AttachmentFiles, attachmentsDirOf } from './attachment-files.js';
import {
  attachmentRow,
  attachmentRowBySource,
  attachmentRowsOfCase,
  caseRowId,
  countAttachments,
  insertAttachment,
  storedFromSource,
  type AttachmentRow,
  type NewAttachmentRow,
} from './attachments-store.js';
import { processUpload, type Processed } from './media-process.js';
import { sha256Of } from './attachment-files.js';

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    caseId: row.case_no,
    kind: row.kind as AttachmentKind,
    fileName: row.file_name,
    mime: row.mime as Attachment['mime'],
    bytes: row.bytes,
    sha256: row.sha256,
    hasThumbnail: row.thumb_sha256 !== null,
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    located: row.gps_lon !== null,
    cameraId: row.camera_id,
    capturedAt: row.captured_at,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
  };
}

/** Every attachment of a case (by its number, CaseView.id), oldest first (no scope check: see the file comment). */
export function listCaseAttachments(db: HubDatabase, caseId: string): Attachment[] {
  const rowId = caseRowId(db, caseId);
  return rowId === undefined ? [] : attachmentRowsOfCase(db, rowId).map(toAttachment);
}

/** An attachment's stored bytes (metadata stripped) or its JPEG thumbnail; null when there is no such thing. */
export function readAttachmentBytes(
  db: HubDatabase,
  attachmentId: string,
  variant: AttachmentVariant = 'full',
): { bytes: Buffer; mime: string; fileName: string; caseId: string } | null {
  const row = attachmentRow(db, attachmentId);
  if (!row) return null;
  const sha = variant === 'thumbnail' ? row.thumb_sha256 : row.sha256;
  if (!sha) return null;
  const files = new AttachmentFiles(attachmentsDirOf(db.path));
  return {
    bytes: files.read(sha),
    mime: variant === 'thumbnail' ? 'image/jpeg' : row.mime,
    fileName: row.file_name,
    caseId: row.case_no,
  };
}

/** The hub-kept position of an attachment's original (EXIF/MP4), for the hub's own use; never served. */
export function attachmentPosition(db: HubDatabase, attachmentId: string): { lon: number; lat: number } | null {
  const row = attachmentRow(db, attachmentId);
  return row && row.gps_lon !== null && row.gps_lat !== null ? { lon: row.gps_lon, lat: row.gps_lat } : null;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

/** Which content each kind accepts, and who may send it (documents come from the console only). */
function checkContent(kind: AttachmentKind, type: SniffedType | null, user: User): SniffedType {
  const accepted: readonly SniffedType[] = kind === 'video' ? ['mp4'] : kind === 'document' ? ['pdf'] : IMAGE_TYPES;
  if (type === null || !accepted.includes(type)) {
    throw new GridCommandError(
      'attachment_type_refused',
      `a ${kind} must be ${accepted.join('/')}; this file is ${type ?? 'of no accepted type'}`,
      'file',
      undefined,
      { kind, found: type ?? 'unknown' },
    );
  }
  if (kind === 'document' && user.role === 'grid_worker') {
    throw new GridCommandError('forbidden', 'documents are attached from the console', 'kind');
  }
  return type;
}

export interface UploadInput {
  /** The case's number (CaseView.id). */
  readonly caseId: string;
  readonly kind: AttachmentKind;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly cameraId?: string;
  readonly capturedAt?: number;
}

export interface PreparedUpload {
  /** The existing attachment when the same bytes are already on this case (nothing new is written). */
  readonly existing: Attachment | null;
  /** Writes the row and moves the files into place; call inside the write transaction. */
  commit(): Attachment;
  /** Drops the work folder (always call, after commit or refusal). */
  cleanup(): void;
}

/**
 * Checks and processes an upload outside the write transaction (ffmpeg takes a while), leaving the results in a
 * work folder; `commit` then moves them into place and writes the row in the caller's transaction.
 */
export async function prepareUpload(
  db: HubDatabase,
  limits: AttachmentLimits,
  user: User,
  input: UploadInput,
  now: () => number,
  ffmpegPath?: string,
): Promise<PreparedUpload> {
  const limit = limits[input.kind].maxBytes;
  if (input.bytes.length > limit) {
    throw new GridCommandError('attachment_too_large', `at most ${mb(limit)} MB`, 'file', 413, { limit: mb(limit) });
  }
  if (input.bytes.length === 0) throw new GridCommandError('attachment_unreadable', 'the file is empty', 'file');
  const type = checkContent(input.kind, sniffType(input.bytes), user);
  const caseRow = caseRowId(db, input.caseId);
  if (caseRow === undefined) throw new GridCommandError('not_found', `no case ${input.caseId}`, 'caseId');
  const sourceSha = sha256Of(input.bytes);
  const same = attachmentRowBySource(db, caseRow, sourceSha);
  const noWork = { cleanup: () => undefined };
  if (same) return { existing: toAttachment(same), commit: () => toAttachment(same), ...noWork };
  if (countAttachments(db, caseRow) >= limits.perCase) {
    throw new GridCommandError('attachments_full', `at most ${limits.perCase} attachments per case`, 'file', 409, {
      limit: limits.perCase,
    });
  }
  const files = new AttachmentFiles(attachmentsDirOf(db.path));
  const base = (
    at: number,
  ): Omit<
    NewAttachmentRow,
    'mime' | 'bytes' | 'sha256' | 'thumb_sha256' | 'width' | 'height' | 'duration_ms' | 'gps_lon' | 'gps_lat'
  > => ({
    id: `att-${randomUUID()}`,
    case_id: caseRow,
    kind: input.kind,
    file_name: input.fileName,
    source_sha256: sourceSha,
    camera_id: input.cameraId ?? null,
    captured_at: input.capturedAt ?? null,
    uploaded_by: user.id,
    uploaded_at: at,
  });
  const commitRow = (row: NewAttachmentRow, placed: () => string[]): Attachment => {
    // Re-checked inside the transaction: two uploads of the same bytes racing each other land once.
    const raced = attachmentRowBySource(db, caseRow, sourceSha);
    if (raced) return toAttachment(raced);
    const moved = placed();
    try {
      insertAttachment(db, row);
    } catch (err) {
      moved.forEach((sha) => files.remove(sha));
      throw err;
    }
    return toAttachment({ ...row, uploaded_by_name: user.displayName, case_no: input.caseId });
  };

  const earlier = storedFromSource(db, sourceSha);
  if (earlier && files.has(earlier.sha256) && (!earlier.thumb_sha256 || files.has(earlier.thumb_sha256))) {
    // The same bytes were processed before (another case): reuse the stored file and its facts, no ffmpeg.
    return {
      existing: null,
      commit: () =>
        commitRow(
          {
            ...base(now()),
            mime: earlier.mime,
            bytes: earlier.bytes,
            sha256: earlier.sha256,
            thumb_sha256: earlier.thumb_sha256,
            width: earlier.width,
            height: earlier.height,
            duration_ms: earlier.duration_ms,
            gps_lon: earlier.gps_lon,
            gps_lat: earlier.gps_lat,
          },
          () => [],
        ),
      ...noWork,
    };
  }

  const folder = files.workFolder();
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  let processed: Processed;
  try {
    processed = await processUpload(input.bytes, { kind: input.kind, type, limits, folder, ffmpegPath });
  } catch (err) {
    cleanup();
    throw err;
  }
  return {
    existing: null,
    cleanup,
    commit: () =>
      commitRow(
        {
          ...base(now()),
          mime: processed.mime,
          bytes: processed.stored.bytes,
          sha256: processed.stored.sha256,
          thumb_sha256: processed.thumbnail?.sha256 ?? null,
          width: processed.width,
          height: processed.height,
          duration_ms: processed.durationMs,
          gps_lon: processed.gps?.lon ?? null,
          gps_lat: processed.gps?.lat ?? null,
        },
        () => {
          const moved: string[] = [];
          for (const f of [processed.stored, processed.thumbnail]) {
            if (f && files.place(f.path, f.sha256)) moved.push(f.sha256);
          }
          return moved;
        },
      ),
  };
}
