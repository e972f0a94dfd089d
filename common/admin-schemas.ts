/**
 * Accounts and administration on the wire: the administrator's user list and forms, sessions, the users CSV import
 * and the admin audit (issue 13). Every shape here is validated at the hub and again in the console service.
 */
import { z } from 'zod';
import { ROLES } from './roles.js';
import { isDepartmentCode } from './departments.js';
import { OrgCode, User } from './schemas.js';
import { BoundedDateOrTime } from './time-range.js';
import { ERROR_CODES } from './errors.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';

/** Lower-case letters, digits and . _ - ; 3–64 long, starting with a letter or digit ("town01.director"). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const Username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, 'not a valid username');
export const DisplayName = z.string().trim().min(1, 'display name is required').max(64);

export const UserIdParams = z.strictObject({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a user id') });
export const SessionIdParams = z.strictObject({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a session id'),
});

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z
    .string()
    .min(1, 'current password is required')
    .max(PASSWORD_MAX_LENGTH * 4),
  newPassword: z
    .string()
    .min(1, 'new password is required')
    .max(PASSWORD_MAX_LENGTH * 4),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const USER_STATUSES = ['active', 'disabled', 'locked', 'must_change'] as const;

/** A user as the administration view sees it (never a hash). */
export const AdminUser = User.omit({ mustChangePassword: true }).extend({
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  liveSessions: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const UserListQuery = z.strictObject({
  /** Part of the username, display name, unit name or unit code. */
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type UserListQuery = z.input<typeof UserListQuery>;
export const UserListPage = z.strictObject({
  items: z.array(AdminUser),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type UserListPage = z.infer<typeof UserListPage>;

/** A known department's code (`dept:zhujian`), for department officers. */
export const DepartmentCodeField = z
  .string()
  .refine((code): boolean => isDepartmentCode(code), 'not a known department');

export const UserCreate = z.strictObject({
  username: Username,
  displayName: DisplayName,
  role: z.enum(ROLES),
  /** For a department officer: the county (the department is a county body). */
  orgUnitCode: OrgCode,
  /** Required for a department officer, refused for every other role (role_unit_mismatch). */
  departmentCode: DepartmentCodeField.optional(),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z
  .strictObject({
    displayName: DisplayName.optional(),
    role: z.enum(ROLES).optional(),
    orgUnitCode: OrgCode.optional(),
    /** A department officer's (new) department; with a role change away from department officer, dropped. */
    departmentCode: DepartmentCodeField.optional(),
  })
  .refine(
    (u) =>
      u.displayName !== undefined ||
      u.role !== undefined ||
      u.orgUnitCode !== undefined ||
      u.departmentCode !== undefined,
    { message: 'nothing to change' },
  );
export type UserUpdate = z.infer<typeof UserUpdate>;

/** A new or reset account and its one-time password: shown to the administrator once, stored only as a hash. */
export const OneTimePasswordAnswer = z.strictObject({ user: AdminUser, oneTimePassword: z.string() });
export type OneTimePasswordAnswer = z.infer<typeof OneTimePasswordAnswer>;

export const SessionInfo = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  live: z.boolean(),
  /** The client address the hub saw at login. */
  clientAddress: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.strictObject({ items: z.array(SessionInfo) });

/** `username,display_name,role,unit_code`, UTF-8 (a BOM is fine). */
export const USERS_CSV_HEADER = ['username', 'display_name', 'role', 'unit_code'] as const;
export const UsersImportRequest = z.strictObject({
  csv: z.string().min(1, 'the file is empty').max(900_000),
  dryRun: z.boolean(),
});
export type UsersImportRequest = z.infer<typeof UsersImportRequest>;

/** One bad line: its line number in the file (1 = header), the column, and why, as an error code (+ params). */
export const ImportProblem = z.strictObject({
  line: z.number().int().positive(),
  field: z.string().optional(),
  code: z.enum(ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportedUser = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitCode: z.string(),
  /** A department officer's department (the file's unit_code); its org unit is then the county. */
  departmentCode: z.string().optional(),
  oneTimePassword: z.string(),
});
export type ImportedUser = z.infer<typeof ImportedUser>;

export const UsersImportReport = z.strictObject({
  dryRun: z.boolean(),
  /** Data lines read (the header not counted). */
  rows: z.number().int().nonnegative(),
  problems: z.array(ImportProblem),
  /** Empty on a dry run; with a one-time password each when written. */
  created: z.array(ImportedUser),
});
export type UsersImportReport = z.infer<typeof UsersImportReport>;

/**
 * What the admin audit records. Other features append their own acts here (county import, reference-data
 * versions); the console shows an unknown action by its name.
 */
export const ADMIN_ACTIONS = [
  'first_admin.created',
  'user.created',
  'user.changed',
  'user.disabled',
  'user.enabled',
  'user.unlocked',
  'user.locked',
  'user.password_reset',
  'user.password_changed',
  'login.succeeded',
  'login.failed',
  'session.ended',
  'users.imported',
  'org.imported',
  'cameras.imported',
  'camera.changed',
  'reference_data.versioned',
  'camera.added',
  'camera.retired',
  'calendar.imported',
  'recording_policy.set',
  'recording_policy.removed',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export const AdminAuditEntry = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** JSON object text (what changed, counts, the reason of a failure); never a password. */
  detail: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

export const AdminAuditQuery = z.strictObject({
  /** Username (exact) of who acted. */
  actor: z.string().trim().min(1).max(64).optional(),
  action: z.enum(ADMIN_ACTIONS).optional(),
  /** ISO date or date-time; a bare date is Beijing midnight; `to` is exclusive. */
  from: BoundedDateOrTime.optional(),
  to: BoundedDateOrTime.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(5000).default(50),
});
export type AdminAuditQuery = z.input<typeof AdminAuditQuery>;
export const AdminAuditPage = z.strictObject({
  items: z.array(AdminAuditEntry),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminAuditPage = z.infer<typeof AdminAuditPage>;
