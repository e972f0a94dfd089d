/** The console's PTZ calls (common/contract-ptz.ts) against the hub: straight through; the hub decides who may. */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { ptzConsoleCalls } from '../common/contract-ptz.js';
import type { HubClient } from './hub-client.js';

type PtzCallName = keyof typeof ptzConsoleCalls;
type PtzHandlers = { [K in PtzCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function ptzHandlers(client: () => HubClient, token: () => string): PtzHandlers {
  return {
    'ptz.status': async ({ cameraId }) => client().call('cameraPtz', { token: token(), params: { id: cameraId } }),
    'ptz.command': async ({ cameraId, command }) =>
      client().call('cameraPtzCommand', { token: token(), params: { id: cameraId }, body: command }),
  };
}
