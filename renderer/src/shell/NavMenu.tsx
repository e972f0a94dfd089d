/** Left navigation between the views; each label carries the stable test id end-to-end tests click. */
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  SettingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../common/scope-policy.js';
import { useSessionStore } from '../session/session-store.js';
import { navigateTo, useCurrentView, VIEWS, type View } from '../base/routes.js';

const ICONS: Record<View, ReactNode> = {
  wall: <VideoCameraOutlined />,
  map: <EnvironmentOutlined />,
  dispatch: <AlertOutlined />,
  kpi: <BarChartOutlined />,
  audit: <AuditOutlined />,
  admin: <SettingOutlined />,
};

export function NavMenu() {
  const { t } = useTranslation(['shell']);
  const current = useCurrentView();
  const user = useSessionStore((state) => state.user);
  // The view audit is for those who may read it (county duty officers, administrators).
  // Administration is the administrator's alone (the hub refuses its writes to anyone else anyway).
  const shown = VIEWS.filter(
    (view) =>
      (view !== 'audit' || (user !== null && roleAllows(user, 'audit.read'))) &&
      (view !== 'admin' || user?.role === 'admin'),
  );
  const items = shown.map((view) => ({
    key: view,
    icon: ICONS[view],
    label: <span data-testid={`nav-${view}`}>{t(`shell:nav.${view}`)}</span>,
  }));
  return (
    <Menu
      mode="inline"
      className="nav-menu"
      selectedKeys={[current]}
      items={items}
      onClick={({ key }) => navigateTo(key as View)}
    />
  );
}
