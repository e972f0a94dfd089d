/**
 * zod schemas for every message that crosses a boundary (HTTP, socket, IPC). Types are inferred from them so a
 * message cannot drift from its validation.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors.js';
import { isDepartmentCode } from './departments.js';
import { ORG_CODE_PATTERN, ORG_LEVELS, ORG_UNIT_KINDS } from './org.js';
import { ROLES } from './roles.js';

export const Empty = z.strictObject({});
export type Empty = z.infer<typeof Empty>;

export const Ok = z.strictObject({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

export const OrgCode = z.string().regex(ORG_CODE_PATTERN, 'not a valid org unit code');

export const ApiError = z.strictObject({
  code: z.enum(ERROR_CODES),
  /** English fallback; the UI words the refusal by code and params. */
  message: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
export const ApiErrorBody = z.strictObject({ error: ApiError });

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const User = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitCode: OrgCode,
  orgUnitName: z.string(),
  orgLevel: z.enum(ORG_LEVELS),
  /** A department officer's department (its org unit is then the county); absent for every other role. */
  departmentCode: z
    .string()
    .refine((code): boolean => isDepartmentCode(code), 'not a known department')
    .optional(),
  /** Signed in with a one-time password: the hub answers nothing but the password change until it is changed. */
  mustChangePassword: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

export const LoginResponse = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const LonLat = z.tuple([z.number().finite(), z.number().finite()]);

export const OrgUnit = z.strictObject({
  code: OrgCode,
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_UNIT_KINDS),
  parentCode: OrgCode.nullable(),
  population: z.number().int().nonnegative(),
  households: z.number().int().nonnegative(),
  center: LonLat,
});
export type OrgUnit = z.infer<typeof OrgUnit>;
export const OrgUnitList = z.strictObject({ items: z.array(OrgUnit) });

export const CAMERA_KINDS = ['fixed', 'ptz'] as const;

/** GB/T 28181 device code: 20 digits, the first 8 being the monitoring area's code. */
export const CameraCode = z.string().regex(/^\d{20}$/, 'not a GB/T 28181 code');

/** A camera as the console sees it. Stream sources (often with device credentials) never leave the hub. */
export const Camera = z.strictObject({
  id: z.string(),
  code: CameraCode,
  name: z.string(),
  kind: z.enum(CAMERA_KINDS),
  orgUnitCode: OrgCode,
  position: LonLat,
  sensitive: z.boolean(),
  online: z.boolean(),
});
export type Camera = z.infer<typeof Camera>;
export const CameraList = z.strictObject({ items: z.array(Camera) });

export const CameraStatusChange = z.strictObject({
  cameraId: z.string(),
  orgUnitCode: OrgCode,
  online: z.boolean(),
  at: z.string(),
});
export type CameraStatusChange = z.infer<typeof CameraStatusChange>;

export const Health = z.strictObject({
  status: z.literal('ok'),
  county: z.strictObject({ code: OrgCode, name: z.string() }).nullable(),
  demo: z.boolean(),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;

/** `GET /api/v1/ready`: every check passed (a failing one answers 503 `hub_not_ready` naming it). */
export const Ready = z.strictObject({
  status: z.literal('ready'),
  checks: z.array(z.strictObject({ name: z.string(), ok: z.boolean(), detail: z.string().optional() })),
});
export type Ready = z.infer<typeof Ready>;

export const CONNECTION_STATES = ['connecting', 'online', 'offline'] as const;
export const ConnectionStatus = z.strictObject({
  state: z.enum(CONNECTION_STATES),
  hubUrl: z.string(),
  since: z.string(),
  lastError: z.string().optional(),
  /**
   * Set while the hub is unreachable and reads are answered from the console's own store: the time up to which
   * that data is known to match the hub ("离线数据截至 HH:MM").
   */
  cachedAt: z.string().optional(),
  /** Writes made offline and not yet accepted by the hub (pending), or refused on replay and not yet dismissed. */
  outbox: z
    .strictObject({ pending: z.number().int().nonnegative(), refused: z.number().int().nonnegative() })
    .optional(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;

export const SessionEnded = z.strictObject({ reason: z.enum(['logout', 'expired', 'revoked']) });
export type SessionEnded = z.infer<typeof SessionEnded>;
