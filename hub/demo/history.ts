/**
 * X County's event history as the old platform's export, fed through the same importer as a real NDJSON import:
 * - 2015–2016: the dispute ledger (矛盾纠纷台账) kept before the platform went live in 2017 — disputes only, with
 *   how each ended (the seed's Table 2, dispute-history.ts);
 * - 2017–2020: ~84,200 events whose make-up follows the county's published figures (docs/glossary.md);
 * - 2021 up to "today" (the hub's clock at the first start): the same make-up, volumes growing as before, each case
 *   at the stage it would be in today — so the board holds the cases still being worked on (a few of them late),
 *   and this month's and this year's figures are alive.
 * Each year draws from its own random stream: the years before today's are the same whatever "today" is.
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
import { disputeOutcomes, disputeTarget, TABLE2 } from './dispute-history.js';
import { MERGED_SHARE, mergedDuplicates, withFollowUps } from './history-followups.js';

export interface HistoryGrid {
  readonly code: string;
  readonly name: string;
  readonly population: number;
  readonly bbox: readonly [number, number, number, number];
  readonly center: readonly [number, number];
}

/** The years of the published figures (84,200 valid events). */
export const HISTORY_YEARS = [2017, 2018, 2019, 2020] as const;
/** Valid events per published year, 84,200 in all. */
export const EVENTS_PER_YEAR = [20_120, 20_650, 21_250, 22_180] as const;
/** The dispute ledger imported from before the platform starts here. */
export const FIRST_HISTORY_YEAR = 2015;
export const PLATFORM_FROM_YEAR = 2017;
/** After 2020 the volume keeps growing as it did (~3 % a year), disputes as the glossary says (4.5 % a year). */
const EVENT_GROWTH = 1.03;
const DISPUTE_GROWTH = 1.045;
const EPIDEMIC_DISPUTES_2020 = 108;
/**
 * Reports voided at intake (nothing found on site, not the platform's matter): on top of the valid events. With the
 * duplicates merged into an earlier report (history-followups.ts, MERGED_SHARE) 1.5 % are dropped at intake.
 */
const VOID_SHARE = 0.01;
/** Cases sent back once at the check (返工). */
const REWORK_SHARE = 0.035;
/** Still parked (挂账) today: the 0.4 % of 2017–2020 never closed, and a few long-standing matters since. */
const PARKED_SHARE_RECENT = 0.0002;
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
const HOUR_MS = 3_600_000;
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

/**
 * A moment on a working-ish hour of a random day of the year (more on weekdays, mostly 8:00–18:00 Beijing), before
 * `before` (today, for the year in progress).
 */
function reportTime(rng: Rng, year: number, from = 0, to = 365, before = Infinity): number {
  const start = Date.UTC(year, 0, 1) - BEIJING;
  for (let tries = 0; ; tries++) {
    const day = from + rng.int(to - from);
    const weekday = new Date(start + day * DAY_MS + BEIJING).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.next() < 0.45) continue;
    const hour = rng.next() < 0.85 ? 8 + rng.range(0, 10) : rng.range(0, 24);
    const at = Math.round(start + day * DAY_MS + hour * HOUR_MS);
    if (at < before) return at;
    if (tries > 50) return before - Math.round(rng.range(1, 60) * 60_000);
  }
}

/** Local (Beijing) start of a year. */
const yearStart = (year: number) => Date.UTC(year, 0, 1) - BEIJING;
/** The year of an instant in Beijing. */
export const localYear = (ms: number) => new Date(ms + BEIJING).getUTCFullYear();

/** Valid events of a whole year. */
export function eventsInYear(year: number): number {
  if (year < PLATFORM_FROM_YEAR) return 0;
  const published = EVENTS_PER_YEAR[year - PLATFORM_FROM_YEAR];
  if (published !== undefined) return published;
  return Math.round(EVENTS_PER_YEAR[3] * EVENT_GROWTH ** (year - 2020));
}

/** Disputes of a whole year (the epidemic-period ones of 2020 not included). */
export function disputesInYear(year: number): number {
  const table = TABLE2[year];
  if (table) return table.nonLitigation + table.litigation;
  const last = TABLE2[2019]!;
  return Math.round((last.nonLitigation + last.litigation) * DISPUTE_GROWTH ** (year - 2019));
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

/** One event as planned over its whole life, before it is cut at "today". */
interface Planned {
  readonly line: ImportLine;
  readonly dispute: boolean;
  readonly dispatchedAt: number | undefined;
  readonly dueAt: number;
  readonly span: number;
  /** When it closes (or closed); may lie after today. */
  readonly closesAt: number;
  readonly reworked: boolean;
}

interface Pickers {
  readonly ref: ReferenceData;
  readonly locator: GridLocator;
  readonly disputes: readonly CategoryMatch[];
  readonly epidemic: readonly CategoryMatch[];
  readonly other: (rng: Rng) => CategoryMatch;
  readonly grid: (rng: Rng) => HistoryGrid;
  readonly grade: (rng: Rng) => CaseGrade;
  readonly source: (rng: Rng) => CaseSource;
}

export function generateHistory(
  grids: readonly HistoryGrid[],
  ref: ReferenceData,
  locator: GridLocator,
  seed: number,
  today: number,
): ImportLine[] {
  const rng = createRng(seed).fork('history');
  const minors = allMinors(ref.taxonomy);
  const byName = new Map(minors.map((m) => [m.minor.zh, m]));
  const others = minors.filter((m) => m.major.code !== '04' && !EPIDEMIC_ONLY.has(m.minor.zh));
  const pickers: Pickers = {
    ref,
    locator,
    disputes: minors.filter((m) => m.major.code === '04' && !EPIDEMIC_ONLY.has(m.minor.zh)),
    epidemic: EPIDEMIC_DISPUTE_TYPES.map((name) => byName.get(name)!),
    other: weightedPicker(
      others.map(
        (m) =>
          [m, (MAJOR_WEIGHTS[m.major.code] ?? 1) / others.filter((o) => o.major.code === m.major.code).length] as const,
      ),
    ),
    grid: weightedPicker(grids.map((g) => [g, g.population] as const)),
    grade: weightedPicker(GRADE_SHARES),
    source: weightedPicker(SOURCE_SHARES),
  };
  const lines: ImportLine[] = [];
  for (let year = FIRST_HISTORY_YEAR; year <= localYear(today); year++) {
    lines.push(...historyOfYear(pickers, year, rng.fork(`year-${year}`), today));
  }
  return lines.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
}

function historyOfYear(p: Pickers, year: number, rng: Rng, today: number): ImportLine[] {
  const whole = year < localYear(today);
  const fraction = whole ? 1 : (today - yearStart(year)) / (yearStart(year + 1) - yearStart(year));
  const days = whole ? 365 : Math.min(365, Math.floor((today - yearStart(year)) / DAY_MS) + 1);
  const at = (from = 0, to = days) => reportTime(rng, year, from, Math.min(to, days), today);
  const valid = Math.round(eventsInYear(year) * fraction);
  const disputeCount = Math.round(disputesInYear(year) * fraction);
  const epidemic = year === 2020 ? EPIDEMIC_DISPUTES_2020 : 0;
  let n = 0;
  const id = () => `XQ${year}-${String(++n).padStart(6, '0')}`;

  const planned: Planned[] = [];
  if (year >= PLATFORM_FROM_YEAR) {
    for (let i = 0; i < valid - disputeCount - epidemic; i++) planned.push(plan(p, rng, id(), p.other(rng), at()));
  }
  for (let i = 0; i < disputeCount; i++) planned.push(plan(p, rng, id(), rng.pick(p.disputes), at(), true));
  // 2020's epidemic-period disputes, February to June.
  for (let i = 0; i < epidemic; i++) {
    planned.push(plan(p, rng, id(), p.epidemic[i % p.epidemic.length]!, at(31, 181), true));
  }

  // Parked for good (挂账): exactly the published 0.4 % of 2017–2020, a few since; never a dispute (Table 2 counts
  // every one of them as ended) and never a serious case (all of those closed).
  const parkedCount = Math.round(valid * (year <= 2020 ? 1 - CLOSED_SHARE : PARKED_SHARE_RECENT));
  const eligible = planned.filter(
    (c) => c.dispatchedAt !== undefined && !c.dispute && c.line.grade !== 'serious' && c.dispatchedAt + c.span < today,
  );
  const parked = new Set(rng.shuffled(eligible).slice(0, parkedCount));

  const lines = planned.map((c) => (parked.has(c) ? parkedLine(c, rng) : asOfToday(c, rng, today)));
  assignDisputeOutcomes(year, planned, lines, rng);
  if (year >= PLATFORM_FROM_YEAR) {
    for (let i = 0; i < Math.round(valid * VOID_SHARE); i++) lines.push(voidLine(p, rng, id(), at()));
    lines.push(...mergedDuplicates(lines, rng.fork('duplicates'), Math.round(valid * MERGED_SHARE), id, today));
  }
  // Call-backs and department ratings: their own stream, so the cases themselves stay as they were.
  return withFollowUps(lines, rng.fork('follow-ups'), today);
}

/** An event's whole life as the published shares make it: who handled it, its deadline, when it closes. */
function plan(p: Pickers, rng: Rng, externalId: string, category: CategoryMatch, at: number, dispute = false): Planned {
  const grid = p.grid(rng);
  const grade = p.grade(rng);
  const source = p.source(rng);
  const gridLevel = rng.next() < GRID_LEVEL_BY_GRADE[grade];
  const unit = gridLevel
    ? undefined
    : rng.next() < DEPARTMENT_SHARE
      ? rng.pick(DEPARTMENTS).code
      : grid.code.slice(0, 9);
  const dispatchedAt = unit ? at + Math.round(rng.range(10, 180) * 60_000) : undefined;
  const start = dispatchedAt ?? at;
  const { dueAt } = legDeadline({
    table: p.ref.deadlines,
    categoryCode: category.minor.code,
    grade,
    dispatchedAt: start,
    calendar: p.ref.calendar,
  });
  const onTime = rng.next() < ON_TIME_BY_GRADE[grade];
  const span = Math.max(dueAt - start, HOUR_MS);
  // On time: a grid settles its small matter within hours, a unit takes part of its allowed time; late: some time
  // past the deadline.
  const closesAt = Math.round(
    !onTime
      ? dueAt + span * rng.range(0.05, 1.2)
      : unit === undefined
        ? start + Math.min(span * rng.range(0.15, 0.95), rng.range(0.5, 8) * HOUR_MS)
        : start + span * rng.range(0.1, 0.8),
  );
  const line: ImportLine = {
    externalId,
    source,
    categoryCode: category.minor.code,
    grade,
    location: pointIn(rng, grid, p.locator),
    description: `${grid.name}：${category.minor.zh}`,
    status: 'closed',
    reportedAt: iso(at),
    ...(dispatchedAt !== undefined ? { dispatchedAt: iso(dispatchedAt) } : {}),
    ...(unit !== undefined ? { handlingUnit: unit } : {}),
  };
  return { line, dispute, dispatchedAt, dueAt, span, closesAt, reworked: rng.next() < REWORK_SHARE };
}

/** The case as it stands today: closed, or at the stage its life has reached. */
function asOfToday(c: Planned, rng: Rng, today: number): ImportLine {
  const rework = c.reworked && c.dispatchedAt !== undefined ? { reworkCount: 1 } : {};
  if (c.closesAt <= today) return { ...c.line, status: 'closed', closedAt: iso(c.closesAt), ...rework };
  if (c.dispatchedAt === undefined || today < c.dispatchedAt) {
    // Not yet sent anywhere: still at intake.
    const { dispatchedAt: _d, handlingUnit: _u, ...atIntake } = c.line;
    return { ...atIntake, status: 'reported' };
  }
  const signedAt = c.dispatchedAt + rng.range(0.3, 2) * HOUR_MS;
  const fedBackAt = c.closesAt - rng.range(2, 24) * HOUR_MS;
  const status = today < signedAt ? 'dispatched' : today >= fedBackAt ? 'checking' : 'in_progress';
  return { ...c.line, status, ...rework };
}

/** Parked (挂账) part-way to its deadline, and parked still. */
function parkedLine(c: Planned, rng: Rng): ImportLine {
  return {
    ...c.line,
    status: 'in_progress',
    ledgerSince: iso(Math.round(c.dispatchedAt! + c.span * rng.range(0.2, 0.8))),
  };
}

/** A report voided at intake: a duplicate, or nothing found on site. */
function voidLine(p: Pickers, rng: Rng, externalId: string, at: number): ImportLine {
  const grid = p.grid(rng);
  const category = p.other(rng);
  return {
    externalId,
    source: p.source(rng),
    categoryCode: category.minor.code,
    grade: 'routine',
    location: pointIn(rng, grid, p.locator),
    description: `${grid.name}：${category.minor.zh}`,
    status: 'void',
    reportedAt: iso(at),
  };
}

/**
 * How the year's closed disputes ended: exactly the seed's Table 2 for 2015–2019 (every dispute of those years is
 * closed), the same shares for the others.
 */
function assignDisputeOutcomes(year: number, planned: readonly Planned[], lines: ImportLine[], rng: Rng): void {
  const closed = lines.flatMap((line, i) => (planned[i]!.dispute && line.status === 'closed' ? [i] : []));
  const target = disputeTarget(year, closed.length);
  const outcomes =
    target.nonLitigation + target.litigation === closed.length
      ? disputeOutcomes(year, target, rng)
      : disputeOutcomes(year, disputeTarget(0, closed.length), rng);
  closed.forEach((i, k) => (lines[i] = { ...lines[i]!, disputeOutcome: outcomes[k]! }));
}
