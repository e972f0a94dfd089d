/**
 * The console's duty calls (common/contract-shift.ts) against the hub: roster, on duty now, handovers, the hub's
 * alerts. Straight through (the client is looked up per call: the service builds it after its handlers); the hub decides who may do what (common/duty-policy.ts).
 */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { shiftConsoleCalls } from '../common/contract-shift.js';
import { definedOnly } from './defined-only.js';
import type { HubClient } from './hub-client.js';

type ShiftCallName = keyof typeof shiftConsoleCalls;
type ShiftHandlers = { [K in ShiftCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function shiftHandlers(client: () => HubClient, token: () => string): ShiftHandlers {
  const hub = { call: ((...args: Parameters<HubClient['call']>) => client().call(...args)) as HubClient['call'] };
  return {
    'duty.roster': async (query) => hub.call('dutyRoster', { token: token(), query: definedOnly(query) }),
    'duty.addShift': async (body) => hub.call('dutyShiftAdd', { token: token(), body }),
    'duty.removeShift': async ({ id }) => hub.call('dutyShiftRemove', { token: token(), params: { id }, body: {} }),
    'duty.now': async () => hub.call('dutyNow', { token: token() }),
    'duty.writeHandover': async (body) => hub.call('handoverCreate', { token: token(), body }),
    'duty.handovers': async (query) => hub.call('handovers', { token: token(), query: definedOnly(query) }),
    'duty.handover': async ({ id }) => hub.call('handover', { token: token(), params: { id } }),
    'duty.acknowledgeHandover': async ({ id }) =>
      hub.call('handoverAcknowledge', { token: token(), params: { id }, body: {} }),
    'alerts.list': async () => hub.call('alerts', { token: token() }),
    'alerts.acknowledge': async (body) => hub.call('alertsAcknowledge', { token: token(), body }),
  };
}
