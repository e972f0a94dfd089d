/**
 * The watch list (关注): cases an officer follows instead of finding them again by number. Per user, on this
 * console (local-prefs.ts) — see README "What needs action now" for why not on the hub. At most 200 ids; the oldest
 * fall off first.
 */
import { create } from 'zustand';
import { readPref, writePref } from '../local-prefs.js';

const MAX_WATCHED = 200;

interface WatchStore {
  userId: string | null;
  watched: ReadonlySet<string>;
  load(userId: string): void;
  toggle(caseId: string): void;
}

const parseIds = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(-MAX_WATCHED) : null;

export const useWatchStore = create<WatchStore>()((set, get) => ({
  userId: null,
  watched: new Set(),
  load(userId) {
    if (get().userId === userId) return;
    set({ userId, watched: new Set(readPref(userId, 'watched', parseIds) ?? []) });
  },
  toggle(caseId) {
    const { userId, watched } = get();
    if (!userId) return;
    const next = new Set(watched);
    if (next.has(caseId)) next.delete(caseId);
    else next.add(caseId);
    const ids = [...next].slice(-MAX_WATCHED);
    writePref(userId, 'watched', ids);
    set({ watched: new Set(ids) });
  },
}));
