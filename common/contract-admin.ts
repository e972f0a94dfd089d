/**
 * The contract's administrative routes (issue 13): accounts and the admin audit, loading a county (org tree,
 * camera registry) and reference data. Spread into `hubRoutes` (common/contract.ts), so the hub, the console and
 * the OpenAPI document see one table; kept apart only to keep each file readable.
 */
import type { ConsoleCall, HubRoute } from './contract.js';
import { User } from './schemas.js';
import { Empty, LoginResponse, Ok } from './schemas.js';
import {
  AdminCamera,
  AdminCameraIdParams,
  AdminCameraList,
  CameraEdit,
  CameraImportRequest,
  CameraInput,
  ImportReport,
  OrgImportRequest,
  MAX_IMPORT_TEXT,
} from './county-import.js';
import {
  AdminAuditPage,
  AdminAuditQuery,
  AdminUser,
  ChangePasswordRequest,
  OneTimePasswordAnswer,
  SessionIdParams,
  SessionList,
  UserCreate,
  UserIdParams as AdminUserIdParams,
  UserListPage,
  UserListQuery,
  UsersImportReport,
  UsersImportRequest,
  UserUpdate,
} from './admin-schemas.js';
import { CalendarImport, CalendarYearNumber } from './calendar-years.js';
import { CalendarYearInfo, ReferenceEdit, ReferenceSnapshot, ReferenceVersion } from './reference-versions.js';
import { z as zod } from 'zod';
import { recordingPolicyConsoleCalls, recordingPolicyHubRoutes } from './contract-recording-policy.js';

/** An import's text is JSON-escaped inside the body: room for the escapes of a file of MAX_IMPORT_TEXT. */
const IMPORT_BODY_LIMIT = 2 * MAX_IMPORT_TEXT;
const CalendarYearParams = zod.strictObject({ year: zod.coerce.number().pipe(CalendarYearNumber) });
export const CalendarYearList = zod.strictObject({ years: zod.array(CalendarYearInfo) });

export const adminHubRoutes = {
  /** Changes the caller's own password; every session of theirs ends and a new one is answered (issue 13). */
  changePassword: {
    method: 'POST',
    path: '/api/v1/auth/password',
    auth: true,
    body: ChangePasswordRequest,
    response: LoginResponse,
  },
  // Administration (admin role only: scope policy `user.manage`). Not idempotent on purpose: an idempotency record
  // would keep the one-time passwords these answers carry.
  adminUsers: {
    method: 'GET',
    path: '/api/v1/admin/users',
    auth: true,
    body: Empty,
    query: UserListQuery,
    response: UserListPage,
  },
  adminUserCreate: {
    method: 'POST',
    path: '/api/v1/admin/users',
    auth: true,
    body: UserCreate,
    response: OneTimePasswordAnswer,
    successStatus: 201,
  },
  adminUsersImport: {
    method: 'POST',
    path: '/api/v1/admin/users/import',
    auth: true,
    body: UsersImportRequest,
    response: UsersImportReport,
  },
  adminUserUpdate: {
    method: 'POST',
    path: '/api/v1/admin/users/:userId',
    auth: true,
    body: UserUpdate,
    params: AdminUserIdParams,
    response: AdminUser,
  },
  adminUserDisable: {
    method: 'POST',
    path: '/api/v1/admin/users/:userId/disable',
    auth: true,
    body: Empty,
    params: AdminUserIdParams,
    response: AdminUser,
  },
  adminUserEnable: {
    method: 'POST',
    path: '/api/v1/admin/users/:userId/enable',
    auth: true,
    body: Empty,
    params: AdminUserIdParams,
    response: AdminUser,
  },
  adminUserResetPassword: {
    method: 'POST',
    path: '/api/v1/admin/users/:userId/reset-password',
    auth: true,
    body: Empty,
    params: AdminUserIdParams,
    response: OneTimePasswordAnswer,
  },
  adminUserSessions: {
    method: 'GET',
    path: '/api/v1/admin/users/:userId/sessions',
    auth: true,
    body: Empty,
    params: AdminUserIdParams,
    response: SessionList,
  },
  adminSessionEnd: {
    method: 'POST',
    path: '/api/v1/admin/sessions/:sessionId/end',
    auth: true,
    body: Empty,
    params: SessionIdParams,
    response: Ok,
  },
  /** The admin audit, newest first, paged; filter by actor, action, period. */
  adminAudit: {
    method: 'GET',
    path: '/api/v1/admin/audit',
    auth: true,
    body: Empty,
    query: AdminAuditQuery,
    response: AdminAuditPage,
  },
  // Loading a county (administrators only; docs: README "Set up your county"). A dry run answers the full report and
  // writes nothing; a real run with any problem is refused whole (422 import_invalid / 409 unit_in_use).
  orgImport: {
    method: 'POST',
    path: '/api/v1/admin/org-import',
    auth: true,
    body: OrgImportRequest,
    response: ImportReport,
    bodyLimit: IMPORT_BODY_LIMIT,
  },
  cameraImport: {
    method: 'POST',
    path: '/api/v1/admin/camera-import',
    auth: true,
    body: CameraImportRequest,
    response: ImportReport,
    bodyLimit: IMPORT_BODY_LIMIT,
  },
  /** Every camera, retired ones included, URLs masked; with its last probe. */
  adminCameras: { method: 'GET', path: '/api/v1/admin/cameras', auth: true, body: Empty, response: AdminCameraList },
  adminCameraAdd: {
    method: 'POST',
    path: '/api/v1/admin/cameras',
    auth: true,
    body: CameraInput,
    response: AdminCamera,
    successStatus: 201,
  },
  /** Blank URLs keep the stored ones (the view never has them to send back). */
  adminCameraEdit: {
    method: 'POST',
    path: '/api/v1/admin/cameras/:id',
    auth: true,
    body: CameraEdit,
    params: AdminCameraIdParams,
    response: AdminCamera,
  },
  /** Out of the wall tree and refused for streams from now on; kept for its audit trail. */
  adminCameraRetire: {
    method: 'POST',
    path: '/api/v1/admin/cameras/:id/retire',
    auth: true,
    body: Empty,
    params: AdminCameraIdParams,
    response: AdminCamera,
  },
  /** Runs the gateway's ffmpeg against the main stream (≤ 8 s) and records the outcome as the camera's health. */
  adminCameraProbe: {
    method: 'POST',
    path: '/api/v1/admin/cameras/:id/probe',
    auth: true,
    body: Empty,
    params: AdminCameraIdParams,
    response: AdminCamera,
  },
  /** Every taxonomy / deadline-table version and the working calendar with each year's source (any signed-in user). */
  referenceData: { method: 'GET', path: '/api/v1/reference', auth: true, body: Empty, response: ReferenceSnapshot },
  /** A new version, in effect for cases entered from now on (administrators only; docs/api.md). */
  referenceVersionCreate: {
    method: 'POST',
    path: '/api/v1/reference/versions',
    auth: true,
    body: ReferenceEdit,
    response: ReferenceVersion,
    successStatus: 201,
  },
  /** One year's holidays and make-up workdays as JSON or CSV, overriding the package (administrators only). */
  calendarYearImport: {
    method: 'POST',
    path: '/api/v1/reference/calendar/:year',
    auth: true,
    body: CalendarImport,
    params: CalendarYearParams,
    response: CalendarYearList,
  },
  // Recording policies (录像策略), administrators only: common/contract-recording-policy.ts.
  ...recordingPolicyHubRoutes,
} as const satisfies Record<string, HubRoute>;

/** The console calls of the same acts (the console service relays each to its hub route). */
export const adminConsoleCalls = {
  /** The signed-in user's own password; the console service continues on the new session the hub answers. */
  'session.changePassword': { request: ChangePasswordRequest, response: User },
  // Administration (admin role; the hub decides).
  'admin.users': { request: UserListQuery, response: UserListPage },
  'admin.createUser': { request: UserCreate, response: OneTimePasswordAnswer },
  'admin.updateUser': {
    request: zod.strictObject({ userId: AdminUserIdParams.shape.userId, changes: UserUpdate }),
    response: AdminUser,
  },
  'admin.setDisabled': {
    request: zod.strictObject({ userId: AdminUserIdParams.shape.userId, disabled: zod.boolean() }),
    response: AdminUser,
  },
  'admin.unlockUser': { request: AdminUserIdParams, response: Ok },
  'admin.resetPassword': { request: AdminUserIdParams, response: OneTimePasswordAnswer },
  'admin.userSessions': { request: AdminUserIdParams, response: SessionList },
  'admin.endSession': { request: SessionIdParams, response: Ok },
  'admin.importUsers': { request: UsersImportRequest, response: UsersImportReport },
  'admin.audit': { request: AdminAuditQuery, response: AdminAuditPage },
  // Loading a county (administrators; the hub refuses anyone else): the file's text goes through as is.
  'admin.orgImport': { request: OrgImportRequest, response: ImportReport },
  'admin.cameraImport': { request: CameraImportRequest, response: ImportReport },
  'admin.cameras': { request: Empty, response: zod.array(AdminCamera) },
  'admin.cameraAdd': { request: CameraInput, response: AdminCamera },
  'admin.cameraEdit': { request: zod.strictObject({ id: zod.string(), camera: CameraEdit }), response: AdminCamera },
  'admin.cameraRetire': { request: zod.strictObject({ id: zod.string() }), response: AdminCamera },
  'admin.cameraProbe': { request: zod.strictObject({ id: zod.string() }), response: AdminCamera },
  /** Reference data from the hub: every version (old cases are named and timed by theirs) and the calendar. */
  'reference.get': { request: Empty, response: ReferenceSnapshot },
  'reference.saveVersion': { request: ReferenceEdit, response: ReferenceVersion },
  'reference.importCalendarYear': {
    request: CalendarImport.extend({ year: CalendarYearNumber }),
    response: CalendarYearList,
  },
  ...recordingPolicyConsoleCalls,
} as const satisfies Record<string, ConsoleCall>;
