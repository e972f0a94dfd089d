/** The KPI view's chart options (ECharts), built from a report. */
import { describe, expect, it } from 'vitest';
import { type KpiGroup } from '../../common/kpi.js';
import { HISTORY_PERIOD, monthsOf } from '../../renderer/src/kpi/kpi-view-model.js';
import {
  escapeHtml,
  gradeOption,
  rankedBarOption,
  sourceOption,
  trendOption,
} from '../../renderer/src/kpi/kpi-charts.js';
import { sampleReport, CHART_LABELS } from './kpi-fixtures.js';

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
