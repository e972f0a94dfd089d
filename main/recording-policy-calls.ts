/**
 * The console's recording-policy calls (common/contract-recording-policy.ts) against the hub, as the admin.* calls
 * in admin-calls.ts: straight through, the hub decides who may (administrators only).
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { recordingPolicyConsoleCalls } from '../common/contract-recording-policy.js';
import type { HubClient } from './hub-client.js';

type PolicyCallName = keyof typeof recordingPolicyConsoleCalls;
type PolicyHandlers = { [K in PolicyCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function recordingPolicyHandlers(client: () => HubClient, token: () => string): PolicyHandlers {
  const hub = { call: ((...args: Parameters<HubClient['call']>) => client().call(...args)) as HubClient['call'] };
  return {
    'admin.recordingPolicies': async () => hub.call('adminRecordingPolicies', { token: token() }),
    'admin.setRecordingPolicy': async (body) => hub.call('adminRecordingPolicySet', { token: token(), body }),
    'admin.removeRecordingPolicy': async (body) => hub.call('adminRecordingPolicyRemove', { token: token(), body }),
    'admin.effectiveRecordingPolicy': async ({ id }) =>
      hub.call('adminRecordingPolicyEffective', { token: token(), params: { id } }),
  };
}
