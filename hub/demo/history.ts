/**
 * X County's event history, 2017–2020, as the old platform's export: ~84,200 events whose make-up follows the
 * county's published figures (docs/glossary.md). Fed through the same importer as a real NDJSON import.
 *
 * The published figures, and how they are read here:
 * - 93 % of events reported by grid workers; the rest public reports, video patrol, hotline, departments.
 * - 99.6 % of all events closed; the rest are still open (overdue, handled by a township or department).
 * - "closed at 97.39 % / 80.85 % / 100 %" by grade (routine / general / serious) cannot be the share closed at all
 *   alongside 99.6 % overall, so it is read as the ON-TIME closure rate (按期结案率) by grade.
 * - ~3,000 disputes a year, growing 4.5 % a year; in 2020, 108 epidemic-period disputes of the six listed types.
 */
import type { ImportLine } from '../../common/case-api.js';
import type { CaseGrade, CaseSource } from '../../common/cases.js';
import { DEPARTMENTS } from '../../common/departments.js';
import { legDeadline } from '../../common/deadline-table.js';
import { allMinors, type CategoryMatch } from '../../common/taxonomy.js';
import type { ReferenceData } from '../../common/cases/reference-data.js';
import type { GridLocator } from '../org/grid-locator.js';
import { createRng, type Rng } from './rng.js';

export interface HistoryGrid {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly bbox: readonly [number, number, number, number];
  readonly center: readonly [number, number];
}

export const HISTORY_YEARS = [2017, 2018, 2019, 2020] as const;
/** Events per year, growing ~4.5 % a year, 84,200 in all. */
export const EVENTS_PER_YEAR = [20_120, 20_650, 21_250, 22_180] as const;
const DISPUTES_PER_YEAR_2017 = 2_900;
const EPIDEMIC_DISPUTES_2020 = 108;
export const EPIDEMIC_DISPUTE_TYPES = [
  '传播涉疫情谣言',
  '不配合防控措施',
  '劳动关系纠纷',
  '房屋租赁纠纷',
  '合同履行纠纷',
  '其他纠纷',
] as const;
/** Types that only existed as such during the epidemic. */
const EPIDEMIC_ONLY = new Set([
  '传播涉疫情谣言',
  '不配合防控措施',
  '疫情防控重点人员排查',
  '居家隔离人员管控',
  '发热人员报告',
]);

const SOURCE_SHARES: Array<[CaseSource, number]> = [
  ['grid_worker', 0.93],
  ['public', 0.032],
  ['video_patrol', 0.018],
  ['hotline', 0.015],
  ['department', 0.005],
];
const GRADE_SHARES: Array<[CaseGrade, number]> = [
  ['routine', 0.78],
  ['general', 0.2],
  ['serious', 0.02],
];
export const ON_TIME_BY_GRADE: Readonly<Record<CaseGrade, number>> = { routine: 0.9739, general: 0.8085, serious: 1 };
export const CLOSED_SHARE = 0.996;
/** Share settled in the grid itself (小事不出网格), by grade. */
const GRID_LEVEL_BY_GRADE: Readonly<Record<CaseGrade, number>> = { routine: 0.72, general: 0.3, serious: 0 };
const DEPARTMENT_SHARE = 0.12;
/** Weights of the non-dispute major categories. */
const MAJOR_WEIGHTS: Record<string, number> = {
  '01': 12,
  '02': 32,
  '03': 13,
  '05': 9,
  '06': 9,
  '07': 5,
  '08': 9,
  '09': 2,
};

const DAY_MS = 86_400_000;
const BEIJING = 8 * 3600_000;

/** A weighted draw by binary search over cumulative weights (907 grids × 84,200 draws: a linear scan shows). */
function weightedPicker<T>(pairs: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of pairs) cumulative.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return pairs[lo]![0];
  };
}

/** A moment on a working-ish hour of a random day of the year (more on weekdays, mostly 8:00–18:00 Beijing). */
function reportTime(rng: Rng, year: number, from = 0, to = 365): number {
  const start = Date.UTC(year, 0, 1) - BEIJING;
  for (;;) {
    const day = from + rng.int(to - from);
    const weekday = new Date(start + day * DAY_MS + BEIJING).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.next() < 0.45) continue;
    const hour = rng.next() < 0.85 ? 8 + rng.range(0, 10) : rng.range(0, 24);
    return Math.round(start + day * DAY_MS + hour * 3600_000);
  }
}

/** A point inside the grid (rejection sampling in its box, checked by the same locator intake uses). */
function pointIn(rng: Rng, grid: HistoryGrid, locator: GridLocator): { lon: number; lat: number } {
  const [minX, minY, maxX, maxY] = grid.bbox;
  for (let i = 0; i < 24; i++) {
    const lon = round6(rng.range(minX, maxX));
    const lat = round6(rng.range(minY, maxY));
    if (locator.locate(lon, lat) === grid.code) return { lon, lat };
  }
  return { lon: grid.center[0], lat: grid.center[1] };
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const iso = (ms: number) => new Date(ms).toISOString();

export function generateHistory(
  grids: readonly HistoryGrid[],
  ref: ReferenceData,
  locator: GridLocator,
  seed: number,
): ImportLine[] {
  const rng = createRng(seed).fork('history');
  const minors = allMinors(ref.taxonomy);
  const byName = new Map(minors.map((m) => [m.minor.zh, m]));
  const disputes = minors.filter((m) => m.major.code === '04' && !EPIDEMIC_ONLY.has(m.minor.zh));
  const others = minors.filter((m) => m.major.code !== '04' && !EPIDEMIC_ONLY.has(m.minor.zh));
  const pickOther = weightedPicker(
    others.map(
      (m) =>
        [m, (MAJOR_WEIGHTS[m.major.code] ?? 1) / others.filter((o) => o.major.code === m.major.code).length] as const,
    ),
  );
  const pickGrid = weightedPicker(grids.map((g) => [g, g.population] as const));
  const pickGrade = weightedPicker(GRADE_SHARES);
  const pickSource = weightedPicker(SOURCE_SHARES);
  const lines: ImportLine[] = [];

  const add = (year: number, category: CategoryMatch, at: number) => {
    const grid = pickGrid(rng);
    const grade = pickGrade(rng);
    const source = pickSource(rng);
    const gridLevel = rng.next() < GRID_LEVEL_BY_GRADE[grade];
    const unit = gridLevel
      ? undefined
      : rng.next() < DEPARTMENT_SHARE
        ? rng.pick(DEPARTMENTS).code
        : grid.code.slice(0, 9);
    const dispatchedAt = unit ? at + Math.round(rng.range(10, 180) * 60_000) : undefined;
    const start = dispatchedAt ?? at;
    const { dueAt } = legDeadline({
      table: ref.deadlines,
      categoryCode: category.minor.code,
      grade,
      dispatchedAt: start,
      calendar: ref.calendar,
    });
    const open =
      unit !== undefined &&
      grade !== 'serious' &&
      rng.next() < (1 - CLOSED_SHARE) / (1 - GRID_LEVEL_BY_GRADE[grade]) / 0.98;
    const onTime = rng.next() < ON_TIME_BY_GRADE[grade];
    const span = Math.max(dueAt - start, 3600_000);
    const closedAt = open
      ? undefined
      : Math.round(onTime ? start + span * rng.range(0.15, 0.95) : dueAt + span * rng.range(0.05, 1.2));
    lines.push({
      externalId: `XQ${year}-${String(lines.length + 1).padStart(6, '0')}`,
      source,
      categoryCode: category.minor.code,
      grade,
      location: pointIn(rng, grid, locator),
      description: `${grid.name}：${category.minor.zh}`,
      status: open ? 'in_progress' : 'closed',
      reportedAt: iso(at),
      ...(dispatchedAt !== undefined ? { dispatchedAt: iso(dispatchedAt) } : {}),
      ...(closedAt !== undefined ? { closedAt: iso(closedAt) } : {}),
      ...(unit !== undefined ? { handlingUnit: unit } : {}),
    });
  };

  HISTORY_YEARS.forEach((year, y) => {
    const disputeCount = Math.round(DISPUTES_PER_YEAR_2017 * 1.045 ** y);
    const epidemic = year === 2020 ? EPIDEMIC_DISPUTES_2020 : 0;
    for (let i = 0; i < EVENTS_PER_YEAR[y]! - disputeCount - epidemic; i++)
      add(year, pickOther(rng), reportTime(rng, year));
    for (let i = 0; i < disputeCount; i++) add(year, rng.pick(disputes), reportTime(rng, year));
    // 2020's epidemic-period disputes, February to June.
    for (let i = 0; i < epidemic; i++)
      add(
        year,
        byName.get(EPIDEMIC_DISPUTE_TYPES[i % EPIDEMIC_DISPUTE_TYPES.length]!)!,
        reportTime(rng, year, 31, 181),
      );
  });
  return lines.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}
