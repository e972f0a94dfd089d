/**
 * The KPI view's state, kept for the session so that leaving the view and coming back finds the same period, unit
 * and figures: the period choice, a department picked by a county user, and the reports fetched so far. A report of
 * the whole county's history takes the hub seconds, so answers are kept for a few minutes (the header says as of
 * when) and "重新统计" asks again.
 */
import type { DatePicker, GetProps } from 'antd';
import { create } from 'zustand';
import type { KpiReport } from '../../../common/kpi.js';
import { call } from '../bridge/index.js';
import { useSessionStore } from '../session/session-store.js';
import { presetPeriod, type Period, type PeriodPreset } from './kpi-view-model.js';

/** How long a report is reused before it is asked for again. */
const FRESH_MS = 5 * 60_000;
const MAX_ENTRIES = 24;

export interface KpiQueryKey {
  readonly userId: string;
  readonly period: Period;
  readonly orgUnit: string;
}

export interface KpiEntry {
  readonly loading: boolean;
  readonly report: KpiReport | null;
  readonly error: unknown;
  readonly fetchedAt: number;
}

export function queryKey(q: KpiQueryKey): string {
  return `${q.userId}|${q.period.from}|${q.period.to}|${q.orgUnit}`;
}

/** The custom range as the date picker holds it (its own date objects), so it shows again when the view returns. */
export type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

interface KpiState {
  preset: PeriodPreset;
  /** The period in force: a preset's, recomputed whenever it is chosen (the console runs across month ends). */
  period: Period | null;
  customValue: RangeValue;
  customPeriod: Period | null;
  /** The department a county user picked, valid while the org-tree selection is still `basis`. */
  department: { code: string; basis: string | null } | null;
  entries: Record<string, KpiEntry>;
  /** The last report shown, kept on screen (dimmed) while the next one loads. */
  shown: { key: string; userId: string; report: KpiReport } | null;
  choosePreset(preset: PeriodPreset): void;
  setCustomPeriod(period: Period | null, value: RangeValue): void;
  pickDepartment(code: string | null, basis: string | null): void;
  load(q: KpiQueryKey, force?: boolean): void;
}

export const useKpiStore = create<KpiState>()((set, get) => ({
  preset: 'thisMonth',
  period: presetPeriod('thisMonth', Date.now()),
  customValue: null,
  customPeriod: null,
  department: null,
  entries: {},
  shown: null,

  choosePreset(preset) {
    if (preset !== 'custom') {
      set({ preset, period: presetPeriod(preset, Date.now()) });
      return;
    }
    // Back to a range picked earlier, if any.
    set((state) => ({ preset, period: state.customValue ? state.customPeriod : null }));
  },

  setCustomPeriod(period, value) {
    set({ preset: 'custom', period, customPeriod: period, customValue: period ? value : null });
  },

  pickDepartment(code, basis) {
    set({ department: code ? { code, basis } : null });
  },

  load(q, force = false) {
    const key = queryKey(q);
    const existing = get().entries[key];
    if (existing?.loading) return;
    if (!force && existing?.report && Date.now() - existing.fetchedAt < FRESH_MS) {
      set({ shown: { key, userId: q.userId, report: existing.report } });
      return;
    }
    // Only this user's figures, the most recent few.
    const entries = Object.fromEntries(
      Object.entries(get().entries)
        .filter(([k]) => k.startsWith(`${q.userId}|`))
        .sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt)
        .slice(0, MAX_ENTRIES - 1),
    );
    entries[key] = {
      loading: true,
      report: existing?.report ?? null,
      error: null,
      fetchedAt: existing?.fetchedAt ?? 0,
    };
    const shown = get().shown;
    set({ entries, shown: shown?.userId === q.userId ? shown : null });

    const settle = (entry: KpiEntry) => {
      // An answer that arrives after its user signed out is dropped.
      if (useSessionStore.getState().user?.id !== q.userId) return;
      set((state) => ({
        entries: { ...state.entries, [key]: entry },
        shown: entry.report ? { key, userId: q.userId, report: entry.report } : state.shown,
      }));
    };
    call('stats.kpis', { from: q.period.from, to: q.period.to, orgUnit: q.orgUnit }).then(
      (report) => settle({ loading: false, report, error: null, fetchedAt: Date.now() }),
      (error: unknown) => {
        settle({ loading: false, report: null, error, fetchedAt: Date.now() });
      },
    );
  },
}));

// Signing out (or in as someone else) forgets the figures and the department picked: they belong to that session.
useSessionStore.subscribe((state, previous) => {
  if (state.user?.id !== previous.user?.id) useKpiStore.setState({ entries: {}, shown: null, department: null });
});
