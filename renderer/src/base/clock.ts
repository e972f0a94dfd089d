/**
 * The renderer's one clock: one timer, ticking on the second, for every live countdown, the header clock, the wall's
 * watermarks and tour countdowns. Subscribers select a primitive from the time (useSyncExternalStore), so a tick
 * re-renders only what changed — never the board, its columns or the wall grid — however many tiles show the time.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
  // Re-aligned on every tick so the seconds turn over together, close to the wall clock's.
  timer = setTimeout(tick, 1000 - (now % 1000) + 5);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setTimeout(tick, 1000 - (now % 1000) + 5);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time, refreshed every second. Re-renders the caller every second: prefer `useTicking`. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/**
 * A value derived from the clock, re-rendering the caller only when it changes. `select` must return a primitive
 * (or the same object for the same input), as useSyncExternalStore compares snapshots with Object.is.
 */
export function useTicking<T>(select: (nowMs: number) => T): T {
  return useSyncExternalStore(subscribe, () => select(now));
}
