/** Scoped reads: every list is cut to the caller's subtree in SQL, not filtered afterwards. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows } from '../../common/scope-policy.js';
import { listCamerasInScope } from '../cameras/cameras-store.js';
import { getMeta } from '../db/meta-store.js';
import { getOrgUnit, listOrgUnitsInScope } from './org-units-store.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';

const forbidden = () => new GridCommandError('forbidden', 'not permitted for your role');

export function registerOrgRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.health, () => {
    const code = getMeta(hub.db, 'county_code');
    const county = code ? getOrgUnit(hub.db, code) : undefined;
    return {
      status: 'ok' as const,
      county: county ? { code: county.code, name: county.name } : null,
      demo: hub.demo,
      time: new Date(hub.now()).toISOString(),
    };
  });

  route(app, hub, hubRoutes.orgUnits, ({ session }) => {
    if (!roleAllows(session.user, 'org.read')) throw forbidden();
    return { items: listOrgUnitsInScope(hub.db, session.user.orgUnitCode) };
  });

  route(app, hub, hubRoutes.cameras, ({ session }) => {
    if (!roleAllows(session.user, 'camera.view')) throw forbidden();
    return { items: listCamerasInScope(hub.db, session.user.orgUnitCode) };
  });
}
