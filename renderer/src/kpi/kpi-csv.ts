/**
 * The KPI view's CSV export (split out of kpi-view-model.ts; pure, unit-tested in Node by
 * tests/unit/kpi-view-model.test.ts).
 */
import type { CaseSource } from '../../../common/cases.js';
import type { CsvCell } from '../../../common/csv.js';
import type { KpiReport, Rate } from '../../../common/kpi.js';
import {
  RATE_KEYS,
  lastDayOf,
  smallSampleRates,
  type CountKey,
  type Period,
  type RateKey,
  type UnitKind,
  type UnitRow,
} from './kpi-view-model.js';

// The file itself is written by common/csv.ts (the one CSV writer); this builds its rows.

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
