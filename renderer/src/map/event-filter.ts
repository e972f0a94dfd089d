/**
 * The map's filters as the GPU applies them: a day range on the time column and one 32-bit mask per category column
 * (grade, major category, status, source). Changing a filter changes these uniforms only; the event arrays on the
 * GPU stay as uploaded. `countInWindow` is the same test on the CPU, for hover counts.
 */
import type { MapEventsDictionary } from '../../../common/map-events-format.js';
import type { EventData } from './event-attributes.js';

/** What the user picked; null or an empty list means "all". */
export interface MapFilter {
  readonly grades: readonly string[] | null;
  readonly majors: readonly string[] | null;
  readonly statuses: readonly string[] | null;
  readonly sources: readonly string[] | null;
  /** Days since the period's start, [first, last] inclusive of fractions; null = the whole period. */
  readonly window: readonly [number, number] | null;
}

export const NO_FILTER: MapFilter = { grades: null, majors: null, statuses: null, sources: null, window: null };

type Column = 'grades' | 'majors' | 'statuses' | 'sources';
const COLUMNS: readonly Column[] = ['grades', 'majors', 'statuses', 'sources'];

/** The allowed indices per category column, in the extension's `filterCategories` shape. */
export function filterCategories(filter: MapFilter, dictionary: Omit<MapEventsDictionary, 'grids'>): number[][] {
  return COLUMNS.map((column) => {
    const names = dictionary[column];
    const picked = filter[column];
    if (!picked || picked.length === 0) return names.map((_, i) => i);
    return names.flatMap((name, i) => (picked.includes(name) ? [i] : []));
  });
}

/** The same choice as four bit masks (the uniform the heatmap's filter reads). */
export function categoryBitMask(categories: readonly (readonly number[])[]): Uint32Array {
  return Uint32Array.from(categories, (indices) => indices.reduce((mask, i) => (mask | (1 << i)) >>> 0, 0));
}

/** The time filter's range; the whole period (with a margin) when no window is set. */
export function filterRange(filter: MapFilter, periodDays: number): [number, number] {
  return filter.window ? [filter.window[0], filter.window[1]] : [-1, periodDays + 1];
}

/** Events in [start, end) that pass the filter — the GPU's test, done on the CPU for one grid or unit. */
export function countInWindow(
  data: EventData,
  start: number,
  end: number,
  masks: Uint32Array,
  range: readonly [number, number],
): number {
  const c = data.events.categories;
  let count = 0;
  for (let i = start; i < end; i++) {
    const day = data.day[i]!;
    if (day < range[0] || day > range[1]) continue;
    if (
      (masks[0]! >>> c[4 * i]!) & 1 &&
      (masks[1]! >>> c[4 * i + 1]!) & 1 &&
      (masks[2]! >>> c[4 * i + 2]!) & 1 &&
      (masks[3]! >>> c[4 * i + 3]!) & 1
    ) {
      count += 1;
    }
  }
  return count;
}
