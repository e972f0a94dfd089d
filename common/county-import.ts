/**
 * Loading a county (issue 13 §2): the org-tree import (GeoJSON), the camera registry (CSV / JSON import, add, edit,
 * retire, probe). Files travel as text so a broken file is reported by the hub problem by problem instead of being
 * refused whole by a JSON parser; a dry run answers the full report and writes nothing.
 */
import { z } from 'zod';
import { CameraCode, LonLat, OrgCode } from './schemas.js';

/** 32 MB of GeoJSON: a county's surveyed boundaries with thousands of vertices per ring still fit. */
export const MAX_IMPORT_TEXT = 32 * 1024 * 1024;

/** How far a unit may stray, as a share of its area: outside its parent, overlapping a sibling, or uncovered. */
export const ORG_TOLERANCE_SHARE = 0.01;

/** One thing wrong with one feature (org tree: its 0-based index in `features`) or one line (cameras: 1-based). */
export const ImportProblem = z.strictObject({
  /** Feature index (org tree) or line number counting the header as line 1 (CSV) / 1-based item (JSON). */
  at: z.number().int().nonnegative(),
  /** The unit or camera code the problem belongs to, when the row has one. */
  code: z.string().optional(),
  /** A stable kind for the UI's wording: 'parent_missing', 'outside_parent', 'overlap', 'duplicate_code'… */
  kind: z.string(),
  /** English detail (figures included); the UI shows it beside the translated kind. */
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const OrgImportRequest = z.strictObject({
  text: z.string().min(1, 'the file is empty').max(MAX_IMPORT_TEXT),
  dryRun: z.boolean(),
});
export type OrgImportRequest = z.infer<typeof OrgImportRequest>;

const ImportCounts = z.strictObject({
  total: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});

export const ImportReport = z.strictObject({
  dryRun: z.boolean(),
  /** True only when a real run wrote the file (a dry run never does; a run with problems is refused with 422). */
  applied: z.boolean(),
  problems: z.array(ImportProblem),
  counts: ImportCounts,
  /** Milliseconds the hub spent validating and (real run) writing. */
  tookMs: z.number().nonnegative(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const CAMERA_IMPORT_FORMATS = ['csv', 'json'] as const;
export const CameraImportRequest = z.strictObject({
  format: z.enum(CAMERA_IMPORT_FORMATS),
  text: z.string().min(1, 'the file is empty').max(MAX_IMPORT_TEXT),
  dryRun: z.boolean(),
});
export type CameraImportRequest = z.infer<typeof CameraImportRequest>;

/** The CSV header, in this order (JSON items use the same names). */
export const CAMERA_CSV_COLUMNS = [
  'code',
  'name',
  'unit_code',
  'lon',
  'lat',
  'main_url',
  'sub_url',
  'sensitive',
  'ptz',
] as const;

/**
 * Optional CSV columns / JSON keys: a PTZ camera's ONVIF device service and account (hub/ptz/onvif-ptz-driver.ts).
 * An empty cell keeps what the hub stores, so a file exported without passwords never wipes them.
 */
export const CAMERA_ONVIF_COLUMNS = ['onvif_url', 'onvif_username', 'onvif_password'] as const;

/** An ONVIF device service address: http(s) only (ONVIF is SOAP over HTTP), no credentials in it. */
export const OnvifUrl = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/[^\s/@]+(\/\S*)?$/i, 'must be an http:// or https:// URL without credentials');
export const OnvifUsername = z.string().trim().max(64);
/** Write-only: the hub stores it for the driver and answers only whether one is set. */
export const OnvifPassword = z.string().max(128);

const StreamUrl = z
  .string()
  .trim()
  .max(2048)
  .regex(/^(rtsps?:\/\/\S+|standin-file:\/\S+)$/i, 'must be an rtsp:// or rtsps:// URL');

/** One camera as an administrator enters it (add) — the edit form sends it too, URLs blank meaning "keep". */
export const CameraInput = z.strictObject({
  code: CameraCode,
  name: z.string().trim().min(1, 'name is required').max(100),
  unitCode: OrgCode,
  position: LonLat,
  mainUrl: StreamUrl,
  subUrl: StreamUrl,
  sensitive: z.boolean(),
  ptz: z.boolean(),
  /** '' removes the camera's ONVIF address and account; absent keeps them (edit). */
  onvifUrl: OnvifUrl.or(z.literal('')).optional(),
  /** Absent keeps the stored one; '' removes it. */
  onvifUsername: OnvifUsername.optional(),
  /** Absent or '' keeps the stored one (the form never has it to send back). */
  onvifPassword: OnvifPassword.optional(),
});
export type CameraInput = z.infer<typeof CameraInput>;

export const CameraEdit = CameraInput.extend({
  mainUrl: StreamUrl.or(z.literal('')),
  subUrl: StreamUrl.or(z.literal('')),
});
export type CameraEdit = z.infer<typeof CameraEdit>;

export const CameraHealth = z.strictObject({
  probedAt: z.number().int(),
  ok: z.boolean(),
  codec: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  fps: z.number().optional(),
  /** Why it failed, with any URL credentials masked. */
  error: z.string().optional(),
});
export type CameraHealth = z.infer<typeof CameraHealth>;

/** A camera as the admin view sees it: stream URLs masked (credentials never leave the hub). */
export const AdminCamera = z.strictObject({
  id: z.string(),
  code: CameraCode,
  name: z.string(),
  unitCode: OrgCode,
  position: LonLat,
  sensitive: z.boolean(),
  ptz: z.boolean(),
  online: z.boolean(),
  retiredAt: z.number().int().nullable(),
  mainUrlMasked: z.string(),
  subUrlMasked: z.string(),
  health: CameraHealth.nullable(),
  onvifUrl: z.string().nullable(),
  onvifUsername: z.string().nullable(),
  /** Whether an ONVIF password is stored; the password itself never leaves the hub. */
  onvifPasswordSet: z.boolean(),
});
export type AdminCamera = z.infer<typeof AdminCamera>;
export const AdminCameraList = z.strictObject({ items: z.array(AdminCamera) });

export const AdminCameraIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a camera id'),
});
