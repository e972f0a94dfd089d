/** Left navigation between the four views; each label carries the stable test id end-to-end tests click. */
import { AlertOutlined, BarChartOutlined, EnvironmentOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigateTo, useCurrentView, VIEWS, type View } from './routes.js';

const ICONS: Record<View, ReactNode> = {
  wall: <VideoCameraOutlined />,
  map: <EnvironmentOutlined />,
  dispatch: <AlertOutlined />,
  kpi: <BarChartOutlined />,
};

export function NavMenu() {
  const { t } = useTranslation();
  const current = useCurrentView();
  const items = VIEWS.map((view) => ({
    key: view,
    icon: ICONS[view],
    label: <span data-testid={`nav-${view}`}>{t(`nav.${view}`)}</span>,
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
