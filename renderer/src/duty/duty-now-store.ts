/**
 * Who is on duty in the user's room now (the header's indicator): asked on sign-in, every minute, and after this
 * console edits the roster. A user without a command room (a village wall) gets `null` and no indicator.
 */
import { create } from 'zustand';
import type { OnDutyNow } from '../../../common/shift-schemas.js';
import { call } from '../bridge/index.js';

interface DutyNowStore {
  now: OnDutyNow | null;
  refresh(): Promise<void>;
}

export const useDutyNowStore = create<DutyNowStore>()((set) => ({
  now: null,
  async refresh() {
    try {
      set({ now: await call('duty.now', {}) });
    } catch {
      set({ now: null });
    }
  },
}));
