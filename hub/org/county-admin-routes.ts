/** HTTP routes of loading a county (issue 13 §2): org-tree import and camera registry, administrators only. */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import {
  addCamera,
  editCamera,
  importCameras,
  listAdminCameras,
  probeCamera,
  retireRegistryCamera,
} from '../cameras/camera-registry.js';
import type { HubContext } from '../hub-context.js';
import { refuseWhenOverloaded, route } from '../http/route.js';
import type { User } from '../../common/schemas.js';
import { importOrgTree, requireCountyAdmin, type AdminCaller } from './org-import.js';

/** The administrator behind a request, for the admin audit. */
const callerOf = (user: User, ip: string): AdminCaller => ({ actor: { id: user.id, username: user.username }, ip });

export function registerCountyAdminRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.orgImport, ({ session, request, body }) => {
    requireCountyAdmin(session.user);
    if (!body.dryRun) refuseWhenOverloaded(hub);
    return importOrgTree(hub, body.text, body.dryRun, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.cameraImport, ({ session, request, body }) => {
    requireCountyAdmin(session.user);
    if (!body.dryRun) refuseWhenOverloaded(hub);
    return importCameras(hub, body.format, body.text, body.dryRun, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminCameras, ({ session }) => {
    requireCountyAdmin(session.user);
    return { items: listAdminCameras(hub) };
  });
  route(app, hub, hubRoutes.adminCameraAdd, ({ session, request, body }) => {
    requireCountyAdmin(session.user);
    return addCamera(hub, body, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminCameraEdit, ({ session, request, body, params }) => {
    requireCountyAdmin(session.user);
    return editCamera(hub, params.id, body, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminCameraRetire, ({ session, request, params }) => {
    requireCountyAdmin(session.user);
    return retireRegistryCamera(hub, params.id, callerOf(session.user, request.ip));
  });
  route(app, hub, hubRoutes.adminCameraProbe, ({ session, params }) => {
    requireCountyAdmin(session.user);
    return probeCamera(hub, params.id);
  });
}
