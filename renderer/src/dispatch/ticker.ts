/**
 * One shared one-second clock for every live countdown. Cards subscribe to it individually (through
 * useSyncExternalStore with a selector that returns a primitive), so a tick re-renders only the countdowns whose
 * text changed — never the board or its columns.
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
