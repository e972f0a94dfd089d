/** The signed-in console: header on top, then navigation, the org tree of the user's scope, and the current view. */
import { Layout } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../../common/schemas.js';
import { CaseFeed } from '../dispatch/CaseFeed.js';
import { DispatchView } from '../dispatch/DispatchView.js';
import { KpiView } from '../kpi/KpiView.js';
import { MapView } from '../map/MapView.js';
import { OrgTreePanel } from '../org-tree/OrgTreePanel.js';
import { WallView } from '../wall/WallView.js';
import { AuditView } from '../audit/AuditView.js';
import { AdminView } from '../admin/AdminView.js';
import { DutyView } from '../duty/DutyView.js';
import { useHubAlertFeed } from '../base/hub-alert-feed.js';
import { AppHeader } from './AppHeader.js';
import { NavMenu } from './NavMenu.js';
import { replaceView, useCurrentView, useHashView, type View } from '../base/routes.js';

const VIEW_COMPONENTS: Record<View, () => ReactNode> = {
  wall: () => <WallView />,
  map: () => <MapView />,
  dispatch: () => <DispatchView />,
  duty: () => <DutyView />,
  kpi: () => <KpiView />,
  audit: () => <AuditView />,
  admin: () => <AdminView />,
};

export function ShellLayout({ user }: { user: User }) {
  const view = useCurrentView(user);
  const hashView = useHashView();
  // The hash follows what is shown: a fresh sign-in lands on the role's main view, a view the role may not use
  // (typed, or left by the previous user) is replaced by it. Signing out clears it for the next person.
  useEffect(() => {
    if (hashView !== view) replaceView(view);
  }, [hashView, view]);
  useEffect(() => () => replaceView(null), []);
  const [navCollapsed, setNavCollapsed] = useState(false);
  // The hub's alerts (overdue legs, 督办 against this unit, cameras lent to it) for the whole session, like the feed.
  useHubAlertFeed(user.id);
  return (
    <Layout className="app-shell">
      {/* The live case feed runs for the whole session, so no view switch loses a change or an announcement. */}
      <CaseFeed />
      <AppHeader user={user} />
      <Layout className="app-body">
        <Layout.Sider
          className="app-nav"
          width={188}
          collapsedWidth={56}
          collapsible
          collapsed={navCollapsed}
          onCollapse={setNavCollapsed}
        >
          <NavMenu />
        </Layout.Sider>
        <OrgTreePanel />
        <Layout.Content className="app-content">{VIEW_COMPONENTS[view]()}</Layout.Content>
      </Layout>
    </Layout>
  );
}
