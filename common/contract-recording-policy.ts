/**
 * Recording policies (录像策略), administrators only (the hub checks the admin role on every call): list the rows with
 * the hub's recorder settings, set or remove a unit's or a camera's row, and explain which row applies to a camera.
 * Spread into the admin tables (common/contract-admin.ts), so into hubRoutes and consoleCalls. Every change is on the admin audit.
 */
import type { ConsoleCall, HubRoute } from './contract.js';
import {
  EffectivePolicyParams,
  EffectiveRecordingPolicy,
  RecordingPolicyList,
  RecordingPolicyRow,
  RemoveRecordingPolicy,
  SetRecordingPolicy,
} from './recording-policy-schemas.js';
import { Empty, Ok } from './schemas.js';

export const recordingPolicyHubRoutes = {
  adminRecordingPolicies: {
    method: 'GET',
    path: '/api/v1/admin/recording-policies',
    auth: true,
    body: Empty,
    response: RecordingPolicyList,
  },
  /** Replaces the target's row if it has one; the recorder follows at once (no restart). */
  adminRecordingPolicySet: {
    method: 'POST',
    path: '/api/v1/admin/recording-policies',
    auth: true,
    body: SetRecordingPolicy,
    response: RecordingPolicyRow,
  },
  /** The target's cameras fall back to the nearest unit row above (or to none: not recorded). */
  adminRecordingPolicyRemove: {
    method: 'POST',
    path: '/api/v1/admin/recording-policies/remove',
    auth: true,
    body: RemoveRecordingPolicy,
    response: Ok,
  },
  adminRecordingPolicyEffective: {
    method: 'GET',
    path: '/api/v1/admin/recording-policies/cameras/:id',
    auth: true,
    body: Empty,
    params: EffectivePolicyParams,
    response: EffectiveRecordingPolicy,
  },
} as const satisfies Record<string, HubRoute>;

export const recordingPolicyConsoleCalls = {
  'admin.recordingPolicies': { request: Empty, response: RecordingPolicyList },
  'admin.setRecordingPolicy': { request: SetRecordingPolicy, response: RecordingPolicyRow },
  'admin.removeRecordingPolicy': { request: RemoveRecordingPolicy, response: Ok },
  'admin.effectiveRecordingPolicy': { request: EffectivePolicyParams, response: EffectiveRecordingPolicy },
} as const satisfies Record<string, ConsoleCall>;
