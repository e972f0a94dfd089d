import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
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
      const answer = await hub.auth.login(body.username, body.password);
      hub.loginThrottle.byAddressUser.clear(keys.addressUser);
      return answer;
    } catch (err) {
      if (!(err instanceof GridCommandError) || err.code !== 'invalid_credentials') throw err;
      hub.loginThrottle.byAddress.fail(keys.address);
      hub.loginThrottle.byAddressUser.fail(keys.addressUser);
      if (user) {
        const { lockAfter, lockWindowMs } = hub.loginThrottle.limits;
        const at = hub.now();
        const failures = recordLoginFailure(hub.db, user.id, at, at - lockWindowMs);
        if (failures >= lockAfter) {
          lockUser(hub.db, user.id, at, failures);
          request.log.warn({ event: 'account_locked', address: request.ip, username, failures }, 'account locked');
        }
      }
      throw err;
    }
  });

  route(app, hub, hubRoutes.logout, ({ session }) => {
    hub.auth.revoke(session.sessionId);
    hub.realtime.endSession(session.sessionId, 'logout');
    return { ok: true as const };
  });

  route(app, hub, hubRoutes.me, ({ session }) => session.user);

  route(app, hub, hubRoutes.userUnlock, ({ session, params, request }) => {
    if (session.user.role !== 'admin') {
      throw new GridCommandError('forbidden', 'Only an administrator can unlock accounts', undefined, 403);
    }
    const user = findUserById(hub.db, params.userId);
    if (!user) throw new GridCommandError('not_found', 'No such user', 'userId', 404);
    const wasLocked = unlockUser(hub.db, user.id);
    request.log.warn(
      { event: 'account_unlocked', username: user.username, by: session.user.username, wasLocked },
      'account unlocked',
    );
    return { ok: true as const };
  });
}
