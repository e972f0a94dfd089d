/**
 * The org units of the user's scope (as the hub returns them: flat, with parentCode) and the unit picked in the
 * tree. Views read the selection to focus their content (the wall on that area's cameras, the map on its bounds).
 */
import { create } from 'zustand';
import type { OrgUnit } from '../../../common/schemas.js';
import { call } from '../bridge/index.js';

interface OrgState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  units: OrgUnit[];
  error: unknown;
  selectedCode: string | null;
  load(): Promise<void>;
  select(code: string | null): void;
}

/** Counts loads so a slow, older answer (say, from before a re-login) never overwrites a newer one. */
let loadSequence = 0;

export const useOrgStore = create<OrgState>()((set) => ({
  status: 'idle',
  units: [],
  error: null,
  selectedCode: null,

  async load() {
    const sequence = ++loadSequence;
    // Drop the previous user's units at once: a different scope must never show, even briefly.
    set({ status: 'loading', units: [], error: null, selectedCode: null });
    try {
      const units = await call('org.units', {});
      if (sequence === loadSequence) set({ status: 'ready', units });
    } catch (error) {
      if (sequence === loadSequence) set({ status: 'failed', error });
    }
  },

  select(code) {
    set({ selectedCode: code });
  },
}));

/** The selected unit, or null. */
export function useSelectedUnit(): OrgUnit | null {
  return useOrgStore((state) => state.units.find((unit) => unit.code === state.selectedCode) ?? null);
}
