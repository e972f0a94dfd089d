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
  Camera,
  CameraList,
  CameraStatusChange,
  ConnectionStatus,
  Empty,
  Health,
  LoginRequest,
  LoginResponse,
  Ok,
  OrgUnit,
  OrgUnitList,
  SessionEnded,
  User,
} from './schemas.js';
import { z as zod } from 'zod';

interface HubRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly auth: boolean;
  readonly body: z.ZodType;
  readonly response: z.ZodType;
}

export const hubRoutes = {
  health: { method: 'GET', path: '/api/v1/health', auth: false, body: Empty, response: Health },
  login: { method: 'POST', path: '/api/v1/auth/login', auth: false, body: LoginRequest, response: LoginResponse },
  logout: { method: 'POST', path: '/api/v1/auth/logout', auth: true, body: Empty, response: Ok },
  me: { method: 'GET', path: '/api/v1/auth/me', auth: true, body: Empty, response: User },
  orgUnits: { method: 'GET', path: '/api/v1/org-units', auth: true, body: Empty, response: OrgUnitList },
  cameras: { method: 'GET', path: '/api/v1/cameras', auth: true, body: Empty, response: CameraList },
} as const satisfies Record<string, HubRoute>;
export type HubRouteName = keyof typeof hubRoutes;

export const HUB_SOCKET_NAMESPACE = '/console';

export const hubSocket = {
  'camera.status': CameraStatusChange,
  'session.ended': SessionEnded,
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
} as const satisfies Record<string, ConsoleCall>;
export type ConsoleCallName = keyof typeof consoleCalls;
export type CallRequest<K extends ConsoleCallName> = z.input<(typeof consoleCalls)[K]['request']>;
export type CallResponse<K extends ConsoleCallName> = z.output<(typeof consoleCalls)[K]['response']>;

export const consolePushes = {
  'connection.changed': ConnectionStatus,
  'camera.status': CameraStatusChange,
  'session.ended': SessionEnded,
} as const satisfies Record<string, z.ZodType>;
export type ConsolePushName = keyof typeof consolePushes;
export type PushPayload<K extends ConsolePushName> = z.output<(typeof consolePushes)[K]>;

/**
 * What crosses IPC (and the web host's loopback RPC) as a call's answer. Errors travel as data because Electron
 * flattens thrown errors to a message string, and the UI needs the code and field.
 */
export type CallResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** The API the preload exposes as `window.gridCommand` (and the web bridge reproduces). */
export interface GridCommandApi {
  call<K extends ConsoleCallName>(method: K, request: CallRequest<K>): Promise<CallResult<CallResponse<K>>>;
  subscribe<K extends ConsolePushName>(push: K, listener: (payload: PushPayload<K>) => void): () => void;
}
