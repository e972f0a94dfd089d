/**
 * Evidence on the hub (issue 15 §2): files attached to a case — photos and short videos from the handheld app or
 * the console, PDF documents from the console, and the video wall's snapshots. Types and limits shared by the hub,
 * the console service and the renderer; the limits themselves live in resources/attachment-limits.json.
 */
import { z } from 'zod';
import { EpochMs } from './cases.js';

/** What the uploader says the file is for; the hub still decides the content from its bytes. */
export const ATTACHMENT_KINDS = ['photo', 'video', 'document', 'snapshot'] as const;
export const AttachmentKind = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** What is stored and served: photos and snapshots are re-encoded to JPEG, videos remuxed MP4, documents PDF. */
export const StoredMime = z.enum(['image/jpeg', 'video/mp4', 'application/pdf']);
export type StoredMime = z.infer<typeof StoredMime>;

const KindLimit = z.strictObject({
  maxBytes: z.number().int().positive(),
  maxPixels: z.number().int().positive().optional(),
  maxSeconds: z.number().positive().optional(),
});
/** resources/attachment-limits.json. */
export const AttachmentLimits = z.strictObject({
  comment: z.string().optional(),
  photo: KindLimit,
  snapshot: KindLimit,
  video: KindLimit,
  document: KindLimit,
  thumbnailPixels: z.number().int().min(64).max(1024),
  perCase: z.number().int().positive(),
});
export type AttachmentLimits = z.infer<typeof AttachmentLimits>;

export const FileName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((name) => ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20), 'not a file name');

/** One attachment as a user sees it. The EXIF/MP4 location is kept on the hub only (never in what is served). */
export const Attachment = z.strictObject({
  id: z.string().regex(/^att-[a-z0-9-]{8,64}$/),
  caseId: z.string(),
  kind: AttachmentKind,
  fileName: FileName,
  mime: StoredMime,
  bytes: z.number().int().nonnegative(),
  /** sha256 of the stored (re-encoded) content: its name on disk. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  hasThumbnail: z.boolean(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  /** Whether the original carried a GPS position (kept on the hub as data; stripped from the served file). */
  located: z.boolean(),
  /** A wall snapshot's camera and the moment it shows. */
  cameraId: z.string().max(64).nullable(),
  capturedAt: EpochMs.nullable(),
  uploadedBy: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: EpochMs,
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.strictObject({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** Query of the raw upload route: the body is the file's bytes (application/octet-stream). */
export const AttachmentUploadQuery = z.strictObject({
  kind: AttachmentKind,
  fileName: FileName,
  cameraId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  capturedAt: z.coerce.number().int().nonnegative().optional(),
});
export type AttachmentUploadQuery = z.infer<typeof AttachmentUploadQuery>;

export const AttachmentIdParams = z.strictObject({
  attachmentId: z.string().regex(/^att-[a-z0-9-]{8,64}$/, 'not an attachment id'),
});
export const AttachmentVariant = z.enum(['full', 'thumbnail']);
export type AttachmentVariant = z.infer<typeof AttachmentVariant>;
export const AttachmentContentQuery = z.strictObject({ variant: AttachmentVariant.default('full') });

/** Pushed on the socket when a case gains an attachment (to every console whose scope holds the case). */
export const CaseAttachmentAdded = z.strictObject({ caseId: z.string(), attachment: Attachment });
export type CaseAttachmentAdded = z.infer<typeof CaseAttachmentAdded>;
