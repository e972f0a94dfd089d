/**
 * 单位考核: one row per township (its grids and villages rolled in), the county centre's own cases, and each
 * department, with the rates; every column sorts, rates on fewer than 20 cases are flagged, and clicking a township
 * (or, for county users, a department) makes it the unit of the whole view.
 */
import { Button, Card, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language.js';
import {
  EMPTY_VALUE,
  formatCount,
  formatFraction,
  formatRate,
  formatRating,
  RATE_KEYS,
  unitSortValue,
  type UnitColumn,
  type UnitRow,
} from './kpi-view-model.js';
import { SmallSampleFlag } from './KpiCards.js';
import { useDurationText, type KpiNames } from './use-kpi-text.js';

interface UnitTableProps {
  readonly rows: readonly UnitRow[];
  readonly names: KpiNames;
  /** The unit the view shows now (highlighted). */
  readonly current: string;
  /** Whether a row can become the view's unit. */
  readonly canOpen: (row: UnitRow) => boolean;
  readonly onOpen: (row: UnitRow) => void;
}

export function UnitTable({ rows, names, current, canOpen, onOpen }: UnitTableProps) {
  const { t } = useTranslation(['kpi']);
  const language = useLanguage();
  const durationText = useDurationText();

  const columns = useMemo((): TableColumnsType<UnitRow> => {
    const sorter = (column: UnitColumn) => ({
      sorter: (a: UnitRow, b: UnitRow) => unitSortValue(a, column) - unitSortValue(b, column),
      sortDirections: ['descend' as const, 'ascend' as const, null],
    });
    const count = (column: 'received' | 'filed' | 'closed' | 'supervisionCount', title: string) => ({
      key: column,
      title,
      align: 'right' as const,
      width: 76,
      ...sorter(column),
      render: (_: unknown, row: UnitRow) => formatCount(row[column], language),
    });
    return [
      {
        key: 'unit',
        title: t('kpi:table.unit'),
        fixed: 'left',
        width: 140,
        render: (_, row) => {
          const name = names.row(row);
          return (
            <span className="kpi-unit-cell">
              {canOpen(row) ? (
                <Button
                  type="link"
                  size="small"
                  className="kpi-unit-link"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(row);
                  }}
                  aria-label={t('kpi:table.open', { name })}
                >
                  {name}
                </Button>
              ) : (
                <span className="kpi-unit-name">{name}</span>
              )}
              {row.kind === 'department' ? <Tag className="kpi-kind-tag">{t('kpi:kind.department')}</Tag> : null}
            </span>
          );
        },
      },
      count('received', t('kpi:card.received')),
      count('filed', t('kpi:card.filed')),
      count('closed', t('kpi:card.closed')),
      ...RATE_KEYS.map((key) => ({
        key,
        title: t(`kpi:card.${key}`),
        align: 'right' as const,
        width: 100,
        ...sorter(key),
        render: (_: unknown, row: UnitRow) => {
          const r = row[key];
          return (
            <span className={`kpi-rate-cell${r.smallSample ? ' is-small-sample' : ''}`}>
              {r.smallSample && r.denominator > 0 ? <SmallSampleFlag rate={r} compact /> : null}
              <Tooltip title={formatFraction(r, language)}>
                <span>{formatRate(r)}</span>
              </Tooltip>
            </span>
          );
        },
      })),
      count('supervisionCount', t('kpi:card.supervisionCount')),
      {
        key: 'avgHandlingHours',
        title: t('kpi:card.avgHandlingHours'),
        align: 'right',
        width: 110,
        ...sorter('avgHandlingHours'),
        render: (_, row) => (row.avgHandlingHours === null ? EMPTY_VALUE : durationText(row.avgHandlingHours)),
      },
      {
        key: 'avgRating',
        title: t('kpi:card.avgRating'),
        align: 'right',
        width: 88,
        ...sorter('avgRating'),
        render: (_, row) =>
          row.ratingApprox && row.avgRating !== null ? (
            <Tooltip title={t('kpi:approxRating')}>
              <span>≈{formatRating(row.avgRating)}</span>
            </Tooltip>
          ) : (
            formatRating(row.avgRating)
          ),
      },
    ];
  }, [canOpen, durationText, language, names, onOpen, t]);

  return (
    <Card
      size="small"
      className="kpi-panel kpi-table-panel"
      title={t('kpi:table.title')}
      extra={<span className="kpi-hint">{t('kpi:table.hint')}</span>}
    >
      <Table<UnitRow>
        data-testid="kpi-unit-table"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows as UnitRow[]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('kpi:noData') }}
        rowClassName={(row) =>
          [row.key === current ? 'kpi-row-current' : '', canOpen(row) ? 'kpi-row-link' : ''].join(' ').trim()
        }
        onRow={(row) => ({
          'data-unit': row.key,
          'data-kind': row.kind,
          onClick: canOpen(row) ? () => onOpen(row) : undefined,
        })}
      />
    </Card>
  );
}
