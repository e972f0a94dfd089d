import type { AuthService } from './auth/auth-service.js';
import type { RateLimiter } from './auth/rate-limiter.js';
import type { HubDatabase } from './db/database.js';
import type { ConsoleRealtime } from './realtime/console-namespace.js';

/** What every route handler may use; built once in server.ts. */
export interface HubContext {
  readonly db: HubDatabase;
  readonly auth: AuthService;
  readonly realtime: ConsoleRealtime;
  readonly demo: boolean;
  readonly now: () => number;
  readonly loginLimitByAddress: RateLimiter;
  readonly loginLimitByUsername: RateLimiter;
}
