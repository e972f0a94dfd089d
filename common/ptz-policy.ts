/**
 * Who may steer a camera, and the one-operator-at-a-time lock. Pure: the hub enforces both (hub/ptz/ptz-service.ts),
 * the console mirrors them to show the pad and the lock.
 */
import { isWithinScope } from './org.js';
import { roleAllows, type Principal } from './scope-policy.js';

export interface SteerFacts {
  readonly cameraOrgUnitCode: string;
  /** The camera is PTZ-capable and a driver can reach it. */
  readonly steerable: boolean;
  /** A live loan of this camera to exactly the user's unit, and whether it allows steering; null when none. */
  readonly loan: { readonly maySteer: boolean } | null;
}

export type SteerVerdict = 'ok' | 'ptz_not_supported' | 'ptz_not_permitted';

/**
 * Steering follows the level: a room steers the cameras in its own subtree (a township its township's, the county
 * all), never a neighbour's. A camera lent from outside is steered only when its loan says so. Wall operation is the
 * role that steers: whoever may run a wall in that room (watch-only roles and admins do not).
 */
export function steerVerdict(principal: Principal, facts: SteerFacts): SteerVerdict {
  if (!roleAllows(principal, 'wall.operate') || !roleAllows(principal, 'camera.view')) return 'ptz_not_permitted';
  const own = isWithinScope(principal.orgUnitCode, facts.cameraOrgUnitCode);
  if (!own && !facts.loan?.maySteer) return 'ptz_not_permitted';
  return facts.steerable ? 'ok' : 'ptz_not_supported';
}

/** 60 s after the holder's last command the lock lapses and anyone permitted may take the camera. */
export const PTZ_LOCK_MS = 60_000;

export interface LockHolder {
  readonly userId: string;
  readonly displayName: string;
  readonly expiresAt: number;
}

export type LockOutcome = { ok: true; holder: LockHolder } | { ok: false; holder: LockHolder };

/**
 * The locks of every camera, in memory on the hub (a lock is a minute of one operator's attention: after a hub restart
 * nobody holds one, which is right). `now` is passed in so the hub's clock (and the tests') decides.
 */
export class PtzLocks {
  private readonly held = new Map<string, LockHolder>();

  constructor(private readonly lockMs: number = PTZ_LOCK_MS) {}

  /** The live holder of a camera's lock, if any. */
  holder(cameraId: string, now: number): LockHolder | null {
    const h = this.held.get(cameraId);
    if (!h) return null;
    if (h.expiresAt <= now) {
      this.held.delete(cameraId);
      return null;
    }
    return h;
  }

  /** Takes or renews the lock for `user`; refused (with who holds it) while someone else's lock is live. */
  acquire(cameraId: string, user: { id: string; displayName: string }, now: number): LockOutcome {
    const current = this.holder(cameraId, now);
    if (current && current.userId !== user.id) return { ok: false, holder: current };
    const holder = { userId: user.id, displayName: user.displayName, expiresAt: now + this.lockMs };
    this.held.set(cameraId, holder);
    return { ok: true, holder };
  }

  /** Gives the lock back; only its holder can. */
  release(cameraId: string, userId: string, now: number): boolean {
    const current = this.holder(cameraId, now);
    if (!current || current.userId !== userId) return false;
    this.held.delete(cameraId);
    return true;
  }
}
