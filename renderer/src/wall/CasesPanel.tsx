/**
 * The wall's "event-linked" panel: the open cases of the viewer's scope (the live board the console keeps for the
 * session), serious ones first; picking one lists its nearest cameras to drag onto tiles or put on the wall at once.
 */
import { Empty, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { NearestList } from './NearestCameras.js';

const GRADE_RANK: Record<CaseView['grade'], number> = { serious: 0, general: 1, routine: 2 };
const SHOWN = 40;

export function CasesPanel() {
  const { t } = useTranslation(['wall']);
  const cases = useBoardStore((s) => s.board.cases);
  const [picked, setPicked] = useState<string | null>(null);
  const open = useMemo(
    () =>
      [...cases.values()]
        .filter((c) => !['closed', 'evaluated', 'void', 'merged'].includes(c.status))
        .sort((a, b) => GRADE_RANK[a.grade] - GRADE_RANK[b.grade] || b.reportedAt - a.reportedAt)
        .slice(0, SHOWN),
    [cases],
  );
  const current = picked ? (cases.get(picked) ?? null) : null;

  if (current) {
    return (
      <section className="wall-cases" data-testid="cases-panel">
        <Typography.Link onClick={() => setPicked(null)}>{t('wall:cases.back')}</Typography.Link>
        <div className="wall-case-head">
          <Tag color={current.grade === 'serious' ? 'red' : current.grade === 'general' ? 'orange' : 'default'}>
            {current.caseNo}
          </Tag>
          <Typography.Paragraph ellipsis={{ rows: 2 }}>{current.description}</Typography.Paragraph>
        </div>
        <NearestList view={current} />
      </section>
    );
  }
  return (
    <section className="wall-cases" data-testid="cases-panel">
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall:cases.empty')} />
      ) : (
        <List
          size="small"
          dataSource={open}
          renderItem={(c) => (
            <List.Item className="wall-case-item" onClick={() => setPicked(c.id)} data-testid="wall-case">
              <Tag color={c.grade === 'serious' ? 'red' : c.grade === 'general' ? 'orange' : 'default'}>{c.caseNo}</Tag>
              <Typography.Text ellipsis className="wall-case-text">
                {c.description}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
