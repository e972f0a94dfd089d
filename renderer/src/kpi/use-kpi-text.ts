/** The words the pure KPI model needs, from i18n and the reference tables, in the current UI language. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseGrade, CaseSource } from '../../../common/cases.js';
import { categoryLabel, gradeLabel, majorLabel, sourceLabel, unitLabel, type UnitIndex } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { RATE_KEYS, splitDuration, type UnitKind, type UnitRow } from './kpi-view-model.js';
import { type ChartLabels } from './kpi-charts.js';
import { type CsvLabels } from './kpi-csv.js';

/** Hours → "45 分钟" / "5.2 小时" / "3 天 6 小时". */
export function useDurationText(): (hours: number) => string {
  const { t } = useTranslation(['kpi']);
  return useCallback(
    (hours: number) => {
      const d = splitDuration(hours);
      if (d.unit === 'minutes') return t('kpi:duration.minutes', { n: d.minutes });
      if (d.unit === 'hours') return t('kpi:duration.hours', { value: d.hours.toFixed(1) });
      if (d.hours === 0) return t('kpi:duration.daysOnly', { days: d.days });
      return t('kpi:duration.days', { days: d.days, hours: d.hours });
    },
    [t],
  );
}

export function useChartLabels(): ChartLabels {
  const { t } = useTranslation(['kpi']);
  return useMemo(
    () => ({
      received: t('kpi:chart.received'),
      closed: t('kpi:chart.closed'),
      onTimeRate: t('kpi:chart.onTimeRate'),
      closureRate: t('kpi:chart.closureRate'),
      share: t('kpi:chart.share'),
      cases: (n: string) => t('kpi:cases', { n }),
    }),
    [t],
  );
}

export interface KpiNames {
  readonly source: (source: CaseSource) => string;
  readonly grade: (grade: CaseGrade) => string;
  readonly major: (code: string) => string;
  readonly minor: (code: string) => string;
  readonly row: (row: Pick<UnitRow, 'key' | 'kind'>) => string;
}

export function useKpiNames(units: UnitIndex): KpiNames {
  const { t } = useTranslation(['kpi']);
  const language = useLanguage();
  return useMemo(
    () => ({
      source: (source) => sourceLabel(source, language),
      grade: (grade) => gradeLabel(grade, language),
      major: (code) => majorLabel(code, language),
      minor: (code) => categoryLabel(code, language),
      row: (row) => (row.kind === 'county' ? t('kpi:table.countyLevel') : unitLabel(row.key, units, language)),
    }),
    [language, t, units],
  );
}

export function useCsvLabels(): CsvLabels {
  const { t } = useTranslation(['kpi']);
  return useMemo(() => {
    const kinds: Record<UnitKind, string> = {
      township: t('kpi:kind.township'),
      county: t('kpi:kind.county'),
      department: t('kpi:kind.department'),
      other: t('kpi:kind.other'),
    };
    return {
      title: t('kpi:csv.title'),
      unit: t('kpi:csv.unit'),
      period: t('kpi:csv.period'),
      asOf: t('kpi:csv.asOf'),
      summary: t('kpi:csv.summary'),
      metric: t('kpi:csv.metric'),
      value: t('kpi:csv.value'),
      numerator: t('kpi:csv.numerator'),
      denominator: t('kpi:csv.denominator'),
      smallSample: t('kpi:csv.smallSample'),
      yes: t('kpi:csv.yes'),
      sources: t('kpi:csv.sources'),
      units: t('kpi:csv.units'),
      kind: t('kpi:csv.kind'),
      kinds,
      counts: {
        received: t('kpi:csv.received'),
        filed: t('kpi:csv.filed'),
        closed: t('kpi:csv.closed'),
        void: t('kpi:csv.void'),
        merged: t('kpi:csv.merged'),
        openOverdue: t('kpi:csv.openOverdue'),
        closedOnTime: t('kpi:csv.closedOnTime'),
        checked: t('kpi:csv.checked'),
        reworked: t('kpi:csv.reworked'),
        closedAtGridLevel: t('kpi:csv.closedAtGridLevel'),
        supervisionCount: t('kpi:csv.supervisionCount'),
        supervisedCases: t('kpi:csv.supervisedCases'),
      },
      rates: Object.fromEntries(RATE_KEYS.map((k) => [k, t(`kpi:csv.${k}`)])) as CsvLabels['rates'],
      avgHandlingHours: t('kpi:csv.avgHandlingHours'),
      avgRating: t('kpi:csv.avgRating'),
      approx: t('kpi:csv.approx'),
    };
  }, [t]);
}
