/**
 * The contract's duty routes and calls (issue 15 §3 alerts, §4 the shift): the duty roster of a command room, who is
 * on duty now, shift handovers (交接班) and the hub's alerts with per-user acknowledgement. Spread into `hubRoutes`
 * and `consoleCalls` (common/contract.ts). Policy: common/duty-policy.ts.
 */
import { z as zod } from 'zod';
import type { ConsoleCall, HubRoute } from './contract.js';
import { Empty, Ok } from './schemas.js';
import {
  AlertAckRequest,
  DutyIdParams,
  DutyRoster,
  DutyShift,
  DutyShiftInput,
  Handover,
  HandoverInput,
  HandoverList,
  HandoverQuery,
  HubAlertList,
  OnDutyNow,
  RosterQuery,
} from './shift-schemas.js';

export const shiftHubRoutes = {
  /** A room's shifts overlapping a period (the caller's room unless `room` names one in a county user's scope). */
  dutyRoster: {
    method: 'GET',
    path: '/api/v1/duty/roster',
    auth: true,
    body: Empty,
    query: RosterQuery,
    response: DutyRoster,
  },
  /** Adds a shift to the caller's room (its director / county duty officers); an overlapping shift is refused. */
  dutyShiftAdd: {
    method: 'POST',
    path: '/api/v1/duty/shifts',
    auth: true,
    body: DutyShiftInput,
    response: DutyShift,
    successStatus: 201,
  },
  dutyShiftRemove: {
    method: 'POST',
    path: '/api/v1/duty/shifts/:id/remove',
    auth: true,
    body: Empty,
    params: DutyIdParams,
    response: Ok,
  },
  /** Who is on duty in the caller's room now, and who comes next. */
  dutyNow: { method: 'GET', path: '/api/v1/duty/now', auth: true, body: Empty, response: OnDutyNow },
  /** The outgoing officer's handover; the hub attaches the open serious and overdue cases of the room's scope. */
  handoverCreate: {
    method: 'POST',
    path: '/api/v1/duty/handovers',
    auth: true,
    body: HandoverInput,
    response: Handover,
    successStatus: 201,
  },
  handovers: {
    method: 'GET',
    path: '/api/v1/duty/handovers',
    auth: true,
    body: Empty,
    query: HandoverQuery,
    response: HandoverList,
  },
  handover: {
    method: 'GET',
    path: '/api/v1/duty/handovers/:id',
    auth: true,
    body: Empty,
    params: DutyIdParams,
    response: Handover,
  },
  /** The incoming officer (anyone of the room's duty staff but the writer) acknowledges, once. */
  handoverAcknowledge: {
    method: 'POST',
    path: '/api/v1/duty/handovers/:id/acknowledge',
    auth: true,
    body: Empty,
    params: DutyIdParams,
    response: Handover,
  },
  /** The caller's alerts of the last 7 days (overdue legs, 督办 against its unit, cameras lent to it). */
  alerts: { method: 'GET', path: '/api/v1/alerts', auth: true, body: Empty, response: HubAlertList },
  alertsAcknowledge: {
    method: 'POST',
    path: '/api/v1/alerts/acknowledge',
    auth: true,
    body: AlertAckRequest,
    response: Ok,
  },
} as const satisfies Record<string, HubRoute>;

const IdCall = zod.strictObject({ id: zod.string().min(1).max(64) });

export const shiftConsoleCalls = {
  'duty.roster': { request: RosterQuery, response: DutyRoster },
  'duty.addShift': { request: DutyShiftInput, response: DutyShift },
  'duty.removeShift': { request: IdCall, response: Ok },
  'duty.now': { request: Empty, response: OnDutyNow },
  'duty.writeHandover': { request: HandoverInput, response: Handover },
  'duty.handovers': { request: HandoverQuery, response: HandoverList },
  'duty.handover': { request: IdCall, response: Handover },
  'duty.acknowledgeHandover': { request: IdCall, response: Handover },
  'alerts.list': { request: Empty, response: HubAlertList },
  'alerts.acknowledge': { request: AlertAckRequest, response: Ok },
} as const satisfies Record<string, ConsoleCall>;
