import type { FastifyBaseLogger } from 'fastify';
import type { AuthService } from './auth/auth-service.js';
import type { LoginLimits } from './auth/auth-routes.js';
import type { FailureThrottle } from './auth/rate-limiter.js';
import type { HubDatabase } from './db/database.js';
import type { GroupCommit } from './db/group-commit.js';
import type { CasePublisher } from './cases/case-publisher.js';
import type { ReferenceSource } from './reference/reference-source.js';
import type { GridLocator } from './org/grid-locator.js';
import type { ConsoleRealtime } from './realtime/console-namespace.js';
import type { VideoServices } from './video-access/video-services.js';

/** What every route handler may use; built once in server.ts. */
export interface HubContext {
  readonly db: HubDatabase;
  /** The hub's log (hub/logging.ts): background work that fails says so here rather than failing silently. */
  readonly log: FastifyBaseLogger;
  /** Every write goes through here: one transaction (one fsync) per batch of concurrent writes. */
  readonly writes: GroupCommit;
  /** Writes waiting for a commit beyond which new writes are refused with 503 (back-pressure). */
  readonly maxWriteBacklog: number;
  readonly auth: AuthService;
  /**
   * Taxonomy and deadline table by version, and the working-time calendar (hub/reference/): intake takes the version
   * in effect (`effectiveAt`), a move its case's own (`forCase`).
   */
  readonly reference: ReferenceSource;
  /** Point → grid, built from the stored grid polygons at start and rebuilt after an org-tree import. */
  gridLocator: GridLocator;
  readonly realtime: ConsoleRealtime;
  /** Pushes committed case changes to the consoles whose scope holds them. */
  readonly cases: CasePublisher;
  readonly demo: boolean;
  readonly now: () => number;
  /** Failed-login throttles (in memory) and the account-lock rule (durable, migration 0010). */
  readonly loginThrottle: {
    readonly byAddress: FailureThrottle;
    readonly byAddressUser: FailureThrottle;
    readonly limits: LoginLimits;
  };
  /** Video wall: stream tokens, media gateway, viewing sessions (hub/video-access, hub/media). */
  readonly video: VideoServices;
}
