/** The KPI CSV export: a file Excel opens in Chinese, that never carries a formula (common/csv.ts writes it). */
import { describe, expect, it } from 'vitest';
import { HISTORY_PERIOD, periodOfReport, rollUpUnits } from '../../renderer/src/kpi/kpi-view-model.js';
import { csvCell, toCsv } from '../../common/csv.js';
import { csvFileName, csvPercent, kpiCsvRows, type CsvLabels } from '../../renderer/src/kpi/kpi-csv.js';
import { T1, T2, sampleReport } from './kpi-fixtures.js';

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
