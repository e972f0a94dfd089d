/**
 * The console's case search call (common/contract-search.ts) against the hub, straight through: the hub cuts the
 * result by the caller's scope.
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { searchConsoleCalls } from '../common/contract-search.js';
import { definedOnly } from './defined-only.js';
import type { HubClient } from './hub-client.js';

type SearchCallName = keyof typeof searchConsoleCalls;
type SearchHandlers = { [K in SearchCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function searchHandlers(client: () => HubClient, token: () => string): SearchHandlers {
  return {
    'cases.search': async (query) => client().call('caseSearch', { token: token(), query: definedOnly(query) }),
  };
}
