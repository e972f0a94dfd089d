/**
 * The KPI view (统计考核) as data: periods on Beijing dates, how rates and durations read, the per-unit table rolled up
 * to townships and departments, the ECharts options of the charts, and the CSV export. Pure (no DOM, React, antd or
 * echarts), so it is unit-tested in Node (tests/unit/kpi-view-model.test.ts). Words come in from the view (i18n), so
 * nothing here is tied to one language.
 */
import type { CaseGrade, CaseSource } from '../../../common/cases.js';
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
type CountKey = (typeof COUNT_KEYS)[number];

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
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<CountKey, number>;
  let handlingHours = 0;
  let ratingWeighted = 0;
  let ratingWeight = 0;
  let ratingPlain = 0;
  let rated = 0;
  for (const g of groups) {
    for (const k of COUNT_KEYS) counts[k] += g[k];
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

// ---------------------------------------------------------------------------------------------------------------
// Charts: plain ECharts option objects, in the console's dark palette.

/** An ECharts option; typed loosely so this module needs nothing from echarts. */
export type ChartOption = Record<string, unknown>;

export const KPI_COLORS = {
  received: '#2f7cf6',
  closed: '#3fb27f',
  onTime: '#f0a020',
  closure: '#36cfc9',
  text: 'rgba(255, 255, 255, 0.88)',
  muted: 'rgba(255, 255, 255, 0.55)',
  axis: '#2a3a55',
  split: 'rgba(255, 255, 255, 0.07)',
} as const;

export const SOURCE_COLORS: Readonly<Record<CaseSource, string>> = {
  grid_worker: '#2f7cf6',
  public: '#36cfc9',
  video_patrol: '#9a6cf0',
  hotline: '#f0a020',
  department: '#e2598b',
};

export const GRADE_COLORS: Readonly<Record<CaseGrade, string>> = {
  routine: '#2f7cf6',
  general: '#f0a020',
  serious: '#e5484d',
};

/** Words the charts show; the view fills them from i18n. */
export interface ChartLabels {
  readonly received: string;
  readonly closed: string;
  readonly onTimeRate: string;
  readonly closureRate: string;
  readonly share: string;
  /** Count with its unit, e.g. "{{count}} 件" already applied: given a formatted number, returns the text. */
  readonly cases: (formattedCount: string) => string;
}

/** ECharts puts a custom tooltip's text in as HTML: whatever came from data must be escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TOOLTIP = {
  backgroundColor: 'rgba(16, 26, 44, 0.96)',
  borderColor: '#2b3d5c',
  borderWidth: 1,
  padding: [8, 12],
  textStyle: { color: KPI_COLORS.text, fontSize: 12 },
  extraCssText: 'box-shadow: 0 6px 18px rgba(0, 0, 0, 0.45); border-radius: 6px;',
};

const AXIS_LABEL = { color: KPI_COLORS.muted, fontSize: 11 };
const AXIS_LINE = { lineStyle: { color: KPI_COLORS.axis } };
const SPLIT_LINE = { lineStyle: { color: KPI_COLORS.split } };

function base(extra: ChartOption): ChartOption {
  return {
    backgroundColor: 'transparent',
    aria: { enabled: true },
    animationDuration: 450,
    textStyle: { color: KPI_COLORS.text },
    ...extra,
  };
}

function tooltipLine(color: string, label: string, value: string): string {
  return (
    `<div style="display:flex;gap:12px;justify-content:space-between;align-items:center">` +
    `<span><span style="display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:6px;` +
    `background:${color}"></span>${escapeHtml(label)}</span><b>${escapeHtml(value)}</b></div>`
  );
}

function tooltipTitle(title: string): string {
  return `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(title)}</div>`;
}

/** Received and closed per month (every month of the period, empty ones at 0) and the on-time rate as a line. */
export function trendOption(
  report: Pick<KpiReport, 'byMonth'>,
  months: readonly string[],
  labels: ChartLabels,
  language: KpiLanguage,
): ChartOption {
  const byMonth = new Map(report.byMonth.map((g) => [g.key, g]));
  const received = months.map((m) => byMonth.get(m)?.received ?? 0);
  const closed = months.map((m) => byMonth.get(m)?.closed ?? 0);
  const onTime = months.map((m) => ratePercent(byMonth.get(m)?.onTimeRate));
  const onTimeValues = onTime.filter((v): v is number => v !== null);
  // Rates sit in a narrow band (90–100 %): start the axis near the lowest so the line shows its movement.
  const rateMin = onTimeValues.length ? Math.max(0, Math.floor((Math.min(...onTimeValues) - 5) / 10) * 10) : 0;
  const count = (v: unknown) => (typeof v === 'number' ? formatCount(v, language) : EMPTY_VALUE);
  const long = months.length > 24;
  return base({
    color: [KPI_COLORS.received, KPI_COLORS.closed, KPI_COLORS.onTime],
    legend: { top: 0, right: 8, textStyle: { color: KPI_COLORS.muted }, itemWidth: 14, itemHeight: 8 },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(47, 124, 246, 0.08)' } },
    },
    grid: { left: 8, right: 8, top: 36, bottom: long ? 40 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...months],
      axisLabel: AXIS_LABEL,
      axisLine: AXIS_LINE,
      axisTick: { show: false },
    },
    yAxis: [
      { type: 'value', axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE, minInterval: 1 },
      {
        type: 'value',
        min: rateMin,
        max: 100,
        axisLabel: { ...AXIS_LABEL, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    dataZoom: long
      ? [
          { type: 'inside', xAxisIndex: 0 },
          {
            type: 'slider',
            xAxisIndex: 0,
            height: 14,
            bottom: 6,
            borderColor: 'transparent',
            backgroundColor: 'rgba(255, 255, 255, 0.04)',
            fillerColor: 'rgba(47, 124, 246, 0.18)',
            dataBackground: { lineStyle: { color: '#3a5580' }, areaStyle: { color: 'rgba(47, 124, 246, 0.12)' } },
            textStyle: { color: KPI_COLORS.muted },
          },
        ]
      : [],
    series: [
      {
        name: labels.received,
        type: 'bar',
        data: received,
        barMaxWidth: 18,
        itemStyle: { borderRadius: [2, 2, 0, 0] },
        tooltip: { valueFormatter: count },
      },
      {
        name: labels.closed,
        type: 'bar',
        data: closed,
        barMaxWidth: 18,
        itemStyle: { borderRadius: [2, 2, 0, 0] },
        tooltip: { valueFormatter: count },
      },
      {
        name: labels.onTimeRate,
        type: 'line',
        yAxisIndex: 1,
        data: onTime,
        smooth: 0.2,
        symbol: 'circle',
        symbolSize: 5,
        showSymbol: months.length <= 24,
        connectNulls: false,
        lineStyle: { width: 2 },
        tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : EMPTY_VALUE) },
      },
    ],
  });
}

/** Source composition as a donut, the grid workers' share in its centre (the list beside it carries the numbers). */
export function sourceOption(
  report: Pick<KpiReport, 'sourceComposition'>,
  sourceName: (source: CaseSource) => string,
  labels: ChartLabels,
  language: KpiLanguage,
): ChartOption {
  const slices = report.sourceComposition.filter((s) => s.count > 0);
  const lead = [...slices].sort((a, b) => b.count - a.count)[0];
  const byName = new Map(slices.map((s) => [sourceName(s.source), s]));
  return base({
    title: lead
      ? {
          text: formatRate(lead.share),
          subtext: sourceName(lead.source),
          left: 'center',
          top: '38%',
          itemGap: 4,
          textStyle: { color: KPI_COLORS.text, fontSize: 22, fontWeight: 600 },
          subtextStyle: { color: KPI_COLORS.muted, fontSize: 12 },
        }
      : undefined,
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: { name: string; color: string }) => {
        const s = byName.get(p.name);
        if (!s) return escapeHtml(p.name);
        return (
          tooltipTitle(p.name) +
          tooltipLine(p.color, labels.received, labels.cases(formatCount(s.count, language))) +
          tooltipLine(p.color, labels.share, formatRate(s.share))
        );
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['54%', '78%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#0f1a2c', borderWidth: 2 },
        emphasis: { scale: true, scaleSize: 4 },
        data: slices.map((s) => ({
          name: sourceName(s.source),
          value: s.count,
          itemStyle: { color: SOURCE_COLORS[s.source] },
        })),
      },
    ],
  });
}

/** Horizontal bars of cases received per key (largest on top), closed and closure rate in the tooltip. */
export function rankedBarOption(
  groups: readonly KpiGroup[],
  name: (key: string) => string,
  labels: ChartLabels,
  language: KpiLanguage,
  options: { readonly top?: number; readonly color?: string } = {},
): ChartOption {
  const ranked = [...groups]
    .filter((g) => g.received > 0)
    .sort((a, b) => b.received - a.received || (a.key < b.key ? -1 : 1))
    .slice(0, options.top ?? Infinity);
  const names = ranked.map((g) => name(g.key));
  const color = options.color ?? KPI_COLORS.received;
  return base({
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(47, 124, 246, 0.08)' } },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const g = ranked[params[0]?.dataIndex ?? -1];
        if (!g) return '';
        return (
          tooltipTitle(name(g.key)) +
          tooltipLine(color, labels.received, labels.cases(formatCount(g.received, language))) +
          tooltipLine(KPI_COLORS.closed, labels.closed, labels.cases(formatCount(g.closed, language))) +
          tooltipLine(KPI_COLORS.closure, labels.closureRate, formatRate(g.closureRate))
        );
      },
    },
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT_LINE },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { ...AXIS_LABEL, width: 120, overflow: 'truncate' },
      axisLine: AXIS_LINE,
      axisTick: { show: false },
    },
    series: [
      {
        name: labels.received,
        type: 'bar',
        data: ranked.map((g) => g.received),
        barMaxWidth: 14,
        itemStyle: {
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 1,
            y2: 0,
            colorStops: [
              { offset: 0, color: `${color}66` },
              { offset: 1, color },
            ],
          },
          borderRadius: [0, 2, 2, 0],
        },
        label: {
          show: true,
          position: 'right',
          color: KPI_COLORS.muted,
          fontSize: 11,
          formatter: (p: { value: number }) => formatCount(p.value, language),
        },
      },
    ],
  });
}

/** Cases per grade, each bar labelled with its closure rate (the county publishes closure by grade). */
export function gradeOption(
  report: Pick<KpiReport, 'byGrade'>,
  gradeName: (grade: CaseGrade) => string,
  labels: ChartLabels,
  language: KpiLanguage,
): ChartOption {
  const grades = report.byGrade.map((g) => ({ ...g, grade: g.key as CaseGrade }));
  return base({
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(47, 124, 246, 0.08)' } },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const g = grades[params[0]?.dataIndex ?? -1];
        if (!g) return '';
        const color = GRADE_COLORS[g.grade] ?? KPI_COLORS.received;
        return (
          tooltipTitle(gradeName(g.grade)) +
          tooltipLine(color, labels.received, labels.cases(formatCount(g.received, language))) +
          tooltipLine(KPI_COLORS.closed, labels.closed, labels.cases(formatCount(g.closed, language))) +
          tooltipLine(KPI_COLORS.closure, labels.closureRate, formatRate(g.closureRate))
        );
      },
    },
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: grades.map((g) => gradeName(g.grade)),
      axisLabel: { ...AXIS_LABEL, fontSize: 12, color: KPI_COLORS.text },
      axisLine: AXIS_LINE,
      axisTick: { show: false },
    },
    yAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: SPLIT_LINE, minInterval: 1 },
    series: [
      {
        name: labels.received,
        type: 'bar',
        barMaxWidth: 44,
        data: grades.map((g) => ({
          value: g.received,
          itemStyle: { color: GRADE_COLORS[g.grade] ?? KPI_COLORS.received, borderRadius: [3, 3, 0, 0] },
        })),
        label: {
          show: true,
          position: 'top',
          color: KPI_COLORS.text,
          fontSize: 11,
          lineHeight: 15,
          formatter: (p: { dataIndex: number }) => {
            const g = grades[p.dataIndex];
            return g ? `${formatCount(g.received, language)}\n${labels.closureRate} ${formatRate(g.closureRate)}` : '';
          },
        },
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// CSV: UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF, RFC 4180 quoting. Cells are values, never
// formulas: text starting with = + - @ (or a tab / CR, which Excel also strips) gets a leading apostrophe.

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_BOM = '\uFEFF';

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A percentage Excel reads as a number ("99.62%"), or empty. */
export function csvPercent(r: Pick<Rate, 'value'>): string {
  return r.value === null ? '' : `${(r.value * 100).toFixed(2)}%`;
}

function round(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}

/** Headings and words of the CSV file, in the UI language. */
export interface CsvLabels {
  readonly title: string;
  readonly unit: string;
  readonly period: string;
  readonly asOf: string;
  readonly summary: string;
  readonly metric: string;
  readonly value: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly smallSample: string;
  readonly yes: string;
  readonly sources: string;
  readonly units: string;
  readonly kind: string;
  readonly kinds: Readonly<Record<UnitKind, string>>;
  readonly counts: Readonly<Record<CountKey, string>>;
  readonly rates: Readonly<Record<RateKey, string>>;
  /** "平均办理时长（小时）" */
  readonly avgHandlingHours: string;
  readonly avgRating: string;
  /** Marks a mean rating that is weighted by closed cases (see UnitRow.ratingApprox). */
  readonly approx: string;
}

export interface KpiCsvInput {
  readonly report: KpiReport;
  readonly rows: readonly UnitRow[];
  readonly unitName: string;
  readonly period: Period;
  readonly asOfText: string;
  readonly unitLabel: (row: UnitRow) => string;
  readonly sourceName: (source: CaseSource) => string;
  readonly labels: CsvLabels;
}

const UNIT_COUNT_COLUMNS = ['received', 'filed', 'closed', 'openOverdue'] as const satisfies readonly CountKey[];
const SUMMARY_COUNT_ROWS = [
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
] as const satisfies readonly CountKey[];

/** The whole export: what, which unit, when; the summary with numerators and denominators; then the unit table. */
export function kpiCsvRows(input: KpiCsvInput): CsvCell[][] {
  const { report, labels } = input;
  const s = report.summary;
  const flag = (r: Rate) => (r.smallSample ? labels.yes : '');
  const rows: CsvCell[][] = [
    [labels.title, input.unitName],
    [labels.period, input.period.from, lastDayOf(input.period)],
    [labels.asOf, input.asOfText],
    [],
    [labels.summary],
    [labels.metric, labels.value, labels.numerator, labels.denominator, labels.smallSample],
    ...SUMMARY_COUNT_ROWS.map((k): CsvCell[] => [labels.counts[k], s[k]]),
    ...RATE_KEYS.map((k): CsvCell[] => [
      labels.rates[k],
      csvPercent(s[k]),
      s[k].numerator,
      s[k].denominator,
      flag(s[k]),
    ]),
    [labels.avgHandlingHours, round(s.avgHandlingHours, 1)],
    [labels.avgRating, round(s.avgRating, 2)],
    [],
    [labels.sources, labels.value, labels.numerator, labels.denominator, labels.smallSample],
    ...report.sourceComposition.map((c): CsvCell[] => [
      input.sourceName(c.source),
      csvPercent(c.share),
      c.share.numerator,
      c.share.denominator,
      flag(c.share),
    ]),
    [],
    [labels.units],
    [
      labels.unit,
      labels.kind,
      ...UNIT_COUNT_COLUMNS.map((k) => labels.counts[k]),
      ...RATE_KEYS.map((k) => labels.rates[k]),
      labels.counts.supervisionCount,
      labels.avgHandlingHours,
      labels.avgRating,
      labels.smallSample,
    ],
    ...input.rows.map((row): CsvCell[] => [
      input.unitLabel(row),
      labels.kinds[row.kind],
      ...UNIT_COUNT_COLUMNS.map((k) => row[k]),
      ...RATE_KEYS.map((k) => csvPercent(row[k])),
      row.supervisionCount,
      round(row.avgHandlingHours, 1),
      row.avgRating === null
        ? null
        : row.ratingApprox
          ? `${labels.approx}${row.avgRating.toFixed(2)}`
          : round(row.avgRating, 2),
      smallSampleRates(row)
        .map((k) => labels.rates[k])
        .join('、'),
    ]),
  ];
  return rows;
}

/** "统计考核_X县_2017-01-01_2020-12-31.csv", without characters a file system refuses. */
export function csvFileName(title: string, unitName: string, period: Period): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${safe(title)}_${safe(unitName)}_${period.from}_${lastDayOf(period)}.csv`;
}
