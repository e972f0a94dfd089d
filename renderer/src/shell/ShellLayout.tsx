/** The signed-in console: header on top, then navigation, the org tree of the user's scope, and the current view. */
import { Layout } from 'antd';
import { useEffect, useLayoutEffect, type ReactNode } from 'react';
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
import { SearchView } from '../search/SearchView.js';
import { useHubAlertFeed } from '../base/hub-alert-feed.js';
import { AppHeader } from './AppHeader.js';
import './views.css';
import { NavMenu } from './NavMenu.js';
import { replaceView, useCurrentView, useHashView, type View } from '../base/routes.js';
import { useDisplayPrefs } from '../base/display-prefs.js';
import { PutManyDialog } from '../wall/PutManyDialog.js';

const VIEW_COMPONENTS: Record<View, () => ReactNode> = {
  wall: () => <WallView />,
  map: () => <MapView />,
  dispatch: () => <DispatchView />,
  search: () => <SearchView />,
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
  // The hub's alerts (overdue legs, 督办 against this unit, cameras lent to it) for the whole session, like the feed.
  useHubAlertFeed(user.id);
  // The officer's own arrangement of this screen (collapsed panels, wall width, scale) before the first paint.
  useLayoutEffect(() => useDisplayPrefs.getState().load(user.id), [user.id]);
  const prefs = useDisplayPrefs();
  // The wall's full-width mode gives the video grid the whole width: nav and org tree step aside on that view only.
  const wallWide = view === 'wall' && prefs.wallFullWidth;
  // The wall-distance scale enlarges text and cards by CSS zoom (layout and hit-testing follow it in Chromium); the
  // map's WebGL canvas keeps its own pixels, its toolbar and legend are scaled inside the view.
  const zoom = prefs.scale / 100;
  return (
    <Layout
      className={`app-shell${wallWide ? ' app-shell-wall-wide' : ''}`}
      data-scale={prefs.scale}
      style={{ ['--ui-scale' as string]: String(zoom) }}
    >
      {/* The live case feed runs for the whole session, so no view switch loses a change or an announcement. */}
      <CaseFeed />
      <PutManyDialog />
      <AppHeader user={user} />
      <Layout className="app-body">
        {wallWide ? null : (
          <Layout.Sider
            className="app-nav"
            width={188}
            collapsedWidth={56}
            collapsible
            collapsed={prefs.navCollapsed}
            onCollapse={(navCollapsed) => prefs.set({ navCollapsed })}
            data-testid="app-nav"
            data-collapsed={prefs.navCollapsed}
          >
            <NavMenu />
          </Layout.Sider>
        )}
        <OrgTreePanel hidden={wallWide} />
        <Layout.Content className={`app-content app-content-${view}`}>{VIEW_COMPONENTS[view]()}</Layout.Content>
      </Layout>
    </Layout>
  );
}
