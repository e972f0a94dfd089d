import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../hub/auth/rate-limiter.js';

describe('login rate limiter', () => {
  it('allows N attempts per window per key, then says when to retry, then resets', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('user:a').allowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(limiter.hit('user:a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.hit('user:b').allowed).toBe(true);
    now += 40_000;
    expect(limiter.hit('user:a').allowed).toBe(true);
  });
});
