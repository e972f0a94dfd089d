/**
 * The KPI view (统计考核) as data: periods on Beijing dates, how rates and durations read, the per-unit table rolled up
 * to townships and departments; the charts' ECharts options are kpi-charts.ts, the CSV export kpi-csv.ts. Pure (no
 * DOM, React, antd or echarts), so it is unit-tested in Node (tests/unit/kpi-view-model.test.ts). Words come in from the view (i18n), so
 * nothing here is tied to one language.
 */
import { isDepartmentCode } from '../../../common/departments.js';
import { rate, type KpiFigures, type KpiGroup, type KpiReport, type Rate } from '../../../common/kpi.js';
import { CODE_LENGTH, isOrgCode } from '../../../common/org.js';

/** Same values as the UI's `Language` (kept local so this module stays free of the browser-only i18n setup). */
export type KpiLanguage = 'zh-CN' | 'en';

// ---------------------------------------------------------------------------------------------------------------
// Periods. Command rooms count in Beijing days whatever the machine's zone; `to` is exclusive, as the hub expects.

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisYear', 'history', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** ISO dates 'YYYY-MM-DD' (Beijing midnight); the cases reported in [from, to). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** The platform's published record: the years 2017–2020 the county's own statistics cover. */
export const HISTORY_PERIOD: Period = { from: '2017-01-01', to: '2021-01-01' };

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDateUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' from year, month (1–12, may overflow) and day, normalised the way Date.UTC does. */
function isoDate(year: number, month: number, day: number): string {
  return isoDateUtc(Date.UTC(year, month - 1, day));
}

function parseIsoDate(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The Beijing calendar date of an instant. */
export function beijingDate(ms: number): string {
  return isoDateUtc(ms + BEIJING_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  return isoDateUtc(parseIsoDate(date) + days * DAY_MS);
}

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, nowMs: number): Period {
  const today = beijingDate(nowMs);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: isoDate(year, month, 1), to: isoDate(year, month + 1, 1) };
    case 'lastMonth':
      return { from: isoDate(year, month - 1, 1), to: isoDate(year, month, 1) };
    case 'thisYear':
      return { from: isoDate(year, 1, 1), to: isoDate(year + 1, 1, 1) };
    case 'history':
      return HISTORY_PERIOD;
  }
}

/** A range picked as first and last day (both included, in either order). */
export function customPeriod(firstDay: string, lastDay: string): Period {
  const [a, b] = parseIsoDate(firstDay) <= parseIsoDate(lastDay) ? [firstDay, lastDay] : [lastDay, firstDay];
  return { from: a, to: addDays(b, 1) };
}

/** The last day the period includes (its exclusive end minus a day). */
export function lastDayOf(period: Period): string {
  return addDays(period.to, -1);
}

/** Months 'YYYY-MM' the period touches, in order; at most `limit` (the latest kept). */
export function monthsOf(period: Period, limit = 240): string[] {
  const months: string[] = [];
  const last = lastDayOf(period).slice(0, 7);
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  for (let key = period.from.slice(0, 7); key <= last;) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months.slice(-limit);
}

/** The report's own period back as Beijing dates (the hub echoes from/to as UTC instants). */
export function periodOfReport(report: Pick<KpiReport, 'from' | 'to'>): Period {
  return { from: beijingDate(Date.parse(report.from)), to: beijingDate(Date.parse(report.to)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers as people read them.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: KpiLanguage, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}|${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

export const EMPTY_VALUE = '—';

/** 84200 → "84,200". */
export function formatCount(value: number, language: KpiLanguage = 'zh-CN'): string {
  return numberFormat(language, 0).format(value);
}

/**
 * A rate as a percentage with one decimal ("99.6%"). Rounding never claims what did not happen: 83,999 of 84,000
 * reads ">99.9%", not "100.0%", and 1 of 10,000 reads "<0.1%", not "0.0%". No denominator: "—".
 */
export function formatRate(r: Pick<Rate, 'value' | 'numerator' | 'denominator'>): string {
  if (r.value === null) return EMPTY_VALUE;
  const text = (Math.round(r.value * 1000) / 10).toFixed(1);
  if (text === '100.0' && r.numerator < r.denominator) return '>99.9%';
  if (text === '0.0' && r.numerator > 0) return '<0.1%';
  return `${text}%`;
}

/** "83,880 / 84,200" */
export function formatFraction(r: Pick<Rate, 'numerator' | 'denominator'>, language: KpiLanguage = 'zh-CN'): string {
  return `${formatCount(r.numerator, language)} / ${formatCount(r.denominator, language)}`;
}

/** The percentage (0–100, one decimal) a chart plots, or null. */
export function ratePercent(r: Pick<Rate, 'value'> | null | undefined): number | null {
  return r?.value == null ? null : Math.round(r.value * 1000) / 10;
}

export type Duration =
  | { readonly unit: 'minutes'; readonly minutes: number }
  | { readonly unit: 'hours'; readonly hours: number }
  | { readonly unit: 'days'; readonly days: number; readonly hours: number };

/** Hours as a person says them: minutes under an hour, hours (one decimal) under two days, then days and hours. */
export function splitDuration(hours: number): Duration {
  const h = Math.max(0, hours);
  if (h < 1) return { unit: 'minutes', minutes: Math.round(h * 60) };
  if (h < 48) {
    const rounded = Math.round(h * 10) / 10;
    return rounded < 48 ? { unit: 'hours', hours: rounded } : { unit: 'days', days: 2, hours: 0 };
  }
  let days = Math.floor(h / 24);
  let rest = Math.round(h - days * 24);
  if (rest === 24) {
    days += 1;
    rest = 0;
  }
  return { unit: 'days', days, hours: rest };
}

/** Mean rating with one decimal ("4.3"), or "—". */
export function formatRating(avg: number | null): string {
  return avg === null ? EMPTY_VALUE : avg.toFixed(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Headline figures.

export const RATE_KEYS = ['closureRate', 'onTimeRate', 'reworkRate', 'gridLevelShare'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export const CARD_KEYS = [
  'received',
  'filed',
  'closed',
  'closureRate',
  'onTimeRate',
  'reworkRate',
  'supervisionCount',
  'gridLevelShare',
  'avgHandlingHours',
  'avgRating',
  'callbackRate',
  'satisfactionRate',
] as const;
export type CardKey = (typeof CARD_KEYS)[number];

export function isRateKey(key: string): key is RateKey {
  return (RATE_KEYS as readonly string[]).includes(key);
}

/** The rates of a row that were computed on fewer than 20 cases. */
export function smallSampleRates(figures: Pick<KpiFigures, RateKey>): RateKey[] {
  return RATE_KEYS.filter((key) => figures[key].smallSample);
}

// ---------------------------------------------------------------------------------------------------------------
// The per-unit table: the hub groups by the answerable unit, which for matters settled on the spot is the grid or
// village itself. Assessment is by township (小事不出网格，大事不出乡镇: a township answers for its grids) and by
// department, so org codes below a township are rolled up into it.

export type UnitKind = 'township' | 'county' | 'department' | 'other';

export interface UnitRow extends KpiFigures {
  readonly key: string;
  readonly kind: UnitKind;
  /**
   * The mean rating mixes units whose rated-case counts the report does not give, so it is weighted by closed cases
   * instead: close, not exact. Only when more than one rolled-up unit has ratings.
   */
  readonly ratingApprox: boolean;
}

const COUNT_KEYS = [
  'received',
  'filed',
  'closed',
  'void',
  'merged',
  'openOverdue',
  'closedOnTime',
  'checked',
  'reworked',
  'closedAtGridLevel',
  'supervisionCount',
  'supervisedCases',
] as const satisfies readonly (keyof KpiFigures)[];
export type CountKey = (typeof COUNT_KEYS)[number];
/** 回访 counts: summed like the others, shown on the headline cards only (not in the unit table or CSV columns). */
const CALLBACK_COUNT_KEYS = ['callbackDue', 'calledBack', 'callbackReached', 'callbackSatisfied'] as const;

const TOWNSHIP_CODE_LENGTH = CODE_LENGTH.township;

/** The row a unit's figures count under: its township, the county itself, or the department. */
export function rollUpKey(unitCode: string): { key: string; kind: UnitKind } {
  if (isDepartmentCode(unitCode)) return { key: unitCode, kind: 'department' };
  if (isOrgCode(unitCode)) {
    if (unitCode.length >= TOWNSHIP_CODE_LENGTH)
      return { key: unitCode.slice(0, TOWNSHIP_CODE_LENGTH), kind: 'township' };
    return { key: unitCode, kind: 'county' };
  }
  return { key: unitCode, kind: 'other' };
}

/** Figures of several groups together: counts add, rates are recomputed (the formulas of common/kpi.ts). */
export function sumFigures(groups: readonly KpiFigures[]): KpiFigures & { ratingApprox: boolean } {
  const counts = Object.fromEntries([...COUNT_KEYS, ...CALLBACK_COUNT_KEYS].map((k) => [k, 0])) as Record<
    CountKey | (typeof CALLBACK_COUNT_KEYS)[number],
    number
  >;
  let handlingHours = 0;
  let ratingWeighted = 0;
  let ratingWeight = 0;
  let ratingPlain = 0;
  let rated = 0;
  for (const g of groups) {
    for (const k of [...COUNT_KEYS, ...CALLBACK_COUNT_KEYS]) counts[k] += g[k];
    if (g.avgHandlingHours !== null) handlingHours += g.avgHandlingHours * g.closed;
    if (g.avgRating !== null) {
      rated += 1;
      ratingPlain += g.avgRating;
      ratingWeighted += g.avgRating * g.closed;
      ratingWeight += g.closed;
    }
  }
  const avgRating = rated === 0 ? null : ratingWeight > 0 ? ratingWeighted / ratingWeight : ratingPlain / rated;
  return {
    ...counts,
    closureRate: rate(counts.closed, counts.filed),
    onTimeRate: rate(counts.closedOnTime, counts.closed + counts.openOverdue),
    reworkRate: rate(counts.reworked, counts.checked),
    gridLevelShare: rate(counts.closedAtGridLevel, counts.closed),
    avgHandlingHours: counts.closed > 0 ? handlingHours / counts.closed : null,
    // Clamp: floating sums may stray a hair outside 1–5.
    avgRating: avgRating === null ? null : Math.min(5, Math.max(1, avgRating)),
    ratingApprox: rated > 1,
    callbackRate: rate(counts.calledBack, counts.callbackDue),
    satisfactionRate: rate(counts.callbackSatisfied, counts.callbackReached),
  };
}

const KIND_ORDER: Readonly<Record<UnitKind, number>> = { township: 0, county: 1, other: 2, department: 3 };

/** Townships (and the county's own cases) in code order, then departments by cases received. */
export function compareUnitRows(a: UnitRow, b: UnitRow): number {
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.kind === 'department' && a.received !== b.received) return b.received - a.received;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function rollUpUnits(groups: readonly KpiGroup[]): UnitRow[] {
  const buckets = new Map<string, { kind: UnitKind; groups: KpiGroup[] }>();
  for (const group of groups) {
    const { key, kind } = rollUpKey(group.key);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { kind, groups: [] }));
    bucket.groups.push(group);
  }
  return [...buckets]
    .map(([key, { kind, groups: members }]): UnitRow => ({ key, kind, ...sumFigures(members) }))
    .sort(compareUnitRows);
}

export type UnitColumn = CountKey | RateKey | 'avgHandlingHours' | 'avgRating';

/** The number a column sorts by; rates and means without a value sort below every real value. */
export function unitSortValue(row: KpiFigures, column: UnitColumn): number {
  if (isRateKey(column)) return row[column].value ?? -1;
  if (column === 'avgHandlingHours' || column === 'avgRating') return row[column] ?? -1;
  return row[column];
}
