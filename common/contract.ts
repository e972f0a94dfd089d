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
import { BoundedDateOrTime } from './time-range.js';
import {
  CameraGrant,
  CameraGrantList,
  CameraGrantRequest,
  CameraIdParams,
  CameraStreamCall,
  GrantIdParams,
  StreamRequest,
  StreamTicket,
  ViewAuditFilter,
  ViewAuditList,
  ViewAuditQuery,
} from './video-schemas.js';
import { MAP_EVENTS_CONTENT_TYPE } from './map-events-format.js';
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

import { adminConsoleCalls, adminHubRoutes } from './contract-admin.js';
import { deskConsoleCalls, deskHubRoutes } from './contract-desk.js';
import { mediaHubRoutes } from './contract-media.js';
import { recordingConsoleCalls, recordingHubRoutes } from './contract-recording.js';
import { ptzConsoleCalls, ptzHubRoutes } from './contract-ptz.js';
import {
  evidenceConsoleCalls,
  evidenceConsolePushes,
  evidenceHubRoutes,
  evidenceHubSocket,
} from './contract-evidence.js';

export { ATTACHMENT_CONTENT_ROUTE, ATTACHMENT_UPLOAD_ROUTE } from './contract-evidence.js';
import { paperConsoleCalls, paperHubRoutes } from './contract-paper.js';
import { shiftConsoleCalls, shiftHubRoutes } from './contract-shift.js';
import { searchConsoleCalls, searchHubRoutes } from './contract-search.js';
import { HubAlertPush } from './shift-schemas.js';
import { rolesConsoleCalls, rolesHubRoutes } from './contract-roles.js';

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

const CaseParams = zod.strictObject({ caseId: zod.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id') });
const SinceQuery = zod.strictObject({ since: zod.coerce.number().int().nonnegative() });
/** Period and unit of a KPI report; dates as ISO 8601 (a bare date is Beijing midnight). */
export const KpiParams = zod.strictObject({
  from: BoundedDateOrTime,
  to: BoundedDateOrTime,
  orgUnit: zod.string().max(32).optional(),
});

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
  // The token checks external media servers call (common/contract-media.ts).
  ...mediaHubRoutes,
  ...recordingHubRoutes,
  // PTZ: steer, lock, presets, audit (common/contract-ptz.ts).
  ...ptzHubRoutes,
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
  // Accounts, loading a county, reference data: common/contract-admin.ts.
  ...adminHubRoutes,
  // The verifying desk: duplicate suggestions (common/contract-desk.ts).
  ...deskHubRoutes,
  // A case's attachments (issue 15 §2): common/contract-evidence.ts.
  ...evidenceHubRoutes,
  // Paper (PDFs) is binary: common/contract-paper.ts PAPER_ROUTES.
  ...paperHubRoutes,
  // Duty roster, shift handovers, the hub's alerts: common/contract-shift.ts.
  ...shiftHubRoutes,
  // Village level and departments: ratings, camera loans from a case (common/contract-roles.ts).
  ...rolesHubRoutes,
  // Case search and archive (issue 15 §1): common/contract-search.ts.
  ...searchHubRoutes,
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
  ...evidenceHubSocket,
  /** An alert the hub knows first (overdue leg, 督办, camera lent), sent to the rooms it is for. */
  'alert.raised': HubAlertPush,
} as const satisfies Record<string, z.ZodType>;
export type HubSocketEvent = keyof typeof hubSocket;

export interface ConsoleCall {
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
  // The signed-in user's password and administration: common/contract-admin.ts.
  ...adminConsoleCalls,
  ...deskConsoleCalls,
  ...evidenceConsoleCalls,
  // The 督办单, the case sheet and the monthly KPI report as PDF: common/contract-paper.ts.
  ...paperConsoleCalls,
  // Duty roster, shift handovers, the hub's alerts: common/contract-shift.ts.
  ...shiftConsoleCalls,
  ...rolesConsoleCalls,
  ...searchConsoleCalls,
  ...ptzConsoleCalls,
  // Playback in a tile, clips to a case, the timeline's case markers (common/contract-recording.ts).
  ...recordingConsoleCalls,
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
  ...evidenceConsolePushes,
  /** An alert from the hub (common/shift-schemas.ts), to add to the alert centre. */
  'alert.raised': HubAlertPush,
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
