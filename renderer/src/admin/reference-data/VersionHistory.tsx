/** Every version of the taxonomy and deadline table, newest first: when it took effect, who saved it and why. */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReferenceVersion } from '../../../../common/reference-versions.js';
import { formatDateTime } from '../../base/format.js';
import { useLanguage } from '../../i18n/use-language.js';

export function VersionHistory({ versions }: { versions: readonly ReferenceVersion[] }) {
  const { t } = useTranslation(['referenceData']);
  const language = useLanguage();
  return (
    <Table<ReferenceVersion>
      size="small"
      rowKey="version"
      dataSource={[...versions].reverse()}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: t('referenceData:history.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
        {
          title: t('referenceData:history.effectiveFrom'),
          dataIndex: 'effectiveFrom',
          render: (ms: number) => (ms === 0 ? t('referenceData:history.fromStart') : formatDateTime(ms, language)),
        },
        {
          title: t('referenceData:history.createdBy'),
          dataIndex: 'createdBy',
          render: (by: string | null) => by ?? t('referenceData:history.seed'),
        },
        { title: t('referenceData:history.reason'), dataIndex: 'reason' },
        {
          title: t('referenceData:history.counts'),
          key: 'counts',
          render: (_: unknown, v) =>
            `${v.taxonomy.categories.length} / ${v.taxonomy.categories.reduce((n, m) => n + m.minors.length, 0)}`,
        },
      ]}
    />
  );
}
