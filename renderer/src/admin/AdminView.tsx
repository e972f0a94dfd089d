/** Administration (系统管理), for administrators only (`user.manage`; the hub refuses everyone else anyway). */
import { Alert, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../common/scope-policy.js';
import { useSessionStore } from '../session/session-store.js';
import { ADMIN_TABS } from './admin-tabs.js';
import './admin.css';

export function AdminView() {
  const { t } = useTranslation(['admin']);
  const user = useSessionStore((s) => s.user);
  if (!user || !roleAllows(user, 'user.manage')) {
    return (
      <div className="admin-view">
        <Alert type="info" showIcon title={t('admin:noPermission')} />
      </div>
    );
  }
  return (
    <div className="admin-view" data-testid="admin-view">
      <Tabs
        destroyOnHidden
        items={ADMIN_TABS.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`admin-tab-${tab.key}`}>{tab.label()}</span>,
          children: tab.render(),
        }))}
      />
    </div>
  );
}
