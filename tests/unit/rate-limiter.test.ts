import { describe, expect, it } from 'vitest';
import { FailureThrottle } from '../../hub/auth/rate-limiter.js';

describe('login failure throttle', () => {
  it('lets N failures pass, then asks for a delay that doubles with each failure, then forgets', () => {
    let now = 1_000_000;
    const throttle = new FailureThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('a').allowed).toBe(true);
      throttle.fail('a');
    }
    expect(throttle.check('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(throttle.check('b').allowed).toBe(true);
    now += 1000;
    expect(throttle.check('a').allowed).toBe(true);
    throttle.fail('a');
    expect(throttle.check('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 2000;
    throttle.fail('a');
    expect(throttle.check('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    now += 60_000;
    expect(throttle.check('a').allowed).toBe(true);
    throttle.fail('a');
    expect(throttle.check('a').allowed).toBe(true); // a new window: one failure so far
  });
});
