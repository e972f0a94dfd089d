/** HTTP routes of recording policies (common/contract-recording-policy.ts): administrators only, like the county's. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import type { User } from '../../common/schemas.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { requireCountyAdmin } from '../org/org-import.js';
import {
  explainRecordingPolicy,
  listRecordingPolicies,
  removeRecordingPolicy,
  setRecordingPolicy,
  type PolicyCaller,
} from './policy-admin.js';
import type { RecordingServices } from './recording-services.js';

const callerOf = (user: User, ip: string): PolicyCaller => ({ actor: { id: user.id, username: user.username }, ip });

export function registerRecordingPolicyRoutes(
  app: FastifyInstance,
  hub: HubContext,
  recording: RecordingServices,
): void {
  route(app, hub, hubRoutes.adminRecordingPolicies, ({ session }) => {
    requireCountyAdmin(session.user);
    return listRecordingPolicies(hub, recording);
  });
  route(app, hub, hubRoutes.adminRecordingPolicySet, ({ session, request, body }) => {
    requireCountyAdmin(session.user);
    return setRecordingPolicy(hub, recording, body, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminRecordingPolicyRemove, ({ session, request, body }) => {
    requireCountyAdmin(session.user);
    return removeRecordingPolicy(hub, recording, body.target, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminRecordingPolicyEffective, ({ session, params }) => {
    requireCountyAdmin(session.user);
    return explainRecordingPolicy(hub, recording, params.id);
  });
}
