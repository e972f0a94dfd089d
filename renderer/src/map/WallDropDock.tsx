/**
 * The video wall in miniature while a camera is dragged from the map: the wall's own layout, each tile numbered and
 * naming what it shows, so the operator drops the camera on the tile they mean without leaving the map. A drop puts
 * the camera on that tile (as a drop on the wall itself does: its tour stops, the hub decides on play), and the
 * toast offers the way to the wall.
 */
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { navigateTo } from '../base/routes.js';
import { cameraDragIds, hasCameraDrag } from '../wall/drag.js';
import { LAYOUTS } from '../wall/layouts.js';
import { alertIndex, effectiveCameraIds, useWallStore } from '../wall/wall-store.js';
import { useMapStore } from './map-store.js';

export function WallDropDock() {
  const { t } = useTranslation(['map']);
  const { message } = App.useApp();
  const dragging = useMapStore((s) => s.dragging);
  const cameras = useMapStore((s) => s.cameras);
  const kind = useWallStore((s) => s.kind);
  // useShallow: a fresh array each time would re-render without end.
  const shown = useWallStore(useShallow((s) => effectiveCameraIds(s)));
  const alert = useWallStore((s) => alertIndex(s));
  const [over, setOver] = useState<number | null>(null);
  if (!dragging) return null;
  const geometry = LAYOUTS[kind];
  const nameOf = (id: string | null) => (id ? (cameras?.find((c) => c.id === id)?.name ?? id) : null);

  const drop = (index: number, event: React.DragEvent) => {
    event.preventDefault();
    setOver(null);
    useMapStore.getState().setDragging(false);
    const [cameraId] = cameraDragIds(event);
    if (!cameraId) return;
    useWallStore.getState().assign(index, cameraId);
    const key = 'map-drop-to-wall';
    void message.open({
      key,
      type: 'success',
      content: (
        <span data-testid="map-dropped" data-tile={index + 1}>
          {t('map:dock.placed', { tile: index + 1, name: nameOf(cameraId) })}{' '}
          <Button
            type="link"
            size="small"
            onClick={() => {
              message.destroy(key);
              navigateTo('wall');
            }}
          >
            {t('map:dock.toWall')}
          </Button>
        </span>
      ),
    });
  };

  return (
    <div className="map-wall-dock" data-testid="map-wall-dock" data-layout={kind}>
      <div className="map-wall-dock-title">{t('map:dock.title')}</div>
      <div
        className="map-wall-dock-grid"
        style={{
          gridTemplateRows: `repeat(${geometry.rows}, 1fr)`,
          gridTemplateColumns: `repeat(${geometry.cols}, 1fr)`,
        }}
      >
        {geometry.cells.map((cell, index) => (
          <div
            key={index}
            className={`map-wall-dock-tile${over === index ? ' map-wall-dock-over' : ''}${
              index === alert ? ' map-wall-dock-alert' : ''
            }`}
            style={{ gridArea: `${cell.row} / ${cell.col} / span ${cell.rowSpan} / span ${cell.colSpan}` }}
            data-testid="map-wall-dock-tile"
            data-index={index}
            onDragOver={(event) => {
              if (!hasCameraDrag(event)) return;
              event.preventDefault(); // allows the drop
              event.dataTransfer.dropEffect = 'copy';
              if (over !== index) setOver(index);
            }}
            onDragLeave={() => setOver((current) => (current === index ? null : current))}
            onDrop={(event) => drop(index, event)}
          >
            <span className="map-wall-dock-no">{index + 1}</span>
            <span className="map-wall-dock-name">{nameOf(shown[index] ?? null) ?? t('map:dock.empty')}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
