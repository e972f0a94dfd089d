/** The one time range: epoch numbers and ISO strings accept exactly the same instants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedDateTime, TIME_MAX_MS, TIME_MIN_MS, Timestamp } from '../../common/time-range.js';

const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

describe('time range', () => {
  it('starts at 2000-01-01 and ends before 2100-01-01, Beijing time', () => {
    expect(beijing(TIME_MIN_MS)).toBe('2000-01-01T00:00:00.000+08:00');
    expect(beijing(TIME_MAX_MS)).toBe('2100-01-01T00:00:00.000+08:00');
  });

  it('accepts an instant as a number exactly when it accepts it as an ISO string', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }), (ms) => {
        const inRange = ms >= TIME_MIN_MS && ms < TIME_MAX_MS;
        expect(Timestamp.safeParse(ms).success).toBe(inRange);
        const iso = new Date(ms).toISOString();
        if (/^\d{4}-/.test(iso)) expect(BoundedDateTime.safeParse(iso).success).toBe(inRange);
      }),
      { numRuns: 2000 },
    );
    for (const edge of [TIME_MIN_MS - 1, TIME_MIN_MS, TIME_MAX_MS - 1, TIME_MAX_MS]) {
      expect(Timestamp.safeParse(edge).success).toBe(edge >= TIME_MIN_MS && edge < TIME_MAX_MS);
    }
  });
});
