/**
 * THE contract: every call and push between renderer ⇄ main ⇄ hub, typed once.
 *
 * - `hubRoutes`: the hub's HTTP API (main's console service and the handheld app call it).
 * - `hubSocket`: what the hub pushes on the socket.io namespace `/console`.
 * - `consoleCalls`: what the renderer may ask of main (IPC in Electron, loopback HTTP in the web host).
 * - `consolePushes`: what main pushes to the renderer.
 *
 * The hub's secrets (tokens, stream sources) appear only in `hubRoutes`; `consoleCalls` never carries them, so the
 * renderer never sees a hub token.
 */
import type { z } from 'zod';
import {
  type ApiError,
  Camera,
  CameraList,
  CameraStatusChange,
  ConnectionStatus,
  Empty,
  Health,
  Ready,
  LoginRequest,
  LoginResponse,
  Ok,
  OrgUnit,
  OrgUnitList,
  SessionEnded,
  User,
} from './schemas.js';
import { z as zod } from 'zod';
import {
  BoardPage,
  CaseChange,
  CaseChanges,
  CaseDetail,
  CaseView,
  EventReceipt,
  EventReport,
  ImportBatchList,
  ImportBatchParams,
  ImportResult,
  ImportRollback,
  MoveRequest,
} from './case-api.js';
import { KpiReport } from './kpi.js';
import {
  AdminCamera,
  AdminCameraIdParams,
  AdminCameraList,
  CameraEdit,
  CameraImportRequest,
  CameraInput,
  ImportReport,
  MAX_IMPORT_TEXT,
  OrgImportRequest,
} from './county-import.js';
import { BoundedDateOrTime } from './time-range.js';
import {
  CameraGrant,
  CameraGrantList,
  CameraGrantRequest,
  CameraIdParams,
  CameraStreamCall,
  GrantIdParams,
  MediaAuthorizeRequest,
  StreamRequest,
  StreamTicket,
  ViewAuditFilter,
  ViewAuditList,
  ViewAuditQuery,
  ZlmHookAnswer,
  ZlmPlayHook,
} from './video-schemas.js';
import { MAP_EVENTS_CONTENT_TYPE } from './map-events-format.js';
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
import { MapBoundaries, MapBoundary, MapEventsQuery, MapEventsRequest } from './map-schemas.js';
import {
  OpenWallDisplayAnswer,
  OpenWallDisplayRequest,
  WallCast,
  WallDisplayInfo,
  WallLayout,
  WallLayoutIdParams,
  WallLayoutInput,
  WallLayoutList,
} from './wall-schemas.js';
import {
  ConsoleBoardPage,
  ConsoleCaseDetail,
  ConsoleCaseView,
  OutboxDismiss,
  OutboxList,
  OutboxRefused,
  ReportAnswer,
} from './outbox.js';
import { CalendarImport, CalendarYearNumber } from './calendar-years.js';
import { CalendarYearInfo, ReferenceEdit, ReferenceSnapshot, ReferenceVersion } from './reference-versions.js';

export interface HubRoute {
  readonly method: 'GET' | 'POST';
  /** `:name` segments are path parameters, validated by `params`. */
  readonly path: string;
  readonly auth: boolean;
  readonly body: z.ZodType;
  readonly response: z.ZodType;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** Writes that must never happen twice carry an `Idempotency-Key` header; a retry gets the first answer. */
  readonly idempotent?: boolean;
  /** Status of a successful answer (default 200). */
  readonly successStatus?: number;
  /** Largest body accepted, where the hub's 1 MB default is too small (imports). */
  readonly bodyLimit?: number;
}

/** An import's text is JSON-escaped inside the body: room for the escapes of a file of MAX_IMPORT_TEXT. */
const IMPORT_BODY_LIMIT = 2 * MAX_IMPORT_TEXT;

const CaseParams = zod.strictObject({ caseId: zod.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id') });
const SinceQuery = zod.strictObject({ since: zod.coerce.number().int().nonnegative() });
/** Period and unit of a KPI report; dates as ISO 8601 (a bare date is Beijing midnight). */
export const KpiParams = zod.strictObject({
  from: BoundedDateOrTime,
  to: BoundedDateOrTime,
  orgUnit: zod.string().max(32).optional(),
});

const CalendarYearParams = zod.strictObject({ year: zod.coerce.number().pipe(CalendarYearNumber) });
const CalendarYearList = zod.strictObject({ years: zod.array(CalendarYearInfo) });

const UserIdParams = zod.strictObject({ userId: zod.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a user id') });

export const hubRoutes = {
  health: { method: 'GET', path: '/api/v1/health', auth: false, body: Empty, response: Health },
  login: { method: 'POST', path: '/api/v1/auth/login', auth: false, body: LoginRequest, response: LoginResponse },
  logout: { method: 'POST', path: '/api/v1/auth/logout', auth: true, body: Empty, response: Ok },
  me: { method: 'GET', path: '/api/v1/auth/me', auth: true, body: Empty, response: User },
  orgUnits: { method: 'GET', path: '/api/v1/org-units', auth: true, body: Empty, response: OrgUnitList },
  cameras: { method: 'GET', path: '/api/v1/cameras', auth: true, body: Empty, response: CameraList },
  reportEvent: {
    method: 'POST',
    path: '/api/v1/events',
    auth: true,
    body: EventReport,
    response: EventReceipt,
    idempotent: true,
    successStatus: 201,
  },
  board: { method: 'GET', path: '/api/v1/cases/board', auth: true, body: Empty, response: BoardPage },
  caseChanges: {
    method: 'GET',
    path: '/api/v1/cases/changes',
    auth: true,
    body: Empty,
    query: SinceQuery,
    response: CaseChanges,
  },
  caseDetail: {
    method: 'GET',
    path: '/api/v1/cases/:caseId',
    auth: true,
    body: Empty,
    params: CaseParams,
    response: CaseDetail,
  },
  kpis: { method: 'GET', path: '/api/v1/stats/kpis', auth: true, body: Empty, query: KpiParams, response: KpiReport },
  moveCase: {
    method: 'POST',
    path: '/api/v1/cases/:caseId/moves',
    auth: true,
    body: MoveRequest,
    params: CaseParams,
    response: CaseView,
    idempotent: true,
  },
  // Video wall (docs/video.md). Media (`/media/<cameraId>/<streamToken>/…`) is HLS, not JSON, so not listed here.
  cameraStream: {
    method: 'POST',
    path: '/api/v1/cameras/:id/stream',
    auth: true,
    body: StreamRequest,
    params: CameraIdParams,
    response: StreamTicket,
  },
  cameraGrants: { method: 'GET', path: '/api/v1/camera-grants', auth: true, body: Empty, response: CameraGrantList },
  cameraGrantCreate: {
    method: 'POST',
    path: '/api/v1/camera-grants',
    auth: true,
    body: CameraGrantRequest,
    response: CameraGrant,
  },
  cameraGrantRevoke: {
    method: 'POST',
    path: '/api/v1/camera-grants/:id/revoke',
    auth: true,
    body: Empty,
    params: GrantIdParams,
    response: CameraGrant,
  },
  /** The stream-token check for an external media server (MediaMTX `authMethod: http`); 200 allows, 401/403 refuse. */
  mediaAuthorize: {
    method: 'POST',
    path: '/api/v1/media/authorize',
    auth: false,
    body: MediaAuthorizeRequest,
    response: Ok,
  },
  /** The same check as a ZLMediaKit `on_play` hook: always 200, `code` 0 allows. */
  mediaAuthorizeZlm: {
    method: 'POST',
    path: '/api/v1/media/authorize/zlmediakit',
    auth: false,
    body: ZlmPlayHook,
    response: ZlmHookAnswer,
  },
  /** JSON here; `format=csv` in the query answers a CSV download instead. */
  auditViews: {
    method: 'GET',
    path: '/api/v1/audit/views',
    auth: true,
    body: Empty,
    query: ViewAuditQuery,
    response: ViewAuditList,
  },
  /** The map's unit outlines (county → grids) of the caller's scope, zh-CN names. */
  mapBoundaries: { method: 'GET', path: '/api/v1/map/boundaries', auth: true, body: Empty, response: MapBoundaries },
  /** Named wall layouts of the caller's command room (its org unit); saving under an existing name replaces it. */
  wallLayouts: { method: 'GET', path: '/api/v1/wall/layouts', auth: true, body: Empty, response: WallLayoutList },
  wallLayoutSave: {
    method: 'POST',
    path: '/api/v1/wall/layouts',
    auth: true,
    body: WallLayoutInput,
    response: WallLayout,
  },
  wallLayoutDelete: {
    method: 'POST',
    path: '/api/v1/wall/layouts/:id/delete',
    auth: true,
    body: Empty,
    params: WallLayoutIdParams,
    response: Ok,
  },
  /** Import batches, newest first (admin only): each run of POST /api/v1/events/import. */
  importBatches: { method: 'GET', path: '/api/v1/imports', auth: true, body: Empty, response: ImportBatchList },
  /** Deletes a batch's cases and everything hanging off them, in one transaction (admin only; 409 if any moved). */
  importRollback: {
    method: 'POST',
    path: '/api/v1/imports/:batchId/rollback',
    auth: true,
    body: Empty,
    params: ImportBatchParams,
    response: ImportRollback,
    idempotent: true,
  },
  /** Lifts an account lock (many failed logins across addresses); administrators only. */
  userUnlock: {
    method: 'POST',
    path: '/api/v1/users/:userId/unlock',
    auth: true,
    body: Empty,
    params: UserIdParams,
    response: Ok,
  },
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
  /** Readiness for a load balancer or systemd: database writable, migrations current, ffmpeg found. */
  ready: { method: 'GET', path: '/api/v1/ready', auth: false, body: Empty, response: Ready },
} as const satisfies Record<string, HubRoute>;

/**
 * The map's events are columnar binary (common/map-events-format.ts), not JSON, so the route is registered apart
 * (hub/http/map-routes.ts); scope and period are cut in the hub's SQL.
 */
export const MAP_EVENTS_ROUTE = {
  path: '/api/v1/map/events',
  contentType: MAP_EVENTS_CONTENT_TYPE,
  query: MapEventsQuery,
} as const;

/** Bulk import is NDJSON, not JSON, so it is registered apart (hub/http/import-route.ts); its answer is typed here. */
export const IMPORT_ROUTE = {
  path: '/api/v1/events/import',
  contentType: 'application/x-ndjson',
  response: ImportResult,
} as const;
export type HubRouteName = keyof typeof hubRoutes;

export const HUB_SOCKET_NAMESPACE = '/console';

export const hubSocket = {
  'camera.status': CameraStatusChange,
  'session.ended': SessionEnded,
  'case.changed': CaseChange,
} as const satisfies Record<string, z.ZodType>;
export type HubSocketEvent = keyof typeof hubSocket;

interface ConsoleCall {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export const consoleCalls = {
  'session.login': { request: LoginRequest, response: User },
  'session.logout': { request: Empty, response: Ok },
  'session.current': { request: Empty, response: User.nullable() },
  'connection.status': { request: Empty, response: ConnectionStatus },
  'org.units': { request: Empty, response: zod.array(OrgUnit) },
  'cameras.list': { request: Empty, response: zod.array(Camera) },
  /** From the console's store when the hub is unreachable (ConnectionStatus.cachedAt says as of when). */
  'cases.board': { request: Empty, response: ConsoleBoardPage },
  'cases.get': { request: zod.strictObject({ caseId: zod.string().min(1).max(64) }), response: ConsoleCaseDetail },
  /**
   * The renderer makes one key per user action, so a double click or a replay never moves a case twice. While the
   * hub is unreachable the move goes to the console's outbox and the answer is the expected case marked `queued`.
   */
  'cases.move': {
    request: zod.strictObject({
      caseId: zod.string().min(1).max(64),
      idempotencyKey: zod.string().min(8).max(128),
      request: MoveRequest,
    }),
    response: ConsoleCaseView,
  },
  'stats.kpis': { request: KpiParams, response: KpiReport },
  /** Hotline / video-patrol reports typed in the console; `{ queued }` when kept in the outbox for later. */
  'cases.report': {
    request: zod.strictObject({ idempotencyKey: zod.string().min(8).max(128), report: EventReport }),
    response: ReportAnswer,
  },
  /** A short-lived, user-bound HLS URL (a stream token, not the hub session) and when it expires; ask again before. */
  'cameras.stream': { request: CameraStreamCall, response: StreamTicket },
  'audit.views': { request: ViewAuditFilter, response: ViewAuditList },
  /**
   * The map's events of a period as one binary body (decode with decodeMapEvents). Bytes, not JSON: IPC's structured
   * clone carries a Uint8Array as is, and the web host answers it as application/octet-stream.
   */
  'map.events': { request: MapEventsRequest, response: zod.instanceof(Uint8Array) },
  'map.boundaries': { request: Empty, response: zod.array(MapBoundary) },
  /** The video wall's named layouts, shared by everyone of the user's unit (its command room), kept on the hub. */
  'wall.layouts': { request: Empty, response: zod.array(WallLayout) },
  'wall.saveLayout': { request: WallLayoutInput, response: WallLayout },
  'wall.deleteLayout': { request: WallLayoutIdParams, response: Ok },
  /** Monitors a wall display can open on (Electron); none in the web host. */
  'wall.displays': { request: Empty, response: zod.array(WallDisplayInfo) },
  /** Opens a frameless full-screen wall window on a monitor; `opened: false` tells the renderer to open a page. */
  'wall.openDisplay': { request: OpenWallDisplayRequest, response: OpenWallDisplayAnswer },
  /** What the console's wall shows, pushed as `wall.cast` to every window of this console (its wall displays). */
  'wall.cast': { request: WallCast, response: Ok },
  'wall.castState': { request: Empty, response: WallCast.nullable() },
  /** Moves and reports made while the hub was unreachable: pending, or refused on replay until dismissed. */
  'outbox.list': { request: Empty, response: OutboxList },
  'outbox.dismiss': { request: OutboxDismiss, response: Ok },
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
} as const satisfies Record<string, ConsoleCall>;
export type ConsoleCallName = keyof typeof consoleCalls;
export type CallRequest<K extends ConsoleCallName> = z.input<(typeof consoleCalls)[K]['request']>;
export type CallResponse<K extends ConsoleCallName> = z.output<(typeof consoleCalls)[K]['response']>;

export const consolePushes = {
  'connection.changed': ConnectionStatus,
  'camera.status': CameraStatusChange,
  'session.ended': SessionEnded,
  'case.changed': CaseChange,
  /** The console's wall as it stands, for its wall displays (from `wall.cast`). */
  'wall.cast': WallCast,
  /** A write queued offline that the hub refused on replay: kept in the outbox until dismissed. */
  'outbox.refused': OutboxRefused,
} as const satisfies Record<string, z.ZodType>;
export type ConsolePushName = keyof typeof consolePushes;
export type PushPayload<K extends ConsolePushName> = z.output<(typeof consolePushes)[K]>;

/**
 * What crosses IPC (and the web host's loopback RPC) as a call's answer. Errors travel as data because Electron
 * flattens thrown errors to a message string, and the UI needs the code and field.
 */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The API the preload exposes as `window.gridCommand` (and the web bridge reproduces). */
export interface GridCommandApi {
  call<K extends ConsoleCallName>(method: K, request: CallRequest<K>): Promise<CallResult<CallResponse<K>>>;
  subscribe<K extends ConsolePushName>(push: K, listener: (payload: PushPayload<K>) => void): () => void;
}
