import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECYCLE_EVERY_MS, RecycleSchedule, staggerOffset } from '../../renderer/src/wall/recycle-schedule.js';

// The schedule a wall left running all night follows: every player rebuilt once an hour, one tile at a time, spread
// over the hour rather than bunched (a bunch is a burst of reconnects at the hub and a burst of allocations here).
describe('wall player rebuild schedule', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-02T08:00:00+08:00') }));
  afterEach(() => vi.useRealTimers());

  /** Registers `tiles` players in the given order and records when each was rebuilt over `minutes`. */
  function run(order: readonly number[], minutes: number): Map<number, number[]> {
    const rebuilt = new Map<number, number[]>();
    const budget = new RecycleSchedule();
    budget.start();
    const started = Date.now();
    for (const index of order) {
      budget.register(index, () =>
        rebuilt.set(index, [...(rebuilt.get(index) ?? []), (Date.now() - started) / 60_000]),
      );
      vi.advanceTimersByTime(300); // players start one after another, as a filling wall's do
    }
    vi.advanceTimersByTime(minutes * 60_000);
    budget.stop();
    return rebuilt;
  }

  it('rebuilds each of 16 players once in its first hour, never two in the same minute', () => {
    const rebuilt = run([...Array(16).keys()], 61);
    expect([...rebuilt.keys()].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    for (const times of rebuilt.values()) expect(times).toHaveLength(1);
    const times = [...rebuilt.values()].map((t) => t[0]!).sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, k) => t - times[k]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
  });

  it('spreads the rebuilds over the hour whatever order the players registered in', () => {
    for (const order of [
      [...Array(16).keys()],
      [...Array(16).keys()].reverse(),
      [5, 12, 0, 9, 3, 15, 7, 1, 14, 10, 2, 8, 13, 4, 11, 6],
    ]) {
      const times = [...run(order, 61).values()].map((t) => t[0]!);
      // Before the change, 8 of 16 fell in the first ~7 minutes. Now each quarter of the hour holds 3 to 5.
      expect(times).toHaveLength(16);
      for (let quarter = 0; quarter < 4; quarter++) {
        const inQuarter = times.filter((t) => Math.min(3, Math.floor(t / 15)) === quarter).length;
        expect(inQuarter).toBeGreaterThanOrEqual(3);
        expect(inQuarter).toBeLessThanOrEqual(5);
      }
    }
  });

  it('keeps a one-hour rhythm per player through a night', () => {
    const rebuilt = run([...Array(9).keys()], 8 * 60);
    for (const times of rebuilt.values()) {
      expect(times).toHaveLength(8);
      const gaps = times.slice(1).map((t, k) => t - times[k]!);
      for (const gap of gaps) expect(gap).toBeCloseTo(RECYCLE_EVERY_MS / 60_000, -0.5);
    }
  });

  it('places any tile count evenly: offsets are distinct fractions of the period', () => {
    const offsets = [...Array(36).keys()].map(staggerOffset);
    expect(new Set(offsets.map((o) => o.toFixed(6))).size).toBe(36);
    for (const o of offsets) expect(o >= 0 && o < 1).toBe(true);
  });

  it('stops rebuilding a player once it is unregistered', () => {
    const budget = new RecycleSchedule();
    budget.start();
    let rebuilds = 0;
    const unregister = budget.register(3, () => rebuilds++);
    unregister();
    vi.advanceTimersByTime(2 * RECYCLE_EVERY_MS);
    budget.stop();
    expect(rebuilds).toBe(0);
  });
});
