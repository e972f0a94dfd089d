/** The header's "on duty now": the officer's name and until when, or who comes next; refreshed every minute. */
import { ScheduleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime } from '../base/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { useDutyNowStore } from './duty-now-store.js';

const REFRESH_MS = 60_000;

export function OnDutyIndicator({ userId }: { userId: string }) {
  const { t } = useTranslation(['duty']);
  const language = useLanguage();
  const now = useDutyNowStore((s) => s.now);
  useEffect(() => {
    const { refresh } = useDutyNowStore.getState();
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [userId]);
  if (!now) return null;
  const shift = now.shift;
  const text = shift
    ? t('duty:now.until', { name: shift.officer.displayName, time: formatTime(shift.endsAt, language) })
    : t('duty:now.nobody');
  const next = now.next
    ? t('duty:now.next', { name: now.next.officer.displayName, time: formatDateTime(now.next.startsAt, language) })
    : undefined;
  return (
    <Tooltip title={next}>
      <span className="app-header-duty" data-testid="header-on-duty" data-officer={shift?.officer.userId ?? ''}>
        <ScheduleOutlined /> <Typography.Text type="secondary">{t('duty:now.label')}</Typography.Text>{' '}
        <Typography.Text strong={!!shift}>{text}</Typography.Text>
      </span>
    </Tooltip>
  );
}
