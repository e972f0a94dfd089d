/**
 * Users (用户): searchable, paged list from the hub; create, edit, disable/enable, unlock, reset a password (a
 * one-time password shown once), a user's sessions, and the CSV import. Every act is the hub's to allow; the
 * table only reloads after it.
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_STATUSES, type AdminUser, type OneTimePasswordAnswer } from '../../../common/admin-schemas.js';
import { ROLES, type Role } from '../../../common/roles.js';
import { roleLabel } from '../base/labels.js';
import { formatStamp } from '../base/format.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { useSessionStore } from '../session/session-store.js';
import { OneTimePasswordModal } from './OneTimePasswordModal.js';
import { SessionsDrawer } from './SessionsDrawer.js';
import { UserFormModal } from './UserFormModal.js';
import { UsersImportModal } from './UsersImportModal.js';
import { useLoaded } from './use-loaded.js';
import { hubPaging } from './hub-paging.js';

type Status = (typeof USER_STATUSES)[number];
const PAGE_SIZE = 20;

function statusOf(user: AdminUser): Status {
  if (user.disabled) return 'disabled';
  if (user.locked) return 'locked';
  return user.mustChangePassword ? 'must_change' : 'active';
}
const STATUS_COLOURS: Record<Status, string> = {
  active: 'green',
  disabled: 'default',
  locked: 'red',
  must_change: 'gold',
};

export function UsersTab() {
  const { t } = useTranslation(['admin']);
  const language = useLanguage();
  const { message } = App.useApp();
  const me = useSessionStore((s) => s.user);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role>();
  const [status, setStatus] = useState<Status>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [sessionsOf, setSessionsOf] = useState<AdminUser | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePasswordAnswer | null>(null);

  const query = { q: q || undefined, role, status, page, pageSize: PAGE_SIZE };
  const users = useLoaded(
    () => call('admin.users', query),
    JSON.stringify(query),
    (error) => message.error(errorMessage(error)),
  );
  const data = users.value ?? { items: [], total: 0 };
  const loading = users.loading;
  const load = users.reload;

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('admin:users.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
    load();
  };

  const columns = [
    { title: t('admin:users.username'), dataIndex: 'username', key: 'username' },
    { title: t('admin:users.displayName'), dataIndex: 'displayName', key: 'displayName' },
    { title: t('admin:users.role'), key: 'role', render: (_: unknown, u: AdminUser) => roleLabel(u.role, language) },
    {
      title: t('admin:users.unit'),
      key: 'unit',
      render: (_: unknown, u: AdminUser) => `${u.orgUnitName} (${u.orgUnitCode})`,
    },
    {
      title: t('admin:users.status'),
      key: 'status',
      render: (_: unknown, u: AdminUser) => (
        <Tag color={STATUS_COLOURS[statusOf(u)]}>{t(`admin:users.status_${statusOf(u)}`)}</Tag>
      ),
    },
    {
      title: t('admin:users.lastLogin'),
      key: 'lastLogin',
      render: (_: unknown, u: AdminUser) => (u.lastLoginAt ? formatStamp(Date.parse(u.lastLoginAt)) : '—'),
    },
    {
      title: t('admin:users.sessions'),
      key: 'sessions',
      render: (_: unknown, u: AdminUser) => (
        <Button size="small" type="link" onClick={() => setSessionsOf(u)} data-testid={`user-sessions-${u.username}`}>
          {u.liveSessions}
        </Button>
      ),
    },
    {
      title: t('admin:users.actions'),
      key: 'actions',
      render: (_: unknown, u: AdminUser) => {
        const own = u.id === me?.id;
        return (
          <Space size={0} wrap>
            <Button size="small" type="link" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
              {t('admin:users.edit')}
            </Button>
            {u.disabled ? (
              <Button
                size="small"
                type="link"
                onClick={() => void act(() => call('admin.setDisabled', { userId: u.id, disabled: false }))}
              >
                {t('admin:users.enable')}
              </Button>
            ) : (
              <Popconfirm
                title={t('admin:users.confirmDisable', { name: u.displayName })}
                onConfirm={() => void act(() => call('admin.setDisabled', { userId: u.id, disabled: true }))}
                disabled={own}
              >
                <Button size="small" type="link" danger disabled={own}>
                  {t('admin:users.disable')}
                </Button>
              </Popconfirm>
            )}
            {u.locked ? (
              <Button
                size="small"
                type="link"
                onClick={() => void act(() => call('admin.unlockUser', { userId: u.id }))}
              >
                {t('admin:users.unlock')}
              </Button>
            ) : null}
            <Popconfirm
              title={t('admin:users.confirmReset', { name: u.displayName })}
              disabled={own}
              onConfirm={async () => {
                try {
                  setOneTime(await call('admin.resetPassword', { userId: u.id }));
                } catch (error) {
                  void message.error(errorMessage(error));
                }
                load();
              }}
            >
              <Button size="small" type="link" disabled={own} data-testid={`user-reset-${u.username}`}>
                {t('admin:users.reset')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <div>
      <div className="admin-toolbar">
        <Input.Search
          allowClear
          placeholder={t('admin:users.search')}
          style={{ width: 280 }}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          data-testid="users-search"
        />
        <Select
          allowClear
          placeholder={t('admin:users.allRoles')}
          style={{ width: 200 }}
          value={role}
          onChange={(value) => {
            setRole(value);
            setPage(1);
          }}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r, language) }))}
        />
        <Select
          allowClear
          placeholder={t('admin:users.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={USER_STATUSES.map((s) => ({ value: s, label: t(`admin:users.status_${s}`) }))}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
          {t('admin:users.create')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="users-import">
          {t('admin:users.import')}
        </Button>
      </div>
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="users-table"
        pagination={hubPaging(page, PAGE_SIZE, data.total, setPage, (count) => t('admin:users.total', { count }))}
      />
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(answer) => {
            setEditing(null);
            if (answer) setOneTime(answer);
            else void message.success(t('admin:users.saved'));
            load();
          }}
        />
      ) : null}
      {oneTime ? <OneTimePasswordModal answer={oneTime} onClose={() => setOneTime(null)} /> : null}
      {sessionsOf ? <SessionsDrawer user={sessionsOf} onClose={() => setSessionsOf(null)} onChanged={load} /> : null}
      {importing ? (
        <UsersImportModal
          onClose={() => {
            setImporting(false);
            load();
          }}
        />
      ) : null}
    </div>
  );
}
