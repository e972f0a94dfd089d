/**
 * The decoded events as deck.gl binary data: the hub's columns go to the GPU as they arrive (positions, the four
 * category indices), plus the two columns the GPU needs in float form — days since the period's start for the
 * time filter and the heat weight by grade. Built once per fetched period; every filter change after that only
 * changes uniforms, never these arrays.
 */
import { CATEGORY_SLOT, decodeMapEvents, type MapEvents } from '../../../common/map-events-format.js';
import { heatIntensity } from './heat-scale.js';

export const DAY_SECONDS = 86_400;

/** Heat weight by grade: a serious event counts like four routine ones. */
export const GRADE_WEIGHTS: Readonly<Record<string, number>> = { routine: 1, general: 2, serious: 4 };

/** Point colours by grade (the board's grade colours), RGBA. */
export const GRADE_COLOURS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  routine: [91, 155, 255, 210],
  general: [255, 176, 32, 230],
  serious: [255, 77, 79, 255],
};

export interface EventData {
  readonly events: MapEvents;
  /** Epoch seconds of the period's start: day 0 of the time filter. */
  readonly originSeconds: number;
  /** Whole days the period spans (the time slider's range). */
  readonly periodDays: number;
  /** Days since the period's start, fractional (float32 is exact to the second for ~190 days, to 10 s over 4 years). */
  readonly day: Float32Array;
  readonly weight: Float32Array;
  /** The heatmap's intensity for this period (heat-scale.ts): red at a high percentile of its own density. */
  readonly heatIntensity: number;
  readonly colour: Uint8Array;
  /** First event of each grid (index = dictionary grid index), and one past the last at the end. */
  readonly gridStart: Uint32Array;
  /** What deck.gl takes as `data` for the heat and point layers. */
  readonly binary: {
    readonly length: number;
    readonly attributes: {
      readonly getPosition: { readonly value: Float32Array; readonly size: 2 };
      readonly getWeight: { readonly value: Float32Array; readonly size: 1 };
      readonly getFillColor: { readonly value: Uint8Array; readonly size: 4; readonly normalized: true };
      readonly getFilterValue: { readonly value: Float32Array; readonly size: 1 };
      readonly getFilterCategory: {
        readonly value: Uint8Array;
        readonly size: 4;
        readonly type: 'uint8';
        readonly normalized: false;
      };
    };
  };
}

export function eventDataFromBytes(bytes: Uint8Array): EventData {
  return eventDataFromEvents(decodeMapEvents(bytes));
}

export function eventDataFromEvents(events: MapEvents): EventData {
  const n = events.count;
  const originSeconds = Math.ceil(events.from / 1000);
  const periodDays = Math.max(1, Math.ceil((events.to - events.from) / 86_400_000));
  const day = new Float32Array(n);
  const weight = new Float32Array(n);
  const colour = new Uint8Array(4 * n);
  const gradeWeight = Float32Array.from(events.dictionary.grades, (grade) => GRADE_WEIGHTS[grade] ?? 1);
  const gradeColour = events.dictionary.grades.map((grade) => GRADE_COLOURS[grade] ?? GRADE_COLOURS.routine!);
  const gridStart = new Uint32Array(events.dictionary.grids.length + 1);
  for (let i = 0; i < n; i++) {
    day[i] = (events.time[i]! - originSeconds) / DAY_SECONDS;
    const grade = events.categories[4 * i + CATEGORY_SLOT.grade]!;
    weight[i] = gradeWeight[grade]!;
    const rgba = gradeColour[grade]!;
    colour[4 * i] = rgba[0];
    colour[4 * i + 1] = rgba[1];
    colour[4 * i + 2] = rgba[2];
    colour[4 * i + 3] = rgba[3];
  }
  // Events come grouped by grid in dictionary order: each grid's start is where the grid column first shows it.
  let grid = 0;
  for (let i = 0; i < n; i++) {
    while (grid < events.grid[i]!) gridStart[++grid] = i;
  }
  while (grid < events.dictionary.grids.length) gridStart[++grid] = n;
  return {
    events,
    heatIntensity: heatIntensity(events.position, weight, n),
    originSeconds,
    periodDays,
    day,
    weight,
    colour,
    gridStart,
    binary: {
      length: n,
      attributes: {
        getPosition: { value: events.position, size: 2 },
        getWeight: { value: weight, size: 1 },
        getFillColor: { value: colour, size: 4, normalized: true },
        getFilterValue: { value: day, size: 1 },
        getFilterCategory: { value: events.categories, size: 4, type: 'uint8', normalized: false },
      },
    },
  };
}

/** The event range [start, end) of every grid under `unitCode` (grids are contiguous in code order). */
export function unitRange(data: EventData, unitCode: string): [number, number] {
  const grids = data.events.dictionary.grids;
  let first = lowerBound(grids, unitCode);
  const last = lowerBound(grids, `${unitCode}:`); // ':' sorts right after '9'
  if (first > last) first = last;
  return [data.gridStart[first]!, data.gridStart[last]!];
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
