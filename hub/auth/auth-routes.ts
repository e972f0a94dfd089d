import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import { canAct } from '../../common/scope-policy.js';
import { isUserLocked, lockUser, recordLoginFailure, unlockUser } from './login-locks-store.js';
import { findUserById, findUserByUsername } from './users-store.js';

export interface LoginLimits {
  /** Failed logins from one address (any users) before each further attempt waits a doubling delay. */
  readonly perAddress: number;
  /** Failed logins for one user from one address before the same. */
  readonly perAddressUser: number;
  /** A throttle is forgotten this long after its last failure. */
  readonly windowMs: number;
  /** Failures of one account, from any addresses, within `lockWindowMs` that lock it until an admin unlocks it. */
  readonly lockAfter: number;
  readonly lockWindowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAddress: 30,
  perAddressUser: 5,
  windowMs: 60_000,
  lockAfter: 50,
  lockWindowMs: 3_600_000,
};

/** Every refusal and lock is logged with the address and username, never the password. */
function refuse(
  request: FastifyRequest,
  event: string,
  detail: Record<string, unknown>,
  error: GridCommandError,
): never {
  request.log.warn({ event, address: request.ip, ...detail }, `login refused: ${event}`);
  throw error;
}

export function registerAuthRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.login, async ({ body, request }) => {
    const username = body.username.toLowerCase();
    const keys = { address: `addr:${request.ip}`, addressUser: `addr-user:${request.ip}|${username}` };
    // The throttles are checked before any password work, so a flood costs the hub nothing but a counter. They
    // key on the client address, so one client's failures never refuse another client's right password.
    for (const [key, throttle] of [
      [keys.address, hub.loginThrottle.byAddress],
      [keys.addressUser, hub.loginThrottle.byAddressUser],
    ] as const) {
      const decision = throttle.check(key);
      if (!decision.allowed) {
        refuse(
          request,
          key === keys.address ? 'login_throttled_address' : 'login_throttled_address_user',
          { username, retryAfterSeconds: decision.retryAfterSeconds },
          new GridCommandError(
            'rate_limited',
            'Too many failed logins from this client, try again later',
            undefined,
            undefined,
            { retryAfterSeconds: decision.retryAfterSeconds },
          ),
        );
      }
    }
    const user = findUserByUsername(hub.db, body.username);
    const locked = () =>
      new GridCommandError('account_locked', 'This account is locked; an administrator must unlock it', undefined, 423);
    if (user && isUserLocked(hub.db, user.id)) refuse(request, 'login_refused_locked', { username }, locked());
    try {
      const answer = await hub.auth.login(body.username, body.password, request.ip);
      hub.loginThrottle.byAddressUser.clear(keys.addressUser);
      recordAdminAct(hub.db, {
        actor: { id: answer.user.id, username: answer.user.username },
        action: 'login.succeeded',
        target: answer.user.username,
        ...(answer.user.mustChangePassword ? { detail: { oneTimePassword: true } } : {}),
        ip: request.ip,
        at: hub.now(),
      });
      return answer;
    } catch (err) {
      if (!(err instanceof GridCommandError) || err.code !== 'invalid_credentials') throw err;
      hub.loginThrottle.byAddress.fail(keys.address);
      hub.loginThrottle.byAddressUser.fail(keys.addressUser);
      const at = hub.now();
      // The username as typed (cut short: people do type passwords into the username field), and the address the
      // hub saw, which is what an administrator looks for after a guessing spree.
      recordAdminAct(hub.db, {
        actor: null,
        action: 'login.failed',
        target: username.slice(0, 64),
        detail: { knownUser: user !== undefined, ...(user?.disabled ? { disabled: true } : {}) },
        ip: request.ip,
        at,
      });
      if (user) {
        const { lockAfter, lockWindowMs } = hub.loginThrottle.limits;
        const failures = recordLoginFailure(hub.db, user.id, at, at - lockWindowMs);
        if (failures >= lockAfter) {
          lockUser(hub.db, user.id, at, failures);
          recordAdminAct(hub.db, {
            actor: null,
            action: 'user.locked',
            target: user.username,
            detail: { failures },
            ip: request.ip,
            at,
          });
          request.log.warn({ event: 'account_locked', address: request.ip, username, failures }, 'account locked');
        }
      }
      throw err;
    }
  });

  route(app, hub, hubRoutes.logout, ({ session, request }) => {
    if (hub.auth.revoke(session.sessionId)) {
      recordAdminAct(hub.db, {
        actor: { id: session.user.id, username: session.user.username },
        action: 'session.ended',
        target: session.user.username,
        detail: { sessionId: session.sessionId, by: 'logout' },
        ip: request.ip,
        at: hub.now(),
      });
    }
    hub.realtime.endSession(session.sessionId, 'logout');
    return { ok: true as const };
  });

  route(app, hub, hubRoutes.me, ({ session }) => session.user);

  route(app, hub, hubRoutes.userUnlock, ({ session, params, request }) => {
    if (!canAct(session.user, 'user.manage')) {
      throw new GridCommandError('forbidden', 'Only an administrator can unlock accounts', undefined, 403);
    }
    const user = findUserById(hub.db, params.userId);
    if (!user || !canAct(session.user, 'user.manage', user.orgUnitCode)) {
      throw new GridCommandError('not_found', 'No such user', 'userId', 404);
    }
    const wasLocked = hub.db.transaction(() => {
      const lifted = unlockUser(hub.db, user.id);
      recordAdminAct(hub.db, {
        actor: { id: session.user.id, username: session.user.username },
        action: 'user.unlocked',
        target: user.username,
        detail: { wasLocked: lifted },
        ip: request.ip,
        at: hub.now(),
      });
      return lifted;
    });
    request.log.warn(
      { event: 'account_unlocked', username: user.username, by: session.user.username, wasLocked },
      'account unlocked',
    );
    return { ok: true as const };
  });
}
