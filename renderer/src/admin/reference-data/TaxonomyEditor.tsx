/** The taxonomy editor: majors and their minors in one tree table, names editable, retire switch, add and remove. */
import { Button, Input, Space, Switch, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { EDITOR_TABLE } from './editor-table.js';
import type { TaxonomyMajor, TaxonomyMinor } from '../../../../common/taxonomy.js';
import { addMajor, addMinor, editMajor, editMinor, removeMinor, type Draft } from './draft.js';

interface Row {
  readonly key: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly retired: boolean;
  readonly major: boolean;
  readonly children?: Row[];
}

const rowOf = (item: TaxonomyMajor | TaxonomyMinor, major: boolean): Row => ({
  key: item.code,
  code: item.code,
  zh: item.zh,
  en: item.en,
  retired: item.retired === true,
  major,
});

export function TaxonomyEditor({ draft, onChange }: { draft: Draft; onChange: (next: Draft) => void }) {
  const { t } = useTranslation(['referenceData']);
  const rows: Row[] = draft.taxonomy.categories.map((major) => ({
    ...rowOf(major, true),
    children: major.minors.map((minor) => rowOf(minor, false)),
  }));
  const edit = (row: Row, change: { zh?: string; en?: string; retired?: boolean }) =>
    onChange(row.major ? editMajor(draft, row.code, change) : editMinor(draft, row.code, change));
  const nameInput = (field: 'zh' | 'en') => (value: string, row: Row) => (
    <Input
      size="small"
      value={value}
      maxLength={field === 'zh' ? 40 : 80}
      status={value.trim() ? undefined : 'error'}
      onChange={(e) => edit(row, { [field]: e.target.value })}
      aria-label={`${row.code} ${t(`referenceData:taxonomy.${field}`)}`}
      data-testid={`taxonomy-${field}-${row.code}`}
    />
  );
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => onChange(addMajor(draft, t('referenceData:taxonomy.newName')))}>
          {t('referenceData:taxonomy.addMajor')}
        </Button>
      </Space>
      <Table<Row>
        {...EDITOR_TABLE}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: false }}
        columns={[
          { title: t('referenceData:taxonomy.code'), dataIndex: 'code', width: 120 },
          { title: t('referenceData:taxonomy.zh'), dataIndex: 'zh', render: nameInput('zh') },
          { title: t('referenceData:taxonomy.en'), dataIndex: 'en', render: nameInput('en') },
          {
            title: (
              <Tooltip title={t('referenceData:taxonomy.retiredHint')}>{t('referenceData:taxonomy.retired')}</Tooltip>
            ),
            dataIndex: 'retired',
            width: 80,
            render: (retired: boolean, row) => (
              <Switch
                size="small"
                checked={retired}
                onChange={(on) => edit(row, { retired: on })}
                data-testid={`taxonomy-retired-${row.code}`}
              />
            ),
          },
          {
            key: 'actions',
            width: 150,
            render: (_: unknown, row) =>
              row.major ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => onChange(addMinor(draft, row.code, t('referenceData:taxonomy.newName')))}
                >
                  {t('referenceData:taxonomy.addMinor')}
                </Button>
              ) : (
                <Tooltip title={t('referenceData:taxonomy.removeHint')}>
                  <Button size="small" type="link" danger onClick={() => onChange(removeMinor(draft, row.code))}>
                    {t('referenceData:taxonomy.remove')}
                  </Button>
                </Tooltip>
              ),
          },
        ]}
      />
    </>
  );
}
