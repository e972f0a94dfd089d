/**
 * The map's periods on Beijing calendar days (the county's), as ISO dates the hub reads as Beijing midnight:
 * `from` inclusive, `to` exclusive. A new period is the only filter that fetches again.
 */

/** The first year of the county platform's history. */
export const HISTORY_START_YEAR = 2017;

export type PeriodPreset = 'all' | 'last30' | 'last365' | `y${number}` | 'custom';

export interface Period {
  readonly preset: PeriodPreset;
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;

/** The Beijing date (YYYY-MM-DD) of an instant. */
export function beijingDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 10);
}

export function periodOf(preset: Exclude<PeriodPreset, 'custom'>, now: number): Period {
  const tomorrow = beijingDate(now + DAY_MS);
  if (preset === 'all') return { preset, from: `${HISTORY_START_YEAR}-01-01`, to: tomorrow };
  if (preset === 'last30') return { preset, from: beijingDate(now - 29 * DAY_MS), to: tomorrow };
  if (preset === 'last365') return { preset, from: beijingDate(now - 364 * DAY_MS), to: tomorrow };
  const year = Number(preset.slice(1));
  return { preset, from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** A custom range of whole days, `last` included. */
export function customPeriod(first: string, last: string): Period {
  const to = beijingDate(Date.parse(`${last}T00:00:00+08:00`) + DAY_MS);
  return { preset: 'custom', from: first, to };
}

/** The presets to offer: the rolling ones, then each year of history, newest first. */
export function periodPresets(now: number): Array<Exclude<PeriodPreset, 'custom'>> {
  const thisYear = Number(beijingDate(now).slice(0, 4));
  const years: Array<`y${number}`> = [];
  for (let year = thisYear; year >= HISTORY_START_YEAR; year--) years.push(`y${year}`);
  return ['all', 'last30', 'last365', ...years];
}

/** The Beijing date `days` after a period's start (for the time slider's labels). */
export function dateAfter(from: string, days: number): string {
  return beijingDate(Date.parse(`${from}T00:00:00+08:00`) + Math.floor(days) * DAY_MS);
}
