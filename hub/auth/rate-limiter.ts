/**
 * Failed logins per key (here: client address, and client address + username), in memory. The first
 * `freeFailures` cost nothing; after that each attempt must wait a delay that doubles with every further failure
 * (1 s, 2 s, 4 s … at most the window), counted from the last failure. Only failures count, so one client's
 * guessing never delays another client, and a key is forgotten a window after its last failure.
 */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Seconds until the next attempt is allowed, for the Retry-After header (0 when allowed). */
  readonly retryAfterSeconds: number;
}

interface Failures {
  last: number;
  count: number;
}

export class FailureThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly freeFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(key: string): RateLimitDecision {
    const entry = this.live(key);
    if (!entry || entry.count < this.freeFailures) return { allowed: true, retryAfterSeconds: 0 };
    const delay = Math.min(this.windowMs, 1000 * 2 ** Math.min(30, entry.count - this.freeFailures));
    const wait = entry.last + delay - this.now();
    return wait > 0
      ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
      : { allowed: true, retryAfterSeconds: 0 };
  }

  fail(key: string): void {
    const entry = this.live(key) ?? { last: 0, count: 0 };
    entry.count += 1;
    entry.last = this.now();
    this.failures.set(key, entry);
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.live(k);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.last >= this.windowMs) this.failures.delete(key);
    return this.failures.get(key);
  }
}
