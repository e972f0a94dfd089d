/**
 * The console's village-level and department calls (common/contract-roles.ts) against the hub: department ratings
 * (逆向考核) and camera loans from a case. Straight through, like main/shift-calls.ts; the hub decides who may.
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { rolesConsoleCalls } from '../common/contract-roles.js';
import { definedOnly } from './defined-only.js';
import type { HubClient } from './hub-client.js';

type RolesCallName = keyof typeof rolesConsoleCalls;
type RolesHandlers = { [K in RolesCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function rolesHandlers(client: () => HubClient, token: () => string): RolesHandlers {
  const hub = { call: ((...args: Parameters<HubClient['call']>) => client().call(...args)) as HubClient['call'] };
  return {
    'ratings.forCase': async ({ caseId }) =>
      (await hub.call('caseDepartmentRatings', { token: token(), params: { caseId } })).items,
    'ratings.rate': async ({ caseId, rating }) =>
      hub.call('caseDepartmentRate', { token: token(), params: { caseId }, body: rating }),
    'stats.departmentRatings': async (query) =>
      hub.call('departmentRatingsKpi', { token: token(), query: definedOnly(query) }),
    'grants.list': async () => (await hub.call('cameraGrants', { token: token() })).items,
    'grants.create': async (body) => hub.call('cameraGrantCreate', { token: token(), body }),
    'grants.revoke': async ({ id }) => hub.call('cameraGrantRevoke', { token: token(), params: { id }, body: {} }),
  };
}
