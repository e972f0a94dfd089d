/**
 * How this officer has arranged the console for their screen (issue 17 §3): which side panels are collapsed, the
 * wall's full-width mode, the wall-distance scale and the compact board cards. Per user on this console
 * (local-prefs.ts), so a panel folded away stays folded after a reload and the next person starts from their own.
 */
import { create } from 'zustand';
import { readPref, writePref } from './local-prefs.js';
import { DEFAULT_DISPLAY_PREFS, parseDisplayPrefs, type DisplayPrefs } from './display-prefs-model.js';

export { UI_SCALES, type UiScale } from './display-prefs-model.js';

interface DisplayPrefsStore extends DisplayPrefs {
  userId: string | null;
  load(userId: string): void;
  set(patch: Partial<DisplayPrefs>): void;
}

export const useDisplayPrefs = create<DisplayPrefsStore>()((set, get) => ({
  ...DEFAULT_DISPLAY_PREFS,
  userId: null,
  load(userId) {
    if (get().userId === userId) return;
    set({ userId, ...(readPref(userId, 'display', parseDisplayPrefs) ?? DEFAULT_DISPLAY_PREFS) });
  },
  set(patch) {
    const { userId } = get();
    const next = parseDisplayPrefs({ ...pick(get()), ...patch });
    if (userId) writePref(userId, 'display', next);
    set(next);
  },
}));

function pick(state: DisplayPrefs): DisplayPrefs {
  const { navCollapsed, orgCollapsed, wallSideCollapsed, wallFullWidth, scale, compactBoard, wallLiveFlv } = state;
  return { navCollapsed, orgCollapsed, wallSideCollapsed, wallFullWidth, scale, compactBoard, wallLiveFlv };
}
