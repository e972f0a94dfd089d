/**
 * The charts: monthly trend (received / closed bars, on-time rate line), source composition (donut with a legend
 * that carries the figures), cases by major category, the 15 most frequent minor categories, and cases by grade with
 * their closure rates.
 */
import { Card, Empty } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../common/kpi.js';
import { useLanguage } from '../i18n/use-language.js';
import { EChart } from './EChart.js';
import { formatCount, formatRate, monthsOf, periodOfReport } from './kpi-view-model.js';
import { gradeOption, KPI_COLORS, rankedBarOption, SOURCE_COLORS, sourceOption, trendOption } from './kpi-charts.js';
import { SmallSampleFlag } from './KpiCards.js';
import { useChartLabels, type KpiNames } from './use-kpi-text.js';

const TOP_TYPES = 15;

function Panel({
  title,
  extra,
  className,
  empty,
  children,
}: {
  title: string;
  extra?: ReactNode;
  className?: string;
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation(['kpi']);
  return (
    <Card size="small" title={title} extra={extra} className={`kpi-panel ${className ?? ''}`}>
      {empty ? (
        <Empty className="kpi-panel-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kpi:noData')} />
      ) : (
        children
      )}
    </Card>
  );
}

export function KpiCharts({ report, names }: { report: KpiReport; names: KpiNames }) {
  const { t } = useTranslation(['kpi']);
  const language = useLanguage();
  const labels = useChartLabels();
  const empty = report.summary.received === 0;

  const months = useMemo(() => monthsOf(periodOfReport(report)), [report]);
  const trend = useMemo(() => trendOption(report, months, labels, language), [report, months, labels, language]);
  const sources = useMemo(
    () => sourceOption(report, names.source, labels, language),
    [report, names, labels, language],
  );
  const categories = useMemo(
    () => rankedBarOption(report.byCategory, names.major, labels, language),
    [report, names, labels, language],
  );
  const types = useMemo(
    () => rankedBarOption(report.byType, names.minor, labels, language, { top: TOP_TYPES, color: KPI_COLORS.closure }),
    [report, names, labels, language],
  );
  const grades = useMemo(() => gradeOption(report, names.grade, labels, language), [report, names, labels, language]);

  return (
    <>
      <div className="kpi-row kpi-row--trend">
        <Panel title={t('kpi:chart.trend')} empty={empty}>
          <EChart option={trend} className="kpi-chart kpi-chart--trend" ariaLabel={t('kpi:chart.trend')} />
        </Panel>
        <Panel title={t('kpi:chart.source')} empty={empty}>
          <div className="kpi-source">
            <EChart option={sources} className="kpi-chart kpi-chart--source" ariaLabel={t('kpi:chart.source')} />
            <ul className="kpi-source-legend">
              {report.sourceComposition.map((s) => (
                <li key={s.source} data-testid={`kpi-source-${s.source}`} data-share={s.share.value ?? ''}>
                  <span className="kpi-dot" style={{ background: SOURCE_COLORS[s.source] }} />
                  <span className="kpi-source-name">{names.source(s.source)}</span>
                  <span className="kpi-source-share">
                    {s.share.smallSample && s.count > 0 ? <SmallSampleFlag rate={s.share} compact /> : null}
                    {formatRate(s.share)}
                  </span>
                  <span className="kpi-source-count">{labels.cases(formatCount(s.count, language))}</span>
                </li>
              ))}
            </ul>
          </div>
        </Panel>
      </div>
      <div className="kpi-row kpi-row--breakdown">
        <Panel title={t('kpi:chart.category')} empty={empty}>
          <EChart option={categories} className="kpi-chart kpi-chart--bars" ariaLabel={t('kpi:chart.category')} />
        </Panel>
        <Panel title={t('kpi:chart.type')} empty={empty}>
          <EChart option={types} className="kpi-chart kpi-chart--bars" ariaLabel={t('kpi:chart.type')} />
        </Panel>
        <Panel title={t('kpi:chart.grade')} empty={empty}>
          <EChart option={grades} className="kpi-chart kpi-chart--bars" ariaLabel={t('kpi:chart.grade')} />
        </Panel>
      </div>
    </>
  );
}
