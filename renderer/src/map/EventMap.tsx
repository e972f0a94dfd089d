/**
 * 事件热力图: where the county's (or the township's) events cluster and how that moved over time, over the scope's
 * outlines on a dark ground — no internet needed — with cameras and the case drawer one click away. The events of
 * a period arrive once as binary columns; filters, the time axis and playback then run on the GPU.
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/schemas.js';
import { CaseDrawer } from '../dispatch/CaseDrawer.js';
import { indexUnits } from '../base/labels.js';
import { useOrgStore, useSelectedUnit } from '../base/org-store.js';
import { navigateTo } from '../base/routes.js';
import { CameraTile } from './CameraTile.js';
import { MapCanvas } from './MapCanvas.js';
import { MapLegend } from './MapLegend.js';
import { useMapStore } from './map-store.js';
import { MapToolbar } from './MapToolbar.js';
import { TimePlayer } from './TimePlayer.js';
import { WallDropDock } from './WallDropDock.js';
import './map.css';
import { LoadState } from '../base/LoadState.js';

export default function EventMap({ user }: { user: User }) {
  const { t } = useTranslation(['map']);
  const status = useMapStore((s) => s.status);
  const error = useMapStore((s) => s.error);
  const staticError = useMapStore((s) => s.staticError);
  const camera = useMapStore((s) => s.camera);
  const orgUnits = useOrgStore((s) => s.units);
  const units = useMemo(() => indexUnits(orgUnits), [orgUnits]);

  useEffect(() => {
    const store = useMapStore.getState();
    store.ensureUser(user.id);
    // Kept for the session: coming back to the map shows the same period without fetching it again.
    if (useMapStore.getState().status === 'idle') void store.load();
    if (useMapStore.getState().boundaries === null) void store.loadStatic();
  }, [user.id]);

  return (
    <div className="map-view" data-testid="map-view">
      <div className="map-head">
        <Typography.Title level={4} className="view-title map-title">
          <span className="view-title-icon">
            <EnvironmentOutlined />
          </span>
          {t('map:title')}
        </Typography.Title>
        <SelectionBar />
      </div>
      <MapToolbar />
      <LoadState
        error={status === 'failed' || staticError ? (error ?? staticError) : null}
        failedTitle={(message) => t('map:loadFailed', { message })}
        onRetry={() => void useMapStore.getState().load()}
      />
      <div className="map-stage">
        <MapCanvas scopeCode={user.orgUnitCode} />
        <MapLegend />
        {camera ? <CameraTile camera={camera} onClose={() => useMapStore.getState().openCamera(null)} /> : null}
        <WallDropDock />
      </div>
      <TimePlayer />
      <CaseDrawer user={user} units={units} orgUnits={orgUnits} afterClose={() => undefined} />
    </div>
  );
}

/** The unit clicked on the map (or picked in the tree): the board and the KPIs now show it too. */
function SelectionBar() {
  const { t } = useTranslation(['map']);
  const selected = useSelectedUnit();
  if (!selected) return null;
  return (
    <div className="map-selection" data-testid="map-selection" data-code={selected.code}>
      <Tag color="gold" closable onClose={() => useOrgStore.getState().select(null)}>
        {t('map:selection.unit', { name: selected.name })}
      </Tag>
      <Button size="small" type="link" onClick={() => navigateTo('dispatch')} data-testid="map-to-board">
        {t('map:selection.toBoard')}
      </Button>
      <Button size="small" type="link" onClick={() => navigateTo('kpi')}>
        {t('map:selection.toKpi')}
      </Button>
    </div>
  );
}
