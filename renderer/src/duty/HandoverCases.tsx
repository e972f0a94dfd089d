/** The cases a handover froze (number, state and why), each opening the case drawer on the dispatch board. */
import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_HANDOVER_CASES, type Handover, type HandoverCase } from '../../../common/shift-schemas.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { formatDateTime } from '../base/format.js';
import { categoryLabel, gradeLabel, statusLabel } from '../base/labels.js';
import { navigateTo } from '../base/routes.js';
import { useLanguage } from '../i18n/use-language.js';

export function openCaseDrawer(caseId: string): void {
  navigateTo('dispatch');
  useBoardStore.getState().openCase(caseId);
}

export function HandoverCases({ handover }: { handover: Handover }) {
  const { t } = useTranslation(['duty']);
  const language = useLanguage();
  if (handover.cases.length === 0) return <Alert type="success" showIcon title={t('duty:handover.noCases')} />;
  return (
    <div className="duty-handover-cases" data-testid="handover-cases" data-handover-id={handover.id}>
      <div className="duty-handover-cases-title">{t('duty:handover.cases', { count: handover.cases.length })}</div>
      {handover.truncated ? (
        <Alert type="warning" showIcon title={t('duty:handover.truncated', { count: MAX_HANDOVER_CASES })} />
      ) : null}
      <Table<HandoverCase>
        size="small"
        rowKey="caseId"
        pagination={handover.cases.length > 20 ? { pageSize: 20 } : false}
        dataSource={handover.cases}
        onRow={(c) => ({ 'data-testid': 'handover-case', 'data-case-id': c.caseId }) as never}
        columns={[
          {
            title: t('duty:caseTable.caseId'),
            dataIndex: 'caseId',
            render: (id: string) => (
              <Button type="link" size="small" onClick={() => openCaseDrawer(id)} data-testid="handover-case-open">
                {id}
              </Button>
            ),
          },
          { title: t('duty:caseTable.status'), dataIndex: 'status', render: (s) => statusLabel(s, language) },
          { title: t('duty:caseTable.grade'), dataIndex: 'grade', render: (g) => gradeLabel(g, language) },
          {
            title: t('duty:caseTable.category'),
            dataIndex: 'categoryCode',
            render: (code: string) => categoryLabel(code, language),
          },
          {
            title: t('duty:caseTable.due'),
            dataIndex: 'dueAt',
            render: (due: number | null) => (due ? formatDateTime(due, language) : '—'),
          },
          {
            title: t('duty:caseTable.flags'),
            key: 'flags',
            render: (_: unknown, c: HandoverCase) => (
              <>
                {c.overdue ? <Tag color="red">{t('duty:flags.overdue')}</Tag> : null}
                {c.serious ? <Tag color="volcano">{t('duty:flags.serious')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
