/**
 * Event-linked cameras: the cameras of the viewer's own scope nearest to a case (the grid-bucket index over the
 * scoped camera list — the hub never lists another area's cameras to this viewer), each draggable onto a tile, and
 * one click to put them all on the wall. Shown in the wall's side panel and in the case drawer (snapshots attached to
 * the case are the drawer's evidence, from the hub).
 */
import { AimOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Button, Divider, Empty, List, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { roleAllows } from '../../../common/scope-policy.js';
import { useSessionStore } from '../session/session-store.js';
import { useCameraFeed, useCameraStore } from './camera-store.js';
import { setCameraDrag } from './drag.js';
import { PlaybackNearCase } from './PlaybackNearCase.js';
import { requestPutMany } from './PutManyDialog.js';

export const NEAREST_COUNT = 6;

export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

interface NearestListProps {
  readonly view: Pick<CaseView, 'id' | 'location'>;
  /** After putting cameras on the wall (the drawer then switches to the wall view). */
  onPlaced?(count: number): void;
}

export function NearestList({ view, onPlaced }: NearestListProps) {
  const { t } = useTranslation(['wall']);
  const index = useCameraStore((s) => s.index);
  const byId = useCameraStore((s) => s.byId);
  const near = useMemo(
    () => (index ? index.nearest([view.location.lon, view.location.lat], NEAREST_COUNT) : []),
    [index, view.location.lon, view.location.lat],
  );
  const put = (ids: string[]) => requestPutMany(ids, onPlaced);

  return (
    <div className="wall-nearest" data-testid="nearest-cameras">
      {near.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall:cases.none')} />
      ) : (
        <>
          <List
            size="small"
            dataSource={near}
            renderItem={({ item, meters }) => {
              const camera = byId.get(item.id) ?? item;
              return (
                <List.Item
                  className="wall-nearest-item"
                  draggable
                  onDragStart={(event) => setCameraDrag(event, [camera.id])}
                  data-testid="nearest-camera"
                  data-camera-id={camera.id}
                  actions={[
                    <Button key="put" size="small" type="link" onClick={() => put([camera.id])}>
                      {t('wall:cases.put')}
                    </Button>,
                  ]}
                >
                  {/* The full name: wrapped onto a second line where the panel is narrow, and in the tooltip. */}
                  <Tooltip title={`${camera.name} · ${camera.code}`} placement="left">
                    <span
                      className={`wall-nearest-name${camera.online ? '' : ' wall-tree-offline'}`}
                      data-testid="nearest-camera-name"
                    >
                      <VideoCameraOutlined /> {camera.name}
                    </span>
                  </Tooltip>
                  <Typography.Text type="secondary" className="wall-nearest-distance">
                    {formatDistance(meters)}
                  </Typography.Text>
                </List.Item>
              );
            }}
          />
          <Button
            type="primary"
            size="small"
            icon={<AimOutlined />}
            onClick={() => put(near.map((n) => n.item.id))}
            data-testid="nearest-put-all"
          >
            {t('wall:cases.putAll', { count: near.length })}
          </Button>
        </>
      )}
    </div>
  );
}

/** For the case drawer: the nearest cameras of this viewer's scope, and a way onto the wall. */
export function NearestCameras({ view }: { view: Pick<CaseView, 'id' | 'location' | 'reportedAt'> }) {
  const { t } = useTranslation(['wall']);
  const user = useSessionStore((s) => s.user);
  const views = user !== null && roleAllows(user, 'camera.view');
  useCameraFeed(views ? user.id : '');
  if (!views) return null;
  return (
    <section className="wall-nearest-section">
      <Divider titlePlacement="start">{t('wall:cases.nearestTitle')}</Divider>
      <NearestList
        view={view}
        onPlaced={(count) => {
          if (count > 0) window.location.hash = '#/wall';
        }}
      />
      <PlaybackNearCase view={view} />
    </section>
  );
}
