/**
 * The video wall: the scoped camera tree, tours, event-linked cameras and snapshots on the left; the layout of
 * tiles with its toolbar on the right. Every tile's player is made and destroyed by its tile, so leaving the view
 * (or signing out) destroys every hls.js instance; the arrangement itself stays in the wall store for the session.
 */
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs, Tooltip } from 'antd';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { roleAllows } from '../../../common/scope-policy.js';
import type { User } from '../../../common/schemas.js';
import { viewerLabel } from './Watermark.js';
import { useSessionStore } from '../session/session-store.js';
import { useDisplayPrefs } from '../base/display-prefs.js';
import { CameraTree } from './CameraTree.js';
import { useCameraFeed, useCameraStore } from './camera-store.js';
import { CasesPanel } from './CasesPanel.js';
import { cellCount } from './layouts.js';
import { ReasonModal } from './ReasonModal.js';
import { SnapshotPanel } from './SnapshotPanel.js';
import { TourPanel } from './TourPanel.js';
import { useTileActions } from './use-tile-actions.js';
import { useSeriousProposals, useTourTicker, useWallCast } from './use-wall-effects.js';
import { WallGrid, type GridTile } from './WallGrid.js';
import { WallToolbar } from './WallToolbar.js';
import { requestPutMany } from './PutManyDialog.js';
import { alertIndex, effectiveCameraIds, proposalShown, useWallStore } from './wall-store.js';
import './wall.css';

export function WallView() {
  const { t } = useTranslation(['wall']);
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  if (!roleAllows(user, 'camera.view')) {
    return (
      <div className="wall-view wall-view-denied">
        <Alert type="info" showIcon title={t('wall:noCameraRole')} />
      </div>
    );
  }
  return <WallScreen key={user.id} user={user} />;
}

function WallScreen({ user }: { user: User }) {
  const { t } = useTranslation(['wall']);
  // Before any tile's player starts (layout effects run first): another user's wall is never played.
  useLayoutEffect(() => useWallStore.getState().ensureUser(user.id), [user.id]);
  useCameraFeed(user.id);
  useTourTicker();
  useSeriousProposals();
  const casting = useWallStore((s) => s.casting);
  useWallCast(casting);

  const [checked, setChecked] = useState<string[]>([]);
  const [reasonFor, setReasonFor] = useState<number | null>(null);
  const wallRef = useRef<HTMLElement>(null);
  const byId = useCameraStore((s) => s.byId);
  const wall = useWallStore(
    useShallow((s) => ({
      kind: s.kind,
      tiles: s.tiles,
      focused: s.focused,
      maximized: s.maximized,
      proposal: s.proposal,
      pageTour: s.pageTour,
      alertCell: s.alertCell,
      showStats: s.showStats,
      notPermitted: s.notPermitted,
    })),
  );
  const viewer = viewerLabel(user);
  const actions = useTileActions(viewer, setReasonFor);

  const gridTiles = useMemo<GridTile[]>(() => {
    const ids = effectiveCameraIds(useWallStore.getState());
    const alert = alertIndex(wall);
    return wall.tiles.slice(0, cellCount(wall.kind)).map((tile, i) => {
      const proposed = proposalShown(wall) && i === alert;
      const own = !proposed && !wall.pageTour;
      return {
        cameraId: ids[i] ?? null,
        tour: own && tile.tour ? { ...tile.tour, pausedUntil: tile.pausedUntil } : null,
        ...(own && tile.reason ? { reason: tile.reason } : {}),
        ...(own && tile.caseId ? { caseId: tile.caseId } : {}),
      };
    });
  }, [wall]);

  const put = useCallback((ids: string[]) => {
    const store = useWallStore.getState();
    if (ids.length === 1) {
      store.assign(store.focused, ids[0]!);
      store.focus((store.focused + 1) % cellCount(store.kind));
    } else {
      requestPutMany(ids);
    }
  }, []);

  const onDropCameras = useCallback((index: number, ids: string[]) => {
    const store = useWallStore.getState();
    if (ids.length === 0) return;
    if (store.pageTour) store.setPageTour(null);
    store.assign(index, ids[0]!);
    store.focus(index);
    if (ids.length > 1) {
      const rest = ids.slice(1);
      const n = cellCount(store.kind);
      // A unit dropped on a tile fills the tiles after it, in order.
      for (let k = 0; k < rest.length && index + 1 + k < n; k++) store.assign(index + 1 + k, rest[k]!);
    }
  }, []);

  const sideCollapsed = useDisplayPrefs((s) => s.wallSideCollapsed);
  const fullWidth = useDisplayPrefs((s) => s.wallFullWidth);
  const setPrefs = useDisplayPrefs((s) => s.set);
  const sideShown = !sideCollapsed && !fullWidth;
  const sideToggle = (where: 'rail' | 'tabs') => (
    <Tooltip title={t(sideShown ? 'wall:panel.collapse' : 'wall:panel.expand')} placement="right">
      <Button
        type="text"
        size="small"
        icon={sideShown ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
        aria-label={t(sideShown ? 'wall:panel.collapse' : 'wall:panel.expand')}
        aria-expanded={sideShown}
        data-testid={where === 'rail' ? 'wall-side-open' : 'wall-side-toggle'}
        onClick={() =>
          // Opening the panel from full-width mode leaves that mode: the operator asked for the cameras back.
          setPrefs(sideShown ? { wallSideCollapsed: true } : { wallSideCollapsed: false, wallFullWidth: false })
        }
      />
    </Tooltip>
  );

  const onFocus = useCallback((index: number) => useWallStore.getState().focus(index), []);
  const onTouch = useCallback((index: number) => useWallStore.getState().touch(index), []);
  const reasonTile = reasonFor !== null ? gridTiles[reasonFor] : undefined;

  return (
    <div className="wall-view" data-testid="wall-view">
      {sideShown ? null : (
        <div className="wall-side-rail" data-testid="wall-side-rail">
          {sideToggle('rail')}
        </div>
      )}
      {/* Collapsed, the panel stays mounted: the ticked cameras and the open tab are there when it comes back. */}
      <aside className={`wall-side${sideShown ? '' : ' wall-side-away'}`} data-testid="wall-side">
        <Tabs
          size="small"
          // Tight gutters: four tabs and the fold button fit the panel in English too (no "…" overflow menu).
          tabBarGutter={10}
          tabBarExtraContent={{ right: sideToggle('tabs') }}
          className="wall-side-tabs"
          items={[
            {
              key: 'cameras',
              label: t('wall:panel.cameras'),
              children: <CameraTree user={user} checked={checked} onCheck={setChecked} onPut={put} />,
            },
            {
              key: 'tours',
              label: <span data-testid="tab-tours">{t('wall:panel.tours')}</span>,
              children: <TourPanel checked={checked} />,
            },
            {
              key: 'cases',
              label: <span data-testid="tab-cases">{t('wall:panel.cases')}</span>,
              children: <CasesPanel />,
            },
            {
              key: 'snapshots',
              label: <span data-testid="tab-snapshots">{t('wall:panel.snapshots')}</span>,
              children: <SnapshotPanel />,
            },
          ]}
        />
      </aside>
      <section className="wall-main" ref={wallRef}>
        <WallToolbar unitName={user.orgUnitName} wallRef={wallRef} />
        <WallGrid
          kind={wall.kind}
          tiles={gridTiles}
          cameras={byId}
          focused={wall.focused}
          maximized={wall.maximized}
          alertIndex={alertIndex(wall)}
          proposal={proposalShown(wall) ? wall.proposal : null}
          showStats={wall.showStats}
          notPermitted={wall.notPermitted}
          viewer={viewer}
          actions={actions}
          interactive
          onFocus={onFocus}
          onDropCameras={onDropCameras}
          onTouch={onTouch}
        />
        <div className="wall-keyhint">{t('wall:keyboardHint')}</div>
      </section>
      <ReasonModal
        open={reasonFor !== null}
        cameraName={(reasonTile?.cameraId && byId.get(reasonTile.cameraId)?.name) || (reasonTile?.cameraId ?? '')}
        onCancel={() => setReasonFor(null)}
        onSubmit={(reason, caseId) => {
          if (reasonFor !== null) useWallStore.getState().setReason(reasonFor, reason, caseId);
          setReasonFor(null);
        }}
      />
    </div>
  );
}
