/** 系统管理: the administrator's view, one tab per entry of admin-tabs.tsx. */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN_TABS } from './admin-tabs.js';

export function AdminView() {
  const { t } = useTranslation(['referenceData']);
  return (
    <div className="admin-view" style={{ padding: 16, height: '100%', overflow: 'auto' }}>
      <Typography.Title level={4}>{t('referenceData:title')}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={ADMIN_TABS.map((tab) => ({ key: tab.key, label: tab.label, children: tab.render() }))}
      />
    </div>
  );
}
