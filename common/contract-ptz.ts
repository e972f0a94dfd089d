/** PTZ routes (issue 16 §3): steer a camera, read its lock and presets, read its PTZ audit. Rules in hub/ptz/. */
import type { HubRoute } from './contract.js';
import { PtzAuditList, PtzCommand, PtzStatus } from './ptz-schemas.js';
import { z } from 'zod';
import type { ConsoleCall } from './contract.js';
import { Empty } from './schemas.js';
import { CameraIdParams } from './video-schemas.js';

export const ptzHubRoutes = {
  /** Where the camera points, who holds its lock, its presets (refused like a command when the user may not steer). */
  cameraPtz: {
    method: 'GET',
    path: '/api/v1/cameras/:id/ptz',
    auth: true,
    body: Empty,
    params: CameraIdParams,
    response: PtzStatus,
  },
  /**
   * One PTZ command. Takes (or renews) the camera's lock for the caller; 409 `ptz_locked` naming the holder while
   * another operator's lock is live, 403 `ptz_not_permitted` outside the caller's area (or a loan without steering).
   */
  cameraPtzCommand: {
    method: 'POST',
    path: '/api/v1/cameras/:id/ptz',
    auth: true,
    body: PtzCommand,
    params: CameraIdParams,
    response: PtzStatus,
  },
  /** The camera's PTZ audit, newest first, for roles holding `audit.read` over the camera's area. */
  cameraPtzAudit: {
    method: 'GET',
    path: '/api/v1/cameras/:id/ptz/audit',
    auth: true,
    body: Empty,
    params: CameraIdParams,
    response: PtzAuditList,
  },
} as const satisfies Record<string, HubRoute>;

const CameraRef = z.strictObject({ cameraId: z.string().min(1).max(64) });

/** The console's PTZ calls: straight through to the hub (main/ptz-calls.ts), which decides who may. */
export const ptzConsoleCalls = {
  'ptz.status': { request: CameraRef, response: PtzStatus },
  'ptz.command': { request: CameraRef.extend({ command: PtzCommand }), response: PtzStatus },
} as const satisfies Record<string, ConsoleCall>;
