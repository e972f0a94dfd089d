/** The administration view (the admin role only; the hub refuses every other role on each call anyway). */
import { Tabs } from 'antd';
import { useState } from 'react';
import { ADMIN_TABS } from './admin-tabs.js';
import './admin.css';

export function AdminView() {
  const [active, setActive] = useState(ADMIN_TABS[0]!.key);
  return (
    <div className="admin-view" data-testid="admin-view">
      <Tabs
        activeKey={active}
        onChange={setActive}
        destroyOnHidden
        items={ADMIN_TABS.map((tab) => ({ key: tab.key, label: tab.label, children: tab.render() }))}
      />
    </div>
  );
}
