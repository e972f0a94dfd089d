/**
 * The KPI view's pure model: Beijing periods, how rates and durations read, the per-unit roll-up to townships and
 * departments (consistent with common/kpi.ts), the chart options, and a CSV that Excel opens in Chinese and that
 * never carries a formula.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis, type CaseFacts, type KpiGroup, type KpiReport } from '../../common/kpi.js';
import {
  addDays,
  beijingDate,
  customPeriod,
  formatCount,
  formatFraction,
  formatRate,
  formatRating,
  HISTORY_PERIOD,
  lastDayOf,
  monthsOf,
  periodOfReport,
  presetPeriod,
  ratePercent,
  rollUpKey,
  rollUpUnits,
  smallSampleRates,
  splitDuration,
  sumFigures,
  unitSortValue,
  type UnitRow,
} from '../../renderer/src/kpi/kpi-view-model.js';
import {
  escapeHtml,
  gradeOption,
  rankedBarOption,
  sourceOption,
  trendOption,
  type ChartLabels,
} from '../../renderer/src/kpi/kpi-charts.js';
import { csvCell, toCsv } from '../../common/csv.js';
import { csvFileName, csvPercent, kpiCsvRows, type CsvLabels } from '../../renderer/src/kpi/kpi-csv.js';

const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const T1 = '431099001';
const T2 = '431099002';
const T1_GRID = '431099001001001';
const T1_VILLAGE = '431099001002';
const T2_GRID = '431099002201001';

let seq = 0;
function fact(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const reportedAt = bj('2024-03-05 09:00');
  return {
    id: `F${++seq}`,
    status: 'closed',
    grade: 'routine',
    source: 'grid_worker',
    categoryCode: '0201',
    gridCode: T1_GRID,
    handlingLevel: 'township',
    unitCode: T1,
    reportedAt,
    filedAt: reportedAt + HOUR,
    closedAt: reportedAt + 10 * HOUR,
    dueAt: reportedAt + 24 * HOUR,
    reworkCount: 0,
    supervisionCount: 0,
    rating: null,
    ...overrides,
  };
}

const MARCH_APRIL = { from: bj('2024-03-01 00:00'), to: bj('2024-05-01 00:00'), asOf: bj('2024-05-10 12:00') };

/** A small county: grid-level cases in two townships, township cases, a department's, one open and late. */
function sampleReport(): KpiReport {
  const facts: CaseFacts[] = [
    ...Array.from({ length: 6 }, () => fact({ handlingLevel: 'grid', unitCode: T1_GRID, rating: 5 })),
    ...Array.from({ length: 4 }, () => fact({ handlingLevel: 'grid', unitCode: T1_VILLAGE, rating: 3 })),
    ...Array.from({ length: 5 }, () => fact({ unitCode: T1, closedAt: bj('2024-03-08 09:00') })),
    fact({ status: 'in_progress', unitCode: T1, closedAt: null, dueAt: bj('2024-03-06 09:00') }),
    fact({ unitCode: T1, reworkCount: 1, supervisionCount: 2 }),
    ...Array.from({ length: 3 }, () =>
      fact({
        gridCode: T2_GRID,
        unitCode: T2,
        source: 'public',
        reportedAt: bj('2024-04-02 10:00'),
        filedAt: bj('2024-04-02 11:00'),
        closedAt: bj('2024-04-02 20:00'),
        dueAt: bj('2024-04-03 10:00'),
      }),
    ),
    fact({ gridCode: T2_GRID, unitCode: 'dept:gongan', grade: 'serious', categoryCode: '0103', rating: 4 }),
    fact({ gridCode: T2_GRID, unitCode: '431099', grade: 'general', source: 'hotline', categoryCode: '0404' }),
  ];
  return computeKpis(facts, MARCH_APRIL);
}

const CHART_LABELS: ChartLabels = {
  received: '受理',
  closed: '结案',
  onTimeRate: '按期结案率',
  closureRate: '结案率',
  share: '占比',
  cases: (n) => `${n} 件`,
};

describe('periods on Beijing dates', () => {
  // 00:30 on 1 February in Beijing is still 31 January in UTC: the Beijing month counts.
  const now = bj('2026-02-01 00:30');

  it('names the Beijing date of an instant', () => {
    expect(beijingDate(now)).toBe('2026-02-01');
    expect(beijingDate(bj('2026-01-31 23:59'))).toBe('2026-01-31');
  });

  it('computes the presets with an exclusive end', () => {
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(presetPeriod('lastMonth', now)).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(presetPeriod('thisYear', now)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(presetPeriod('history', now)).toEqual({ from: '2017-01-01', to: '2021-01-01' });
    // Last month from January is December of the year before; this month in December ends on 1 January.
    expect(presetPeriod('lastMonth', bj('2026-01-15 12:00'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(presetPeriod('thisMonth', bj('2025-12-31 23:00'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('takes a custom range as first and last day, in either order', () => {
    expect(customPeriod('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(customPeriod('2024-02-29', '2024-02-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(customPeriod('2024-05-05', '2024-05-05')).toEqual({ from: '2024-05-05', to: '2024-05-06' });
    expect(lastDayOf({ from: '2024-02-01', to: '2024-03-01' })).toBe('2024-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(() => addDays('31/12/2020', 1)).toThrow(RangeError);
  });

  it('lists every month of the period', () => {
    const history = monthsOf(HISTORY_PERIOD);
    expect(history).toHaveLength(48);
    expect(history[0]).toBe('2017-01');
    expect(history.at(-1)).toBe('2020-12');
    expect(monthsOf({ from: '2026-11-01', to: '2026-12-01' })).toEqual(['2026-11']);
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsOf(HISTORY_PERIOD, 12)).toHaveLength(12);
  });

  it('reads the period back from a report (the hub echoes UTC instants)', () => {
    expect(periodOfReport({ from: '2016-12-31T16:00:00.000Z', to: '2020-12-31T16:00:00.000Z' })).toEqual(
      HISTORY_PERIOD,
    );
  });
});

describe('figures as people read them', () => {
  it('formats rates with one decimal, never rounding up to 100 % or down to 0 %', () => {
    expect(formatRate({ value: 83_880 / 84_200, numerator: 83_880, denominator: 84_200 })).toBe('99.6%');
    expect(formatRate({ value: 1, numerator: 5, denominator: 5 })).toBe('100.0%');
    expect(formatRate({ value: 0, numerator: 0, denominator: 5 })).toBe('0.0%');
    expect(formatRate({ value: 83_999 / 84_000, numerator: 83_999, denominator: 84_000 })).toBe('>99.9%');
    expect(formatRate({ value: 1 / 10_000, numerator: 1, denominator: 10_000 })).toBe('<0.1%');
    expect(formatRate({ value: null, numerator: 0, denominator: 0 })).toBe('—');
    expect(formatRate({ value: 0.9739, numerator: 9739, denominator: 10_000 })).toBe('97.4%');
  });

  it('formats counts and fractions with thousands separators', () => {
    expect(formatCount(84_200)).toBe('84,200');
    expect(formatCount(84_200, 'en')).toBe('84,200');
    expect(formatFraction({ numerator: 83_880, denominator: 84_200 })).toBe('83,880 / 84,200');
  });

  it('gives the percentage a chart plots', () => {
    expect(ratePercent({ value: 0.93768 })).toBe(93.8);
    expect(ratePercent({ value: null })).toBeNull();
    expect(ratePercent(undefined)).toBeNull();
  });

  it('splits handling time into minutes, hours or days and hours', () => {
    expect(splitDuration(0.5)).toEqual({ unit: 'minutes', minutes: 30 });
    expect(splitDuration(5.24)).toEqual({ unit: 'hours', hours: 5.2 });
    expect(splitDuration(47.97)).toEqual({ unit: 'days', days: 2, hours: 0 });
    expect(splitDuration(78.474)).toEqual({ unit: 'days', days: 3, hours: 6 });
    expect(splitDuration(71.6)).toEqual({ unit: 'days', days: 3, hours: 0 });
    expect(splitDuration(-1)).toEqual({ unit: 'minutes', minutes: 0 });
  });

  it('formats the mean rating', () => {
    expect(formatRating(4.26)).toBe('4.3');
    expect(formatRating(null)).toBe('—');
  });
});

describe('the per-unit table', () => {
  it('rolls grids and villages into their township, keeps the county centre and departments apart', () => {
    expect(rollUpKey(T1_GRID)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey(T1_VILLAGE)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey(T1)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey('431099')).toEqual({ key: '431099', kind: 'county' });
    expect(rollUpKey('dept:gongan')).toEqual({ key: 'dept:gongan', kind: 'department' });
    expect(rollUpKey('dept:unknown')).toEqual({ key: 'dept:unknown', kind: 'other' });
  });

  it('adds up to the report and orders townships, the county centre, then departments', () => {
    const report = sampleReport();
    const rows = rollUpUnits(report.byUnit);
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      [T1, 'township'],
      [T2, 'township'],
      ['431099', 'county'],
      ['dept:gongan', 'department'],
    ]);
    const t1 = rows[0]!;
    expect(t1.received).toBe(17);
    expect(t1.closed).toBe(16);
    expect(t1.openOverdue).toBe(1);
    expect(t1.closedAtGridLevel).toBe(10);
    expect(t1.closureRate).toEqual({ value: 16 / 17, numerator: 16, denominator: 17, smallSample: true });
    expect(t1.gridLevelShare).toMatchObject({ numerator: 10, denominator: 16 });
    expect(t1.supervisionCount).toBe(2);
    // Ratings of the grid (5) and the village (3), weighted by their closed cases (6 and 4): 4.2, approximately.
    expect(t1.avgRating).toBeCloseTo(4.2, 10);
    expect(t1.ratingApprox).toBe(true);
    expect(rows[3]!.avgRating).toBe(4);
    expect(rows[3]!.ratingApprox).toBe(false);

    for (const k of ['received', 'filed', 'closed', 'openOverdue', 'closedOnTime', 'supervisionCount'] as const)
      expect(rows.reduce((n, r) => n + r[k], 0)).toBe(report.summary[k]);
    const all = sumFigures(report.byUnit);
    expect(all.closureRate).toEqual(report.summary.closureRate);
    expect(all.onTimeRate).toEqual(report.summary.onTimeRate);
    expect(all.reworkRate).toEqual(report.summary.reworkRate);
    expect(all.gridLevelShare).toEqual(report.summary.gridLevelShare);
    expect(all.avgHandlingHours).toBeCloseTo(report.summary.avgHandlingHours!, 10);
  });

  it('recomputes exactly what common/kpi.ts computes for one group', () => {
    const report = sampleReport();
    for (const group of report.byUnit) {
      const { key: _key, ...figures } = group;
      const { ratingApprox, ...sum } = sumFigures([group]);
      expect(ratingApprox).toBe(false);
      if (figures.avgHandlingHours === null) expect(sum.avgHandlingHours).toBeNull();
      else expect(sum.avgHandlingHours).toBeCloseTo(figures.avgHandlingHours, 10);
      expect({ ...sum, avgHandlingHours: 0 }).toEqual({ ...figures, avgHandlingHours: 0 });
    }
  });

  it('lists the rates resting on fewer than 20 cases', () => {
    const [t1] = rollUpUnits(sampleReport().byUnit);
    expect(smallSampleRates(t1!)).toEqual(['closureRate', 'onTimeRate', 'reworkRate', 'gridLevelShare']);
  });

  it('sorts rates and means without a value below every real value', () => {
    const report = sampleReport();
    const [t1, , county] = rollUpUnits(report.byUnit) as [UnitRow, UnitRow, UnitRow];
    expect(unitSortValue(t1, 'closureRate')).toBeCloseTo(16 / 17);
    expect(unitSortValue(county, 'avgRating')).toBe(-1);
    expect(unitSortValue(t1, 'received')).toBe(17);
  });
});

describe('chart options', () => {
  const report = sampleReport();

  it('draws every month of the period, empty ones at zero, with the on-time rate in percent', () => {
    const months = monthsOf({ from: '2024-02-01', to: '2024-05-01' });
    const option = trendOption(report, months, CHART_LABELS, 'zh-CN') as any;
    expect(option.xAxis.data).toEqual(['2024-02', '2024-03', '2024-04']);
    const [received, closed, onTime] = option.series;
    expect(received.data).toEqual([0, 19, 3]);
    expect(closed.data).toEqual([0, 18, 3]);
    expect(onTime.data[0]).toBeNull();
    expect(onTime.data[2]).toBe(100);
    expect(onTime.yAxisIndex).toBe(1);
    expect(option.dataZoom).toEqual([]);
    expect(option.backgroundColor).toBe('transparent');
    expect(received.tooltip.valueFormatter(84_200)).toBe('84,200');
    expect(onTime.tooltip.valueFormatter(93.8)).toBe('93.8%');
    const long = trendOption(report, monthsOf(HISTORY_PERIOD), CHART_LABELS, 'zh-CN') as any;
    expect(long.dataZoom).toHaveLength(2);
  });

  it('shows the sources as a donut with the leading share in its centre', () => {
    const name = (s: string) => ({ grid_worker: '网格员上报', public: '公众随手拍', hotline: '热线' })[s] ?? s;
    const option = sourceOption(report, name as any, CHART_LABELS, 'zh-CN') as any;
    const data = option.series[0].data as { name: string; value: number }[];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['网格员上报', 18],
      ['公众随手拍', 3],
      ['热线', 1],
    ]);
    expect(option.title.text).toBe('81.8%');
    expect(option.title.subtext).toBe('网格员上报');
    const tip = option.tooltip.formatter({ name: '网格员上报', color: '#2f7cf6' }) as string;
    expect(tip).toContain('18 件');
    expect(tip).toContain('81.8%');
  });

  it('ranks categories, keeps the top N, and escapes names in tooltips', () => {
    const groups: KpiGroup[] = [
      ...sampleReport().byType,
      { ...sampleReport().byType[0]!, key: '0999', received: 0, filed: 0, closed: 0 },
    ];
    const option = rankedBarOption(groups, (k) => (k === '0201' ? '<b>暴露垃圾</b>' : k), CHART_LABELS, 'zh-CN', {
      top: 2,
    }) as any;
    expect(option.yAxis.data).toEqual(['<b>暴露垃圾</b>', '0103']);
    expect(option.series[0].data).toEqual([20, 1]);
    const tip = option.tooltip.formatter([{ dataIndex: 0 }]) as string;
    expect(tip).toContain('&#60;b&#62;暴露垃圾&#60;/b&#62;');
    expect(tip).not.toContain('<b>暴露垃圾');
    expect(option.series[0].label.formatter({ value: 12_345 })).toBe('12,345');
  });

  it('labels each grade with its closure rate', () => {
    const option = gradeOption(
      report,
      (g) => ({ routine: '日常', general: '一般', serious: '严重' })[g],
      CHART_LABELS,
      'zh-CN',
    ) as any;
    expect(option.xAxis.data).toEqual(['日常', '一般', '严重']);
    expect(option.series[0].data.map((d: { value: number }) => d.value)).toEqual([20, 1, 1]);
    expect(option.series[0].label.formatter({ dataIndex: 0 })).toBe('20\n结案率 95.0%');
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;');
  });
});

describe('CSV export', () => {
  it('writes values, never formulas (CSV injection)', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('城关镇')).toBe('城关镇');
  });

  it('quotes commas, quotes and line breaks; numbers and blanks stay plain', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(84_200)).toBe('84200');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const text = toCsv([
      ['单位', '结案率'],
      ['城关镇', '99.62%'],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFF单位,结案率\r\n城关镇,99.62%\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes percentages Excel reads as numbers', () => {
    expect(csvPercent({ value: 0.9961995 })).toBe('99.62%');
    expect(csvPercent({ value: null })).toBe('');
  });

  it('exports the summary with numerators and denominators, the sources, then the unit table', () => {
    const report = sampleReport();
    const rows = rollUpUnits(report.byUnit);
    const labels: CsvLabels = {
      title: '统计考核',
      unit: '单位',
      period: '统计期间',
      asOf: '数据截至',
      summary: '汇总',
      metric: '指标',
      value: '数值',
      numerator: '分子',
      denominator: '分母',
      smallSample: '样本不足 20',
      yes: '是',
      sources: '来源构成',
      units: '单位考核',
      kind: '类型',
      kinds: { township: '乡镇/街道', county: '县本级', department: '县直部门', other: '其他' },
      counts: {
        received: '受理',
        filed: '立案',
        closed: '结案',
        void: '作废',
        merged: '合并',
        openOverdue: '超期未结',
        closedOnTime: '按期结案',
        checked: '核查',
        reworked: '返工',
        closedAtGridLevel: '网格内办结',
        supervisionCount: '督办次数',
        supervisedCases: '督办案件',
      },
      rates: {
        closureRate: '结案率',
        onTimeRate: '按期结案率',
        reworkRate: '返工率',
        gridLevelShare: '网格内解决占比',
      },
      avgHandlingHours: '平均办理时长（小时）',
      avgRating: '平均评价（1–5）',
      approx: '≈',
    };
    const names: Record<string, string> = {
      [T1]: '城关镇',
      [T2]: '=cmd|calc',
      '431099': '县本级',
      'dept:gongan': '公安',
    };
    const csvRows = kpiCsvRows({
      report,
      rows,
      unitName: 'X县',
      period: periodOfReport(report),
      asOfText: '2024/05/10 12:00',
      unitLabel: (row) => names[row.key] ?? row.key,
      sourceName: (s) => s,
      labels,
    });
    expect(csvRows[0]).toEqual(['统计考核', 'X县']);
    expect(csvRows[1]).toEqual(['统计期间', '2024-03-01', '2024-04-30']);
    expect(csvRows).toContainEqual(['受理', 22]);
    expect(csvRows).toContainEqual(['结案率', '95.45%', 21, 22, '']);
    expect(csvRows).toContainEqual(['grid_worker', '81.82%', 18, 22, '']);
    const header = csvRows.findIndex((r) => r[0] === '单位');
    expect(csvRows[header]).toEqual([
      '单位',
      '类型',
      '受理',
      '立案',
      '结案',
      '超期未结',
      '结案率',
      '按期结案率',
      '返工率',
      '网格内解决占比',
      '督办次数',
      '平均办理时长（小时）',
      '平均评价（1–5）',
      '样本不足 20',
    ]);
    const t1 = csvRows[header + 1]!;
    expect(t1.slice(0, 7)).toEqual(['城关镇', '乡镇/街道', 17, 17, 16, 1, '94.12%']);
    expect(t1[12]).toBe('≈4.20');
    expect(t1[13]).toBe('结案率、按期结案率、返工率、网格内解决占比');

    const text = toCsv(csvRows);
    expect(text).toContain("\r\n'=cmd|calc,乡镇/街道,");
    expect(text.split('\r\n').every((line) => !/^[=+\-@]/.test(line))).toBe(true);
  });

  it('names the file without characters a file system refuses', () => {
    expect(csvFileName('统计考核', 'X县', HISTORY_PERIOD)).toBe('统计考核_X县_2017-01-01_2020-12-31.csv');
    expect(csvFileName('KPI', 'a/b: c', { from: '2024-03-01', to: '2024-04-01' })).toBe(
      'KPI_a_b_c_2024-03-01_2024-03-31.csv',
    );
  });
});
