/**
 * 部门评价: the villages' and communities' ratings of departments (逆向考核) in the KPI period, rolled up by the hub
 * per department (count, average, by month) over the cases of the unit shown. Averages of fewer than 20 ratings are
 * flagged, as every KPI rate is.
 */
import { Alert, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRatingRow } from '../../../common/department-ratings.js';
import { call } from '../bridge/index.js';
import { unitLabel, type UnitIndex } from '../base/labels.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';

export function DepartmentRatingsTable({
  from,
  to,
  orgUnit,
  units,
}: {
  from: string;
  to: string;
  /** An org unit of the viewer's scope; undefined: the viewer's own. */
  orgUnit: string | undefined;
  units: UnitIndex;
}) {
  const { t } = useTranslation(['roles']);
  const language = useLanguage();
  const key = `${from}|${to}|${orgUnit ?? ''}`;
  // The answer of one query; another query's answer is not shown while this one loads.
  const [answer, setAnswer] = useState<{ key: string; rows: DepartmentRatingRow[]; error: unknown } | null>(null);

  useEffect(() => {
    let live = true;
    call('stats.departmentRatings', { from, to, ...(orgUnit ? { orgUnit } : {}) }).then(
      (report) => live && setAnswer({ key, rows: report.rows, error: null }),
      (failure: unknown) => live && setAnswer({ key, rows: [], error: failure }),
    );
    return () => {
      live = false;
    };
  }, [key, from, to, orgUnit]);
  const rows = answer?.key === key ? answer.rows : null;
  const error = answer?.key === key ? answer.error : null;

  return (
    <section className="kpi-department-ratings" data-testid="kpi-department-ratings">
      <Typography.Title level={5}>{t('roles:kpi.title')}</Typography.Title>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      <Table<DepartmentRatingRow>
        size="small"
        rowKey="departmentCode"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('roles:kpi.none') }}
        onRow={(row) => ({ 'data-testid': 'kpi-department-rating', 'data-department': row.departmentCode }) as never}
        columns={[
          {
            key: 'department',
            title: t('roles:kpi.department'),
            render: (_: unknown, row) => unitLabel(row.departmentCode, units, language),
          },
          { key: 'count', title: t('roles:kpi.count'), dataIndex: 'count', align: 'right' },
          {
            key: 'average',
            title: t('roles:kpi.average'),
            align: 'right',
            render: (_: unknown, row) => (
              <span data-testid="kpi-department-average">
                {row.average === null ? '—' : row.average.toFixed(2)}
                {row.smallSample ? (
                  <Tooltip title={t('roles:kpi.small')}>
                    <Tag className="kpi-small-sample">*</Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
          {
            key: 'months',
            title: t('roles:kpi.months'),
            render: (_: unknown, row) =>
              row.byMonth.map((m) => `${m.month}: ${m.average?.toFixed(1) ?? '—'} (${m.count})`).join('；'),
          },
        ]}
      />
    </section>
  );
}
