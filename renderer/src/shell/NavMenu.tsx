/**
 * Left navigation between the views the user's role may use (routes.ts: each view's action in the scope policy);
 * each label carries the stable test id end-to-end tests click.
 */
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  EnvironmentOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/session-store.js';
import { navigateTo, useCurrentView, viewsFor, type View } from '../base/routes.js';

const ICONS: Record<View, ReactNode> = {
  wall: <VideoCameraOutlined />,
  map: <EnvironmentOutlined />,
  dispatch: <AlertOutlined />,
  search: <SearchOutlined />,
  duty: <ScheduleOutlined />,
  kpi: <BarChartOutlined />,
  audit: <AuditOutlined />,
  admin: <SettingOutlined />,
};

export function NavMenu() {
  const { t } = useTranslation(['shell']);
  const user = useSessionStore((state) => state.user);
  const current = useCurrentView(user ?? undefined);
  const shown = user ? viewsFor(user) : [];
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
