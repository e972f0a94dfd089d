/**
 * This session's snapshots: download again, or attach to an open case as evidence. Attaching uploads the picture to
 * the hub as the case's attachment (kind `snapshot`, with its camera and the moment it shows), where every console
 * whose scope holds the case sees it in the case drawer (issue 15 §2).
 */
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../base/cases/board-store.js';
import { formatStamp } from '../base/format.js';
import { useEvidenceStore } from './evidence-store.js';
import { uploadEvidence } from '../evidence/evidence-files.js';
import { errorMessage } from '../i18n/error-message.js';
import { downloadSnapshot, type Snapshot } from './snapshot.js';

export function SnapshotPanel() {
  const { t } = useTranslation(['wall']);
  const recent = useEvidenceStore((s) => s.recent);
  return (
    <section className="wall-snapshots" data-testid="snapshot-panel">
      {recent.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall:snapshot.none')} />
      ) : (
        <List size="small" dataSource={recent} renderItem={(s) => <SnapshotItem snapshot={s} />} />
      )}
      <Typography.Paragraph type="secondary" className="wall-panel-hint">
        {t('wall:snapshot.limit')}
      </Typography.Paragraph>
    </section>
  );
}

function SnapshotItem({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation(['wall']);
  const { message } = App.useApp();
  const cases = useBoardStore((s) => s.board.cases);
  const byCase = useEvidenceStore((s) => s.byCase);
  const [caseId, setCaseId] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const options = useMemo(
    () =>
      [...cases.values()]
        .filter((c) => !['closed', 'evaluated', 'void', 'merged'].includes(c.status))
        .sort((a, b) => b.reportedAt - a.reportedAt)
        .slice(0, 200)
        .map((c) => ({ value: c.id, label: `${c.caseNo} ${c.description.slice(0, 24)}` })),
    [cases],
  );
  const attachedTo = [...byCase.entries()].filter(([, list]) => list.some((s) => s.id === snapshot.id));

  const attach = async () => {
    if (!caseId) return;
    setSending(true);
    try {
      const { cameraId, at } = snapshot.meta;
      await uploadEvidence(caseId, 'snapshot', snapshot.fileName, snapshot.blob, { cameraId, capturedAt: at });
      useEvidenceStore.getState().attach(caseId, snapshot);
      message.success(t('wall:snapshot.attached', { caseNo: cases.get(caseId)?.caseNo ?? caseId }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <List.Item className="wall-snapshot-item" data-testid="snapshot-item">
      <img src={snapshot.url} alt={snapshot.fileName} className="wall-snapshot-thumb" />
      <div className="wall-snapshot-body">
        <Typography.Text ellipsis title={snapshot.fileName}>
          {snapshot.meta.cameraName}
        </Typography.Text>
        <Typography.Text type="secondary" className="wall-snapshot-time">
          {formatStamp(snapshot.meta.at)} · {snapshot.width}×{snapshot.height}
        </Typography.Text>
        <div className="wall-snapshot-actions">
          <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadSnapshot(snapshot)}>
            {t('wall:snapshot.download')}
          </Button>
          <Select
            size="small"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('wall:snapshot.pickCase')}
            options={options}
            value={caseId}
            onChange={setCaseId}
            className="wall-snapshot-case"
            popupMatchSelectWidth={320}
          />
          <Button
            size="small"
            icon={<PaperClipOutlined />}
            disabled={!caseId}
            loading={sending}
            onClick={() => void attach()}
            data-testid="snapshot-attach"
          >
            {t('wall:snapshot.attach')}
          </Button>
        </div>
        {attachedTo.length > 0 ? (
          <Typography.Text type="success" className="wall-snapshot-time">
            {t('wall:snapshot.attachedTo', {
              cases: attachedTo.map(([id]) => cases.get(id)?.caseNo ?? id).join('、'),
            })}
          </Typography.Text>
        ) : null}
      </div>
    </List.Item>
  );
}
