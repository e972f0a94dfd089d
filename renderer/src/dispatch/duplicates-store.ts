/**
 * 疑似重复 markers for the board's cards: the hub's per-case suggestion counts for cases at intake that this user may
 * merge (cases.duplicateCounts). Re-asked a moment after the board changes (a new report, a merge), so a burst of
 * pushes costs one request; each card subscribes to its own count only.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { call } from '../bridge/index.js';
import { useBoardStore } from '../base/cases/board-store.js';

interface DuplicateState {
  counts: ReadonlyMap<string, number>;
  set(counts: ReadonlyMap<string, number>): void;
}

export const useDuplicateStore = create<DuplicateState>((set) => ({
  counts: new Map(),
  set: (counts) => set({ counts }),
}));

const SETTLE_MS = 800;

/** Keeps the counts in step with the board while the dispatch view is open. */
export function useDuplicateCounts(): void {
  const cases = useBoardStore((s) => s.board.cases);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      call('cases.duplicateCounts', {}).then(
        ({ counts }) => {
          if (live) useDuplicateStore.getState().set(new Map(counts.map((c) => [c.caseId, c.count])));
        },
        // Hub unreachable: the markers keep their last values; the suggestions are a hint, not a duty.
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [cases]);
}
