/**
 * A small React wrapper for ECharts: the chart is created once on mount, gets `setOption` (replacing, not merging)
 * whenever the option object changes, follows its box with a ResizeObserver and is disposed on unmount. Only the
 * pieces the KPI view draws are registered, so the bundle carries no more of echarts than that; nothing here needs
 * eval, so the console's strict CSP stands.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from './kpi-charts.js';

// echarts' own registration call (named `use`, which the hooks linter would take for React's).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  readonly option: ChartOption;
  readonly className?: string;
  /** Read out instead of the canvas (ECharts' aria adds a generated description as well). */
  readonly ariaLabel: string;
  readonly testId?: string;
}

export function EChart({ option, className, ariaLabel, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // The built-in dark theme for axis, legend and tooltip defaults; the options make the background transparent
    // so the antd card shows through.
    const instance = echarts.init(element, 'dark', { renderer: 'canvas' });
    chart.current = instance;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as EChartsCoreOption, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={box} className={className} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
