/** `GET/POST /api/v1/cameras/:id/ptz` and `GET /api/v1/cameras/:id/ptz/audit` (rules in ptz-service.ts). */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { canAct } from '../../common/scope-policy.js';
import { getCamera } from '../cameras/cameras-store.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { PtzService, type PtzOptions } from './ptz-service.js';
import { listPtzAudit } from './ptz-store.js';

export function registerPtzRoutes(app: FastifyInstance, hub: HubContext, options: PtzOptions = {}): PtzService {
  const ptz = new PtzService(hub, options);
  route(app, hub, hubRoutes.cameraPtz, ({ session, params }) => ptz.status(session.user, params.id));
  route(app, hub, hubRoutes.cameraPtzCommand, ({ session, params, body }) =>
    ptz.command(session.user, params.id, body),
  );
  route(app, hub, hubRoutes.cameraPtzAudit, ({ session, params }) => {
    const camera = getCamera(hub.db, params.id);
    if (!camera || !canAct(session.user, 'audit.read', camera.orgUnitCode)) {
      throw new GridCommandError('forbidden', 'not permitted for your role or area');
    }
    return { items: listPtzAudit(hub.db, camera.id) };
  });
  return ptz;
}
