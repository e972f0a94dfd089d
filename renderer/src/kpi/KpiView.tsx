/**
 * 统计考核: the county's own statistics, for a unit and a period — headline figures (结案率, 按期结案率, 返工率, 督办 …),
 * the monthly trend, sources, categories and grades, and the per-unit table that assessment works from; exported as
 * CSV. County duty officers see the county, any township or department; township directors their township and its
 * villages. The figures come from the hub (`stats.kpis`); this view only reads and arranges them.
 */
import { BarChartOutlined, DownloadOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Result, Skeleton, Spin, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isDepartmentCode } from '../../../common/departments.js';
import { levelOfCode } from '../../../common/org.js';
import type { User } from '../../../common/schemas.js';
import { canAct } from '../../../common/scope-policy.js';
import { formatDateTime } from '../base/format.js';
import { indexUnits, unitLabel } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { useOrgStore } from '../base/org-store.js';
import { useSessionStore } from '../session/session-store.js';
import { downloadText } from './download.js';
import { KpiCards } from './KpiCards.js';
import { queryKey, useKpiStore, type KpiQueryKey } from './kpi-store.js';
import { lastDayOf, periodOfReport, rollUpUnits, type UnitRow } from './kpi-view-model.js';
import { toCsv } from '../../../common/csv.js';
import { csvFileName, kpiCsvRows } from './kpi-csv.js';
import { PeriodPicker, UnitPicker } from './KpiToolbar.js';
import { MonthlyReportButton } from '../paper/PaperButtons.js';
import './kpi.css';
import { DepartmentRatingsTable } from './DepartmentRatingsTable.js';
import { UnitTable } from './UnitTable.js';
import { DisputePanel } from './DisputePanel.js';
import { useCsvLabels, useKpiNames } from './use-kpi-text.js';
import { LoadState } from '../base/LoadState.js';

// ECharts is the bulk of this view: load it with the view, not with the console.
const KpiCharts = lazy(() => import('./KpiCharts.js').then((m) => ({ default: m.KpiCharts })));

export function KpiView() {
  const { t } = useTranslation(['kpi', 'shell']);
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  if (!canAct(user, 'kpi.read'))
    return (
      <div className="kpi-view" data-testid="kpi-view">
        <Result icon={<LockOutlined />} title={t('shell:views.kpi.title')} subTitle={t('kpi:noPermission')} />
      </div>
    );
  return <KpiBoard user={user} />;
}

function KpiBoard({ user }: { user: User }) {
  const { t } = useTranslation(['kpi', 'shell']);
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const orgUnits = useOrgStore((s) => s.units);
  const selectedCode = useOrgStore((s) => s.selectedCode);
  const select = useOrgStore((s) => s.select);
  const units = useMemo(() => indexUnits(orgUnits), [orgUnits]);
  const names = useKpiNames(units);
  const csvLabels = useCsvLabels();

  const period = useKpiStore((s) => s.period);
  const department = useKpiStore((s) => s.department);
  const entries = useKpiStore((s) => s.entries);
  const shown = useKpiStore((s) => s.shown);
  const load = useKpiStore((s) => s.load);
  const pickDepartment = useKpiStore((s) => s.pickDepartment);

  // The unit: a department a county user picked (until the org tree selection moves on), else the org tree's
  // selection, else the user's own unit.
  const county = levelOfCode(user.orgUnitCode) === 'county';
  const departmentCode = county && department && department.basis === selectedCode ? department.code : null;
  const unitCode = departmentCode ?? selectedCode ?? user.orgUnitCode;

  const query = useMemo(
    (): KpiQueryKey | null => (period ? { userId: user.id, period, orgUnit: unitCode } : null),
    [period, unitCode, user.id],
  );
  const key = query ? queryKey(query) : null;
  const entry = key ? entries[key] : undefined;

  // Presets follow the calendar: "this month" is recomputed whenever the view opens (rooms run across month ends).
  useEffect(() => {
    const state = useKpiStore.getState();
    if (state.preset !== 'custom') state.choosePreset(state.preset);
  }, []);

  useEffect(() => {
    if (query) load(query);
  }, [load, query]);

  const report = entry?.report ?? (query && shown?.userId === user.id ? shown.report : null);
  const loading = query !== null && (entry === undefined || entry.loading);
  const error = entry && !entry.loading && !entry.report ? entry.error : null;
  const current = report !== null && report === entry?.report;
  const rows = useMemo(() => (report ? rollUpUnits(report.byUnit) : []), [report]);

  const chooseUnit = useCallback(
    (code: string) => {
      if (isDepartmentCode(code)) {
        pickDepartment(code, useOrgStore.getState().selectedCode);
        return;
      }
      pickDepartment(null, null);
      select(code);
    },
    [pickDepartment, select],
  );
  const canOpen = useCallback(
    (row: UnitRow) =>
      row.key !== unitCode &&
      ((row.kind === 'township' && units.has(row.key)) || (row.kind === 'department' && county)),
    [county, unitCode, units],
  );
  const openRow = useCallback((row: UnitRow) => chooseUnit(row.key), [chooseUnit]);

  const unitName = unitLabel(unitCode, units, language, true);

  const exportCsv = () => {
    if (!report || !current) return;
    const reportPeriod = periodOfReport(report);
    const text = toCsv(
      kpiCsvRows({
        report,
        rows,
        unitName,
        period: reportPeriod,
        asOfText: formatDateTime(Date.parse(report.asOf), language),
        // Full department names in the file (县公安局), short ones on screen.
        unitLabel: (row) => (row.kind === 'department' ? unitLabel(row.key, units, language, true) : names.row(row)),
        sourceName: names.source,
        labels: csvLabels,
      }),
    );
    const fileName = csvFileName(csvLabels.title, unitName, reportPeriod);
    downloadText(fileName, text);
    void message.success(t('kpi:exported', { name: fileName }));
  };

  return (
    <div className="kpi-view" data-testid="kpi-view" data-unit={unitCode} data-state={loading ? 'loading' : 'ready'}>
      <div className="kpi-head">
        <Typography.Title level={4} className="view-title kpi-title">
          <span className="view-title-icon">
            <BarChartOutlined />
          </span>
          {t('shell:views.kpi.title')}
        </Typography.Title>
        <UnitPicker user={user} orgUnits={orgUnits} units={units} value={unitCode} onChange={chooseUnit} />
        <PeriodPicker />
        <div className="kpi-head-actions">
          <span className="kpi-meta" data-testid="kpi-meta">
            {period ? t('kpi:period.range', { from: period.from, to: lastDayOf(period) }) : null}
            {report && current ? (
              <span className="kpi-asof">
                {t('kpi:asOf', { time: formatDateTime(Date.parse(report.asOf), language) })}
              </span>
            ) : null}
          </span>
          <Tooltip title={t('kpi:refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('kpi:refresh')}
              loading={loading}
              disabled={!query}
              onClick={() => {
                if (!query) return;
                const state = useKpiStore.getState();
                // A preset is re-read from the calendar first, so "this month" is this month.
                if (state.preset !== 'custom') state.choosePreset(state.preset);
                else load(query, true);
              }}
              data-testid="kpi-refresh"
            />
          </Tooltip>
          {/* 月报 PDF: the unit shown, a month picked (default: the month the period starts in). */}
          <MonthlyReportButton orgUnit={unitCode} unitName={unitName} month={period?.from.slice(0, 7)} />
          <Button
            icon={<DownloadOutlined />}
            onClick={exportCsv}
            disabled={!report || !current}
            data-testid="kpi-export"
          >
            {t('kpi:export')}
          </Button>
        </div>
      </div>

      {!period ? <Alert type="info" showIcon title={t('kpi:period.pickRange')} /> : null}
      {period ? (
        <LoadState
          error={error}
          failedTitle={(message) => t('kpi:loadFailed', { message })}
          onRetry={() => query && load(query, true)}
          testId="kpi-error"
          loading={!report}
          loadingText={t('kpi:loading')}
          className="kpi-body kpi-body--loading"
          placeholder={<Skeleton active paragraph={{ rows: 8 }} />}
        >
          {report ? (
            <Spin spinning={loading} description={t('kpi:loading')} delay={150}>
              <div className={`kpi-body${current ? '' : ' is-stale'}`} aria-busy={loading}>
                <KpiCards figures={report.summary} />
                <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                  <KpiCharts report={report} names={names} />
                </Suspense>
                <UnitTable rows={rows} names={names} current={unitCode} canOpen={canOpen} onOpen={openRow} />
                <DisputePanel disputes={report.disputes} />
                <DepartmentRatingsTable
                  from={period.from}
                  to={period.to}
                  orgUnit={departmentCode ? undefined : unitCode}
                  units={units}
                />
              </div>
            </Spin>
          ) : null}
        </LoadState>
      ) : null}
    </div>
  );
}
