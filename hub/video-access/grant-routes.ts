/** `GET/POST /api/v1/camera-grants` and `POST /api/v1/camera-grants/:id/revoke` (rules in camera-grants.ts). */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { createGrant, listGrantsFor, revokeGrant } from './camera-grants.js';
import { publishGrantAlert } from '../shift/hub-alerts.js';

export function registerGrantRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.cameraGrants, ({ session }) => ({ items: listGrantsFor(hub, session.user) }));

  route(app, hub, hubRoutes.cameraGrantCreate, async ({ body, session }) => {
    const grant = await hub.writes.run(() => createGrant(hub, session.user, body));
    publishGrantAlert(hub, grant.id); // the borrowing room hears its camera has arrived
    return grant;
  });

  route(app, hub, hubRoutes.cameraGrantRevoke, ({ session, params }) =>
    hub.writes.run(() => revokeGrant(hub, session.user, params.id)),
  );
}
