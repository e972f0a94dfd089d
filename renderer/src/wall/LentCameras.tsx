/**
 * The camera tree's "借调" group: cameras outside the viewer's scope lent to its unit for a case it handles. They can
 * be dragged onto a tile like any other; a loan that ends (revoked, case closed) disappears at the next refresh.
 */
import { SwapOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraStore } from './camera-store.js';
import { setCameraDrag } from './drag.js';

/** How often the loans are asked again: a loan made in another room shows up within this. */
export const LENT_REFRESH_MS = 5000;

export function LentCameras({ onPut }: { onPut(cameraIds: string[]): void }) {
  const { t } = useTranslation(['roles']);
  const lent = useCameraStore((s) => s.lent);
  useEffect(() => {
    void useCameraStore.getState().reloadLent();
    const timer = window.setInterval(() => void useCameraStore.getState().reloadLent(), LENT_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  if (lent.length === 0) return null;
  return (
    <div className="wall-tree-lent" data-testid="camera-loans">
      <Tooltip title={t('roles:tree.loansHint')}>
        <div
          className="wall-tree-unit"
          draggable
          onDragStart={(e) =>
            setCameraDrag(
              e,
              lent.map((c) => c.id),
            )
          }
        >
          <SwapOutlined /> {t('roles:tree.loans')}
          <span className="wall-tree-count">{lent.length}</span>
        </div>
      </Tooltip>
      {lent.map((camera) => (
        <div
          key={camera.id}
          className={`wall-tree-camera wall-tree-lent-camera${camera.online ? '' : ' wall-tree-offline'}`}
          draggable
          onDragStart={(event) => setCameraDrag(event, [camera.id])}
          onDoubleClick={() => onPut([camera.id])}
          data-testid="lent-camera"
          data-camera-id={camera.id}
          title={`${camera.name}\n${camera.code}`}
        >
          <VideoCameraOutlined /> <span className="wall-tree-camera-name">{camera.name}</span>
        </div>
      ))}
    </div>
  );
}
