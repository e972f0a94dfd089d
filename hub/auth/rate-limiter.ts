/**
 * A fixed-window attempt counter per key (here: client address and username). Small and in memory: it guards one
 * hub process against password guessing; the window restarts when it lapses.
 */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Seconds until the window resets, for the Retry-After header. */
  readonly retryAfterSeconds: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateLimitDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (this.windows.size > 10_000) this.sweep(now);
    return { allowed: window.count <= this.maxAttempts, retryAfterSeconds };
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
