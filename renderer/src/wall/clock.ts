/** One shared clock for the wall's watermarks and tour countdowns: one timer however many tiles show the time. */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now();
  listeners.forEach((listener) => listener());
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
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** A value derived from the clock; the caller re-renders only when it changes (return a primitive). */
export function useClock<T>(select: (nowMs: number) => T): T {
  return useSyncExternalStore(subscribe, () => select(now));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date and time to the second, as command rooms write it: 2026-05-12 14:03:22. */
export function formatStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** For file names: 20260512-140322. */
export function fileStamp(ms: number): string {
  return formatStamp(ms).replace(/[-:]/g, '').replace(' ', '-');
}
