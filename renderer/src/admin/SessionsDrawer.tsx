/** A user's sessions (newest first): when, from which client address, live or ended; a live one can be ended. */
import { App, Button, Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminUser, SessionInfo } from '../../../common/admin-schemas.js';
import { formatStamp } from '../base/format.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLoaded } from './use-loaded.js';

const stamp = (iso: string | null) => (iso ? formatStamp(Date.parse(iso)) : '—');

export function SessionsDrawer({ user, onClose, onChanged }: { user: AdminUser; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation(['admin']);
  const { message } = App.useApp();
  const sessions = useLoaded(
    () => call('admin.userSessions', { userId: user.id }),
    user.id,
    (error) => message.error(errorMessage(error)),
  );
  const items = sessions.value?.items ?? null;

  const end = async (sessionId: string) => {
    try {
      await call('admin.endSession', { sessionId });
    } catch (error) {
      void message.error(errorMessage(error));
    }
    sessions.reload();
    onChanged();
  };

  return (
    <Drawer open width={720} title={t('admin:sessions.title', { name: user.displayName })} onClose={onClose}>
      <Table<SessionInfo>
        rowKey="id"
        size="small"
        loading={items === null}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: t('admin:sessions.none') }}
        columns={[
          { title: t('admin:sessions.createdAt'), key: 'c', render: (_, s) => stamp(s.createdAt) },
          { title: t('admin:sessions.expiresAt'), key: 'x', render: (_, s) => stamp(s.expiresAt) },
          { title: t('admin:sessions.endedAt'), key: 'e', render: (_, s) => stamp(s.endedAt) },
          { title: t('admin:sessions.address'), key: 'a', render: (_, s) => s.clientAddress ?? '—' },
          {
            title: '',
            key: 'live',
            render: (_, s) =>
              s.live ? (
                <Button size="small" danger onClick={() => void end(s.id)}>
                  {t('admin:sessions.end')}
                </Button>
              ) : (
                <Tag>{t('admin:sessions.ended')}</Tag>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
