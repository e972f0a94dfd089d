/**
 * The contract's evidence part (issue 15 §2): a case's attachments. Listing is an ordinary JSON route; the upload
 * and the bytes are raw (no JSON, no multipart) and so registered apart, like the map's events and the NDJSON
 * import — their paths and schemas are typed here. Spread into `hubRoutes`/`consoleCalls` (common/contract.ts).
 */
import { z } from 'zod';
import type { ConsoleCall, HubRoute } from './contract.js';
import { Empty } from './schemas.js';
import {
  Attachment,
  AttachmentContentQuery,
  AttachmentKind,
  AttachmentList,
  AttachmentUploadQuery,
  AttachmentVariant,
  CaseAttachmentAdded,
  FileName,
} from './evidence-schemas.js';

/**
 * The largest file of any kind the transport carries (the per-kind limits are the hub's, from
 * resources/attachment-limits.json, and a test holds them under this): the hub's raw upload route takes this much.
 */
export const MAX_ATTACHMENT_BYTES = 32 * 1024 * 1024;
/** The console's upload call carries the file as base64 in JSON: 4/3 of the file plus room for the fields. */
export const EVIDENCE_UPLOAD_CALL_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

const CaseIdParams = z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id') });

export const evidenceHubRoutes = {
  /** A case's attachments, oldest first; 404 `not_found` when the case is not the caller's to see. */
  caseAttachments: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/attachments',
    auth: true,
    body: Empty,
    params: CaseIdParams,
    response: AttachmentList,
  },
} as const satisfies Record<string, HubRoute>;

/** POST: the body is the file's bytes (application/octet-stream); kind and name in the query. Answer 201 Attachment. */
export const ATTACHMENT_UPLOAD_ROUTE = {
  path: '/api/v1/cases/:caseId/attachments',
  contentType: 'application/octet-stream',
  params: CaseIdParams,
  query: AttachmentUploadQuery,
  response: Attachment,
  bodyLimit: MAX_ATTACHMENT_BYTES,
} as const;

/** GET: the stored file (or its JPEG thumbnail) as bytes, after the scope check of its case. */
export const ATTACHMENT_CONTENT_ROUTE = {
  path: '/api/v1/attachments/:attachmentId/content',
  params: z.strictObject({ attachmentId: z.string().regex(/^att-[a-z0-9-]{8,64}$/, 'not an attachment id') }),
  query: AttachmentContentQuery,
} as const;

export const evidenceHubSocket = {
  'case.attachment': CaseAttachmentAdded,
} as const satisfies Record<string, z.ZodType>;

export const evidenceConsolePushes = {
  'case.attachment': CaseAttachmentAdded,
} as const satisfies Record<string, z.ZodType>;

export const evidenceConsoleCalls = {
  'evidence.list': { request: z.strictObject({ caseId: z.string().min(1).max(64) }), response: z.array(Attachment) },
  /**
   * The console's upload: the file as base64 (JSON stays the one call format over IPC and the web host), with its
   * own body limit (EVIDENCE_UPLOAD_CALL_LIMIT); the console service sends the bytes to the hub's raw route.
   */
  'evidence.upload': {
    request: z.strictObject({
      caseId: z.string().min(1).max(64),
      kind: AttachmentKind,
      fileName: FileName,
      dataBase64: z
        .string()
        .min(4)
        .max(EVIDENCE_UPLOAD_CALL_LIMIT)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      cameraId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
      capturedAt: z.number().int().nonnegative().optional(),
    }),
    response: Attachment,
  },
  /** The file's (or thumbnail's) bytes; the renderer shows them through an object URL. */
  'evidence.content': {
    request: z.strictObject({ attachmentId: z.string().min(1).max(80), variant: AttachmentVariant }),
    response: z.instanceof(Uint8Array),
  },
} as const satisfies Record<string, ConsoleCall>;
