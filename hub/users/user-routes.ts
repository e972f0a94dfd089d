/**
 * Accounts over HTTP: the caller's own password, and the administration of users, sessions and the admin audit
 * (admin role only — `user.manage` in the scope policy, checked here on every call before anything is read).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { instantOf } from '../../common/time-range.js';
import { listAdminAudit, recordAdminAct } from '../admin-audit/admin-audit-store.js';
import type { AuthenticatedSession } from '../auth/auth-service.js';
import { findUserById } from '../auth/users-store.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { listUsersForAdmin, sessionOwner, sessionsOfUser } from './admin-users-store.js';
import {
  changeOwnPassword,
  changeUser,
  createUser,
  requireUserManager,
  resetPassword,
  setDisabled,
  type Acting,
} from './user-admin.js';
import { importUsers } from './users-import.js';
import { canAct } from '../../common/scope-policy.js';

function manager(session: AuthenticatedSession, request: FastifyRequest): Acting {
  requireUserManager(session.user);
  return { user: session.user, ip: request.ip };
}

export function registerUserRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.changePassword, ({ session, body, request }) =>
    changeOwnPassword(hub, { user: session.user, ip: request.ip }, body.currentPassword, body.newPassword),
  );

  route(app, hub, hubRoutes.adminUsers, ({ session, request, query }) => {
    manager(session, request);
    const { items, total } = listUsersForAdmin(
      hub.db,
      { ...query, offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      hub.now(),
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  });

  route(app, hub, hubRoutes.adminUserCreate, ({ session, request, body }) =>
    createUser(hub, manager(session, request), body),
  );

  route(app, hub, hubRoutes.adminUsersImport, ({ session, request, body }) =>
    importUsers(hub, manager(session, request), body.csv, body.dryRun),
  );

  route(app, hub, hubRoutes.adminUserUpdate, ({ session, request, params, body }) =>
    changeUser(hub, manager(session, request), params.userId, body),
  );

  route(app, hub, hubRoutes.adminUserDisable, ({ session, request, params }) =>
    setDisabled(hub, manager(session, request), params.userId, true),
  );

  route(app, hub, hubRoutes.adminUserEnable, ({ session, request, params }) =>
    setDisabled(hub, manager(session, request), params.userId, false),
  );

  route(app, hub, hubRoutes.adminUserResetPassword, ({ session, request, params }) =>
    resetPassword(hub, manager(session, request), params.userId),
  );

  route(app, hub, hubRoutes.adminUserSessions, ({ session, request, params }) => {
    const acting = manager(session, request);
    const target = findUserById(hub.db, params.userId);
    if (!target || !canAct(acting.user, 'user.manage', target.orgUnitCode)) {
      throw new GridCommandError('not_found', 'no such user', 'userId', 404);
    }
    return { items: sessionsOfUser(hub.db, target.id, hub.now()) };
  });

  route(app, hub, hubRoutes.adminSessionEnd, async ({ session, request, params }) => {
    const acting = manager(session, request);
    const owner = sessionOwner(hub.db, params.sessionId);
    const target = owner && findUserById(hub.db, owner.userId);
    if (!owner || !target || !canAct(acting.user, 'user.manage', target.orgUnitCode)) {
      throw new GridCommandError('not_found', 'no such session', 'sessionId', 404);
    }
    const ended = await hub.writes.run(() => {
      const revoked = hub.auth.revoke(params.sessionId);
      if (revoked) {
        recordAdminAct(hub.db, {
          actor: { id: acting.user.id, username: acting.user.username },
          action: 'session.ended',
          target: owner.username,
          detail: { sessionId: params.sessionId, by: 'administrator' },
          ip: acting.ip,
          at: hub.now(),
        });
      }
      return revoked;
    });
    if (ended) hub.realtime.endSession(params.sessionId, 'revoked');
    return { ok: true as const };
  });

  route(app, hub, hubRoutes.adminAudit, ({ session, request, query }) => {
    manager(session, request);
    const { items, total } = listAdminAudit(hub.db, {
      actor: query.actor,
      action: query.action,
      from: query.from === undefined ? undefined : instantOf(query.from),
      to: query.to === undefined ? undefined : instantOf(query.to),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}
