/**
 * zod schemas of the video wall: stream tickets, case-bound camera grants, the view audit and the token check an
 * external media server calls. Kept apart from schemas.ts so the video work has its own file.
 *
 * Media itself is not JSON and so is not in the contract: a ticket's `url` points at
 * `/media/<cameraId>/<streamToken>/index.m3u8`, whose playlist lists `seg/<n>.ts` relative to itself, so the stream
 * token rides along in every segment URI and every request is checked (see docs/video.md).
 */
import { z } from 'zod';
import { Camera, OrgCode } from './schemas.js';
import { BoundedDateTime } from './time-range.js';

export const STREAM_QUALITIES = ['main', 'sub'] as const;
export type StreamQuality = (typeof STREAM_QUALITIES)[number];

/** A sensitive camera needs a reason of at least this many characters (or a case id) before a ticket is issued. */
export const MIN_VIEW_REASON_LENGTH = 4;

const CaseId = z.string().trim().min(1).max(64);
const IsoTime = BoundedDateTime;

/** Body of `POST /api/v1/cameras/:id/stream`. Small tiles ask for `sub`, a maximised tile for `main`. */
export const StreamRequest = z.strictObject({
  quality: z.enum(STREAM_QUALITIES).default('sub'),
  reason: z.string().trim().max(200).optional(),
  caseId: CaseId.optional(),
  /** The transport the player opens first (the hub starts that one with the ticket); HLS when absent. */
  transport: z.enum(['hls', 'flv']).optional(),
});
export type StreamRequest = z.input<typeof StreamRequest>;

/**
 * A short-lived, user-bound HLS URL. Play it as is; ask again (same call) before `expiresAt` and swap the new URL's
 * token into the player's later requests (docs/video.md, "Playing").
 */
export const StreamTicket = z.strictObject({ url: z.string(), expiresAt: z.string() });
export type StreamTicket = z.infer<typeof StreamTicket>;

/** The console's `cameras.stream` call: the route's body plus which camera. */
export const CameraStreamCall = StreamRequest.extend({ cameraId: z.string().min(1).max(64) });

export const CameraGrantRequest = z.strictObject({
  cameraId: z.string().min(1).max(64),
  granteeUnitCode: OrgCode,
  caseId: CaseId.optional(),
  until: IsoTime,
  /** The borrowing room may also steer the camera (PTZ); a loan lends viewing only unless it says so. */
  maySteer: z.boolean().optional(),
});
export type CameraGrantRequest = z.input<typeof CameraGrantRequest>;

export const GRANT_END_REASONS = ['revoked', 'case_closed'] as const;

/** A lent camera. `camera` is the public camera, so the grantee's tree can show it under "lent to us". */
export const CameraGrant = z.strictObject({
  id: z.string(),
  camera: Camera,
  granteeUnitCode: OrgCode,
  granteeUnitName: z.string(),
  caseId: z.string().nullable(),
  grantedBy: z.string(),
  grantedAt: z.string(),
  until: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.enum(GRANT_END_REASONS).nullable(),
  /** Not ended and `until` still ahead. */
  active: z.boolean(),
  /** The borrowing room may steer the camera (PTZ). */
  maySteer: z.boolean(),
});
export type CameraGrant = z.infer<typeof CameraGrant>;
export const CameraGrantList = z.strictObject({ items: z.array(CameraGrant) });

export const VIEW_AUDIT_KINDS = ['token_issued', 'view', 'grant_created', 'grant_ended'] as const;
export type ViewAuditKind = (typeof VIEW_AUDIT_KINDS)[number];

/** Filters of the view audit; the hub route also takes `format=csv|json` in its query string. */
export const ViewAuditFilter = z.strictObject({
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  /** Username or user id. */
  user: z.string().trim().min(1).max(64).optional(),
  /** Camera id or GB/T 28181 code. */
  camera: z.string().trim().min(1).max(64).optional(),
  kind: z.enum(VIEW_AUDIT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export type ViewAuditFilter = z.input<typeof ViewAuditFilter>;
export const ViewAuditQuery = ViewAuditFilter.extend({ format: z.enum(['json', 'csv']).default('json') });

/** One row of the append-only, hash-chained view audit. Who is null only for what the system did (a case closed). */
export const ViewAuditEntry = z.strictObject({
  id: z.number().int(),
  kind: z.enum(VIEW_AUDIT_KINDS),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  userUnitCode: z.string().nullable(),
  cameraId: z.string(),
  cameraCode: z.string(),
  cameraName: z.string(),
  cameraUnitCode: z.string(),
  quality: z.enum(STREAM_QUALITIES).nullable(),
  reason: z.string().nullable(),
  caseId: z.string().nullable(),
  ip: z.string().nullable(),
  /** For a view: first and last media request; for a ticket: issue and expiry; for a grant: its period. */
  from: z.string(),
  to: z.string().nullable(),
  detail: z.string().nullable(),
  hash: z.string(),
});
export type ViewAuditEntry = z.infer<typeof ViewAuditEntry>;
export const ViewAuditList = z.strictObject({ items: z.array(ViewAuditEntry), truncated: z.boolean() });
export type ViewAuditList = z.infer<typeof ViewAuditList>;

/**
 * MediaMTX's `authMethod: http` request (https://mediamtx.org/docs/usage/authentication), plus `cameraId` for other
 * callers. The stream token may come as `token`, as `password` (any user), or as `token=` in `query`; the camera from
 * `cameraId` or from the path (`<cameraId>` or `<cameraId>/<quality>`).
 */
export const MediaAuthorizeRequest = z.looseObject({
  token: z.string().max(4096).optional(),
  user: z.string().max(256).optional(),
  password: z.string().max(4096).optional(),
  cameraId: z.string().max(64).optional(),
  path: z.string().max(512).optional(),
  ip: z.string().max(64).optional(),
  action: z.string().max(32).optional(),
  protocol: z.string().max(32).optional(),
  query: z.string().max(8192).optional(),
});
export type MediaAuthorizeRequest = z.input<typeof MediaAuthorizeRequest>;

/** ZLMediaKit's `on_play` hook body (stream id = camera id, optionally `<cameraId>_<quality>`; token in `params`). */
export const ZlmPlayHook = z.looseObject({
  stream: z.string().max(128),
  params: z.string().max(8192).optional(),
  ip: z.string().max(64).optional(),
  app: z.string().max(128).optional(),
});
/** ZLMediaKit reads `code`: 0 allows, anything else refuses. */
export const ZlmHookAnswer = z.strictObject({ code: z.number().int(), msg: z.string() });

/** Path parameters of the video routes. */
export const CameraIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a camera id') });
export const GrantIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a grant id') });
