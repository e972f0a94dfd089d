/**
 * The console's administration calls (common/contract-admin.ts) against the hub: accounts, sessions, the admin
 * audit, org and camera imports, the camera register. Straight through (the client is looked up per call: the
 * service builds it after its handlers); the hub decides who may do what.
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { adminConsoleCalls } from '../common/contract-admin.js';
import { definedOnly } from './defined-only.js';
import type { HubClient } from './hub-client.js';
import { recordingPolicyHandlers } from './recording-policy-calls.js';

// The admin.* calls; the feature table also holds password and reference-data calls, which the service keeps.
type AdminCallName = Extract<keyof typeof adminConsoleCalls, `admin.${string}`>;
type AdminHandlers = { [K in AdminCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function adminHandlers(client: () => HubClient, token: () => string): AdminHandlers {
  const hub = { call: ((...args: Parameters<HubClient['call']>) => client().call(...args)) as HubClient['call'] };
  return {
    // Recording policies (main/recording-policy-calls.ts).
    ...recordingPolicyHandlers(client, token),
    'admin.users': async (query) => hub.call('adminUsers', { token: token(), query: definedOnly(query) }),
    'admin.createUser': async (body) => hub.call('adminUserCreate', { token: token(), body }),
    'admin.updateUser': async ({ userId, changes }) =>
      hub.call('adminUserUpdate', { token: token(), params: { userId }, body: changes }),
    'admin.setDisabled': async ({ userId, disabled }) =>
      hub.call(disabled ? 'adminUserDisable' : 'adminUserEnable', {
        token: token(),
        params: { userId },
      }),
    'admin.unlockUser': async ({ userId }) => hub.call('userUnlock', { token: token(), params: { userId } }),
    'admin.resetPassword': async ({ userId }) =>
      hub.call('adminUserResetPassword', { token: token(), params: { userId } }),
    'admin.userSessions': async ({ userId }) => hub.call('adminUserSessions', { token: token(), params: { userId } }),
    'admin.endSession': async ({ sessionId }) => hub.call('adminSessionEnd', { token: token(), params: { sessionId } }),
    'admin.importUsers': async (body) => hub.call('adminUsersImport', { token: token(), body }),
    'admin.audit': async (query) => hub.call('adminAudit', { token: token(), query: definedOnly(query) }),
    'admin.orgImport': async (body) => hub.call('orgImport', { token: token(), body }),
    'admin.cameraImport': async (body) => hub.call('cameraImport', { token: token(), body }),
    'admin.cameras': async () => (await hub.call('adminCameras', { token: token() })).items,
    'admin.cameraAdd': async (body) => hub.call('adminCameraAdd', { token: token(), body }),
    'admin.cameraEdit': async ({ id, camera }) =>
      hub.call('adminCameraEdit', { token: token(), params: { id }, body: camera }),
    'admin.cameraRetire': async ({ id }) => hub.call('adminCameraRetire', { token: token(), params: { id }, body: {} }),
    'admin.cameraProbe': async ({ id }) => hub.call('adminCameraProbe', { token: token(), params: { id }, body: {} }),
  };
}
