/**
 * The KPI view's charts as plain ECharts option objects, in the console's dark palette (split out of
 * kpi-view-model.ts; pure, unit-tested in Node by tests/unit/kpi-view-model.test.ts).
 */
import type { CaseGrade, CaseSource } from '../../../common/cases.js';
import type { KpiGroup, KpiReport } from '../../../common/kpi.js';
import { EMPTY_VALUE, formatCount, formatRate, ratePercent, type KpiLanguage } from './kpi-view-model.js';

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
