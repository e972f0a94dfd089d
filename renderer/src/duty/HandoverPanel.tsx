/**
 * The shift handover: the outgoing officer writes the note (the hub attaches the open serious and overdue cases of
 * the room's scope); below, the room's handovers still waiting for the incoming officer, each with its cases and
 * "take over" for anyone of the room but its writer.
 */
import { Alert, App, Button, Card, Empty, Input, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDutyStaff } from '../../../common/duty-policy.js';
import type { Handover, HandoverSummary } from '../../../common/shift-schemas.js';
import { call } from '../bridge/index.js';
import { formatDateTime } from '../base/format.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { useSessionStore } from '../session/session-store.js';
import { HandoverCases } from './HandoverCases.js';

export function HandoverPanel() {
  const { t } = useTranslation(['duty']);
  const { message } = App.useApp();
  const user = useSessionStore((s) => s.user)!;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<HandoverSummary[]>([]);

  const load = useCallback(
    () =>
      call('duty.handovers', { room: user.orgUnitCode, limit: 50 }).then(
        ({ items }) => setPending(items.filter((h) => h.acknowledgedBy === null)),
        (err: unknown) => message.error(errorMessage(err)),
      ),
    [user.orgUnitCode, message],
  );
  useEffect(() => void load(), [load]);

  const write = async () => {
    setBusy(true);
    try {
      const written = await call('duty.writeHandover', { note });
      message.success(t('duty:handover.written', { count: written.cases.length }));
      setNote('');
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const staff = isDutyStaff(user);
  return (
    <div className="duty-handover">
      <Card size="small" title={t('duty:handover.write')}>
        {staff ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={4}
              maxLength={4000}
              showCount
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('duty:handover.notePlaceholder')}
              aria-label={t('duty:handover.note')}
              data-testid="handover-note"
            />
            <Button
              type="primary"
              loading={busy}
              disabled={note.trim().length === 0}
              onClick={() => void write()}
              data-testid="handover-submit"
            >
              {t('duty:handover.submit')}
            </Button>
          </Space>
        ) : (
          <Alert type="info" showIcon title={t('duty:handover.notStaff')} />
        )}
      </Card>
      <Card size="small" title={t('duty:handover.pending')} className="duty-pending">
        {pending.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty:handover.noPending')} />
        ) : (
          pending.map((h) => <PendingHandover key={h.id} summary={h} onChanged={() => void load()} />)
        )}
      </Card>
    </div>
  );
}

function PendingHandover({ summary, onChanged }: { summary: HandoverSummary; onChanged: () => void }) {
  const { t } = useTranslation(['duty']);
  const { message } = App.useApp();
  const language = useLanguage();
  const user = useSessionStore((s) => s.user)!;
  const [full, setFull] = useState<Handover | null>(null);
  useEffect(() => {
    void call('duty.handover', { id: summary.id }).then(setFull, (err: unknown) => message.error(errorMessage(err)));
  }, [summary.id, message]);
  const own = summary.writtenBy.userId === user.id;
  const acknowledge = async () => {
    try {
      await call('duty.acknowledgeHandover', { id: summary.id });
      message.success(t('duty:handover.acknowledged'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <div className="duty-pending-item" data-testid="handover-pending" data-handover-id={summary.id}>
      <div className="duty-pending-head">
        <Tag color="orange">{t('duty:handover.unacknowledged')}</Tag>
        <span>
          {t('duty:handover.by', {
            name: summary.writtenBy.displayName,
            time: formatDateTime(summary.writtenAt, language),
          })}
        </span>
        {own ? (
          <span className="duty-muted">{t('duty:handover.ownNote')}</span>
        ) : isDutyStaff(user) ? (
          <Button type="primary" size="small" onClick={() => void acknowledge()} data-testid="handover-acknowledge">
            {t('duty:handover.acknowledge')}
          </Button>
        ) : null}
      </div>
      <div className="duty-note" data-testid="handover-pending-note">
        {summary.note}
      </div>
      {full ? <HandoverCases handover={full} /> : null}
    </div>
  );
}
