/**
 * The deadline-table editor: the sign-for limit, the county default per grade (every grade required) and the
 * category lines (a grade left empty inherits the major's, then the county's). Serious limits are wall-clock hours.
 */
import { Button, InputNumber, Select, Space, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { EDITOR_TABLE } from './editor-table.js';
import { CASE_GRADES, type CaseGrade } from '../../../../common/cases.js';
import { DEADLINE_UNITS, type DeadlineLimit } from '../../../../common/sla-clock.js';
import { allMinors } from '../../../../common/taxonomy.js';
import { useLanguage } from '../../i18n/use-language.js';
import { addOverride, removeOverride, setLimit, type Draft, type LimitRow } from './draft.js';

interface Row {
  readonly key: LimitRow;
  readonly label: string;
  readonly limits: Partial<Record<CaseGrade, DeadlineLimit>>;
  readonly required: boolean;
}

export function DeadlineEditor({ draft, onChange }: { draft: Draft; onChange: (next: Draft) => void }) {
  const { t } = useTranslation(['referenceData']);
  const language = useLanguage();
  const d = draft.deadlines;
  const names = new Map<string, string>();
  for (const major of draft.taxonomy.categories) names.set(major.code, language === 'en' ? major.en : major.zh);
  for (const { minor } of allMinors(draft.taxonomy)) names.set(minor.code, language === 'en' ? minor.en : minor.zh);
  const rows: Row[] = [
    {
      key: 'countyDefault',
      label: t('referenceData:deadlines.countyDefault'),
      limits: d.countyDefault,
      required: true,
    },
    ...Object.keys(d.categories)
      .sort()
      .map((code) => ({
        key: code,
        label: `${code} ${names.get(code) ?? ''}`,
        limits: d.categories[code]!,
        required: false,
      })),
  ];

  const limitCell = (row: LimitRow, grade: CaseGrade | null, limit: DeadlineLimit | undefined, required: boolean) => {
    const units = grade === 'serious' ? (['hours'] as const) : DEADLINE_UNITS;
    const set = (next: DeadlineLimit | null) => onChange(setLimit(draft, row, grade, next));
    return (
      <Space.Compact size="small">
        <InputNumber
          size="small"
          min={0.1}
          max={10_000}
          value={limit?.amount ?? null}
          placeholder={t('referenceData:deadlines.inherit')}
          status={required && !limit ? 'error' : undefined}
          onChange={(amount) =>
            set(typeof amount === 'number' && amount > 0 ? { amount, unit: limit?.unit ?? units[0] } : null)
          }
          data-testid={`limit-${row}-${grade ?? 'signFor'}`}
          style={{ width: 90 }}
        />
        <Select
          size="small"
          value={limit?.unit ?? units[0]}
          disabled={!limit}
          style={{ width: 140 }}
          options={units.map((unit) => ({ value: unit, label: t(`referenceData:deadlines.units.${unit}`) }))}
          onChange={(unit) => limit && set({ ...limit, unit })}
        />
      </Space.Compact>
    );
  };

  const unlisted = [...names.keys()].filter((code) => !d.categories[code]).sort();
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <span>{t('referenceData:deadlines.signFor')}</span>
        {limitCell('signFor', null, d.signFor, true)}
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 280 }}
          placeholder={t('referenceData:deadlines.addOverride')}
          value={null}
          options={unlisted.map((code) => ({ value: code, label: `${code} ${names.get(code)}` }))}
          onChange={(code: string) => onChange(addOverride(draft, code, names.get(code) ?? code))}
        />
      </Space>
      <Table<Row>
        {...EDITOR_TABLE}
        dataSource={rows}
        columns={[
          { title: t('referenceData:deadlines.row'), dataIndex: 'label', width: 200 },
          ...CASE_GRADES.map((grade) => ({
            key: grade,
            title:
              grade === 'serious' ? (
                <Tooltip title={t('referenceData:deadlines.seriousHint')}>
                  {t('referenceData:deadlines.serious')}
                </Tooltip>
              ) : (
                t(`referenceData:deadlines.${grade}`)
              ),
            render: (_: unknown, row: Row) => limitCell(row.key, grade, row.limits[grade], row.required),
          })),
          {
            key: 'actions',
            width: 80,
            render: (_: unknown, row: Row) =>
              row.required ? null : (
                <Button size="small" type="link" danger onClick={() => onChange(removeOverride(draft, row.key))}>
                  {t('referenceData:deadlines.removeOverride')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
