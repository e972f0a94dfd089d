/** The verifying desk's routes (common/contract-desk.ts): duplicate suggestions of a case, and per-card counts. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows } from '../../common/scope-policy.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { actorOf } from './case-routes.js';
import { duplicateCounts, duplicateSuggestions } from './duplicates.js';
import { readableCase } from './moves.js';

export function registerDeskRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.caseDuplicates, ({ session, params }) => {
    if (!roleAllows(session.user, 'case.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
    const c = readableCase(hub, session.user, params.caseId);
    return duplicateSuggestions(hub.db, session.user.orgUnitCode, c);
  });

  route(app, hub, hubRoutes.duplicateCounts, ({ session }) => {
    if (!roleAllows(session.user, 'case.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
    return duplicateCounts(hub.db, actorOf(session.user));
  });
}
