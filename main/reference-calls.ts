/**
 * The console's reference-data calls: the deadline tables and work calendar (versioned on the hub). `reference.get`
 * is kept for the offline store: with the hub away, the last answer (or the shipped tables) serves.
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { HubClient } from './hub-client.js';
import { unreachable as isHubUnreachable } from './local-store/store-errors.js';
import { lastReferenceSnapshot, rememberReference } from './reference-cache.js';

type ReferenceCallName = 'reference.get' | 'reference.saveVersion' | 'reference.importCalendarYear';
type ReferenceHandlers = { [K in ReferenceCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function referenceHandlers(client: () => HubClient, token: () => string): ReferenceHandlers {
  return {
    'reference.get': async () => {
      const sessionToken = token();
      try {
        rememberReference(await client().call('referenceData', { token: sessionToken }));
      } catch (err) {
        if (!isHubUnreachable(err)) throw err;
      }
      return lastReferenceSnapshot();
    },
    'reference.saveVersion': async (edit) => client().call('referenceVersionCreate', { token: token(), body: edit }),
    'reference.importCalendarYear': async ({ year, ...body }) =>
      client().call('calendarYearImport', { token: token(), params: { year }, body }),
  };
}
