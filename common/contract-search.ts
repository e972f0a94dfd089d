/**
 * The contract's search route and call (issue 15 §1): every case ever filed in the caller's scope, by words, case
 * number and filters, newest or oldest first, a page at a time. Spread into `hubRoutes` and `consoleCalls`
 * (common/contract.ts). A hit opens with `caseDetail` / `cases.get` (the whole timeline, closed cases included).
 */
import type { ConsoleCall, HubRoute } from './contract.js';
import { Empty } from './schemas.js';
import { SearchPage, SearchQuery } from './search-schemas.js';

export const searchHubRoutes = {
  caseSearch: {
    method: 'GET',
    path: '/api/v1/cases/search',
    auth: true,
    body: Empty,
    query: SearchQuery,
    response: SearchPage,
  },
} as const satisfies Record<string, HubRoute>;

export const searchConsoleCalls = {
  'cases.search': { request: SearchQuery, response: SearchPage },
} as const satisfies Record<string, ConsoleCall>;
