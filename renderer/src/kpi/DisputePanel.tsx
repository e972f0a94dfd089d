/**
 * 矛盾纠纷化解: how the period's disputes ended (the seed's Table 2) — non-litigation vs litigation, judicial
 * confirmations and mediation success, overall and by year. Shares to two decimals, as the county publishes them.
 */
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeKpis, DisputeYear, Rate } from '../../../common/kpi.js';
import { useLanguage } from '../i18n/use-language.js';
import { EMPTY_VALUE, formatCount } from './kpi-view-model.js';

/** 0.43731… → "43.73%". */
export function formatShare(r: Pick<Rate, 'value'>): string {
  return r.value === null ? EMPTY_VALUE : `${(r.value * 100).toFixed(2)}%`;
}

export function DisputePanel({ disputes }: { disputes: DisputeKpis | undefined }) {
  const { t } = useTranslation(['disputes']);
  const language = useLanguage();
  if (!disputes) return null;
  const count = (n: number) => formatCount(n, language);
  const figure = (key: string, label: string, value: string, sub?: string) => (
    <div className="kpi-dispute-figure" data-testid={`kpi-dispute-${key}`}>
      <span className="kpi-dispute-label">{label}</span>
      <strong data-testid={`kpi-dispute-${key}-value`}>{value}</strong>
      {sub ? <span className="kpi-dispute-sub">{sub}</span> : null}
    </div>
  );
  return (
    <section className="kpi-disputes" data-testid="kpi-disputes" aria-label={t('disputes:kpi.title')}>
      <Typography.Title level={5}>{t('disputes:kpi.title')}</Typography.Title>
      {disputes.total === 0 ? (
        <Typography.Text type="secondary">{t('disputes:kpi.none')}</Typography.Text>
      ) : (
        <>
          <div className="kpi-dispute-figures">
            {figure('total', t('disputes:kpi.total'), count(disputes.total))}
            {figure(
              'nonLitigation',
              t('disputes:kpi.nonLitigation'),
              count(disputes.nonLitigation.numerator),
              formatShare(disputes.nonLitigation),
            )}
            {figure(
              'litigation',
              t('disputes:kpi.litigation'),
              count(disputes.litigation.numerator),
              formatShare(disputes.litigation),
            )}
            {figure('judicial', t('disputes:kpi.judicialConfirmations'), count(disputes.judicialConfirmations))}
            {figure('success', t('disputes:kpi.mediationSuccess'), formatShare(disputes.mediationSuccess))}
            {disputes.mediationSuccess.smallSample ? <Tag color="warning">n &lt; 20</Tag> : null}
          </div>
          <Table<DisputeYear>
            size="small"
            pagination={false}
            rowKey="year"
            data-testid="kpi-dispute-years"
            dataSource={disputes.byYear}
            onRow={(row) => ({ 'data-year': row.year }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('disputes:kpi.year'), dataIndex: 'year' },
              { title: t('disputes:kpi.nonLitigation'), dataIndex: 'nonLitigation', align: 'right', render: count },
              { title: t('disputes:kpi.litigation'), dataIndex: 'litigation', align: 'right', render: count },
              {
                title: t('disputes:kpi.judicialConfirmations'),
                dataIndex: 'judicialConfirmations',
                align: 'right',
                render: count,
              },
              {
                title: t('disputes:kpi.mediationSuccess'),
                key: 'success',
                align: 'right',
                render: (_v, row) => formatShare(row.mediationSuccess),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
