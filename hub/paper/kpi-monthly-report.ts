/**
 * A unit's monthly KPI report (月报): the KPI view's figures for one month — every rate with its basis and the
 * small-sample flag — the last twelve months' received/closed trend, sources, categories and handling units.
 */
import type { KpiFigures, Rate } from '../../common/kpi.js';
import type { PaperText } from './paper-labels.js';
import { gridTable, paperDate, paperDateTime, paperFooter, percent, sectionTitle } from './paper-format.js';
import { barChart, lineChart } from './paper-charts.js';

export interface KpiMonthlyUnitRow {
  readonly name: string;
  readonly figures: KpiFigures;
}

export interface KpiMonthlyData {
  readonly unitName: string;
  /** 'YYYY-MM' */
  readonly month: string;
  readonly from: number;
  /** Exclusive end of the month. */
  readonly to: number;
  readonly asOf: number;
  readonly summary: KpiFigures;
  readonly sources: ReadonlyArray<{ label: string; count: number; share: Rate }>;
  readonly categories: ReadonlyArray<{ label: string; count: number }>;
  readonly units: readonly KpiMonthlyUnitRow[];
  /** Oldest first, ending with the report's month. */
  readonly trend: ReadonlyArray<{ month: string; received: number; closed: number }>;
  readonly printedAt: number;
  readonly printedBy: string;
}

function rateRow(label: string, rate: Rate, text: PaperText): string[] {
  const basis = `${rate.numerator} / ${rate.denominator}${rate.smallSample ? ` (${text.t('kpiSmall')})` : ''}`;
  return [label, percent(rate.value), basis];
}

export function monthLabel(month: string, text: PaperText): string {
  const [year, mm] = month.split('-');
  return text.t('kpiMonth', { year: year!, month: text.lang === 'zh-CN' ? String(Number(mm)) : mm! });
}

export function buildKpiMonthlyReport(data: KpiMonthlyData, text: PaperText): Record<string, unknown> {
  const s = data.summary;
  const count = (n: number) => text.t('count', { value: n });
  const summaryRows: string[][] = [
    [text.t('received'), count(s.received), ''],
    [text.t('filed'), count(s.filed), ''],
    [text.t('closed'), count(s.closed), ''],
    [text.t('openOverdue'), count(s.openOverdue), ''],
    rateRow(text.t('closureRate'), s.closureRate, text),
    rateRow(text.t('onTimeRate'), s.onTimeRate, text),
    rateRow(text.t('reworkRate'), s.reworkRate, text),
    rateRow(text.t('gridLevelShare'), s.gridLevelShare, text),
    [text.t('supervisionCountKpi'), count(s.supervisionCount), ''],
    [
      text.t('avgHandlingHours'),
      s.avgHandlingHours === null ? '—' : text.t('hours', { value: s.avgHandlingHours.toFixed(1) }),
      '',
    ],
    [text.t('avgRating'), s.avgRating === null ? '—' : s.avgRating.toFixed(2), ''],
  ];
  const title = text.t('kpiTitle', { unit: data.unitName, month: monthLabel(data.month, text) });
  const lastDay = data.to - 1;
  return {
    footer: paperFooter(text, data.printedAt, data.printedBy),
    content: [
      { text: title, alignment: 'center', fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      {
        text: text.t('kpiPeriod', {
          from: paperDate(data.from, text),
          to: paperDate(lastDay, text),
          asOf: paperDateTime(data.asOf, text),
        }),
        alignment: 'center',
        fontSize: 9,
        color: '#555555',
        margin: [0, 0, 0, 8],
      },
      sectionTitle(text.t('kpiSummary')),
      ...(s.received === 0 ? [{ text: text.t('kpiNoData'), color: '#666666', margin: [0, 0, 0, 4] }] : []),
      gridTable([text.t('kpiFigure'), text.t('kpiValue'), text.t('kpiBasis')], summaryRows, [150, 90, '*'], 9.5),
      sectionTitle(text.t('kpiTrend')),
      lineChart(
        data.trend.map((t) => t.month.slice(5)),
        [
          { name: text.t('received'), color: '#2f6fdb', values: data.trend.map((t) => t.received) },
          { name: text.t('closed'), color: '#2e9e5b', values: data.trend.map((t) => t.closed) },
        ],
      ),
      gridTable(
        ['', ...data.trend.map((t) => t.month.slice(2))],
        [
          [text.t('received'), ...data.trend.map((t) => String(t.received))],
          [text.t('closed'), ...data.trend.map((t) => String(t.closed))],
        ],
        [38, ...data.trend.map(() => '*')],
        7,
      ),
      sectionTitle(text.t('kpiBySource')),
      barChart(
        data.sources.map((x) => ({
          label: x.label,
          value: x.count,
          caption: `${x.count} · ${percent(x.share.value)}`,
        })),
        '#2f6fdb',
      ),
      sectionTitle(text.t('kpiByCategory')),
      data.categories.length === 0
        ? { text: text.t('kpiNoData'), color: '#666666' }
        : barChart(
            data.categories.map((x) => ({ label: x.label, value: x.count, caption: String(x.count) })),
            '#d9822b',
          ),
      sectionTitle(text.t('kpiByUnit')),
      data.units.length === 0
        ? { text: text.t('kpiNoData'), color: '#666666' }
        : gridTable(
            [
              text.t('kpiUnit'),
              text.t('received'),
              text.t('closed'),
              text.t('closureRate'),
              text.t('onTimeRate'),
              text.t('openOverdue'),
              text.t('supervisionCountKpi'),
            ],
            data.units.map((u) => [
              u.name,
              String(u.figures.received),
              String(u.figures.closed),
              percent(u.figures.closureRate.value),
              percent(u.figures.onTimeRate.value),
              String(u.figures.openOverdue),
              String(u.figures.supervisionCount),
            ]),
            ['*', 45, 45, 55, 60, 55, 50],
            8.5,
          ),
    ],
  };
}
