/**
 * `GET /api/v1/audit/views?from&to&user&camera&kind&limit&format=json|csv`: the view audit for roles holding
 * `audit.read` (county duty officers, admins), cut to the reader's subtree. Registered by hand rather than with
 * `route()` because it reads a query string and may answer CSV.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows } from '../../common/scope-policy.js';
import { viewAuditToCsv } from '../../common/view-audit-csv.js';
import { ViewAuditQuery } from '../../common/video-schemas.js';
import type { HubContext } from '../hub-context.js';
import { bearerToken, parseWith } from '../http/route.js';
import { listAudit } from './view-audit-store.js';

export function registerAuditRoutes(app: FastifyInstance, hub: HubContext): void {
  const spec = hubRoutes.auditViews;
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const { user } = hub.auth.authenticate(bearerToken(request));
      if (!roleAllows(user, 'audit.read')) {
        throw new GridCommandError('forbidden', 'not permitted for your role');
      }
      const query = parseWith(ViewAuditQuery, request.query ?? {});
      const result = listAudit(hub.db, {
        scopeCode: user.orgUnitCode,
        from: query.from === undefined ? undefined : Date.parse(query.from),
        to: query.to === undefined ? undefined : Date.parse(query.to),
        user: query.user,
        camera: query.camera,
        kind: query.kind,
        limit: query.limit,
      });
      void reply.header('cache-control', 'no-store');
      if (query.format === 'csv') {
        const stamp = new Date(hub.now()).toISOString().slice(0, 10);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="view-audit-${stamp}.csv"`)
          .header('x-truncated', String(result.truncated))
          .send(viewAuditToCsv(result.items));
      }
      return reply.send(result);
    },
  });
}
