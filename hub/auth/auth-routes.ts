import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';

export function registerAuthRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.login, async ({ body, request }) => {
    // Both limits are checked before any password work, so a flood costs the hub nothing but a counter.
    for (const key of [`addr:${request.ip}`, `user:${body.username.toLowerCase()}`]) {
      const decision = (key.startsWith('addr:') ? hub.loginLimitByAddress : hub.loginLimitByUsername).hit(key);
      if (!decision.allowed) {
        throw new GridCommandError('rate_limited', 'too many login attempts, try again later', undefined, undefined, {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
    }
    return hub.auth.login(body.username, body.password);
  });

  route(app, hub, hubRoutes.logout, ({ session }) => {
    hub.auth.revoke(session.sessionId);
    hub.realtime.endSession(session.sessionId, 'logout');
    return { ok: true as const };
  });

  route(app, hub, hubRoutes.me, ({ session }) => session.user);
}
