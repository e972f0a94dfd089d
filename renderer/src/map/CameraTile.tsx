/**
 * A camera clicked on the map, playing in a small floating tile (the wall's hls.js settings and ticket refresh:
 * docs/video.md, "Playing"), or sent to the video wall. A sensitive camera needs a stated reason, which the wall
 * asks for — the map only names it.
 */
import { CloseOutlined, DesktopOutlined } from '@ant-design/icons';
import { Alert, Button, Tag, Tooltip } from 'antd';
import Hls from 'hls.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../common/schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { navigateTo } from '../base/routes.js';
import { wallHlsConfig } from '../wall/hls-config.js';
import { setCameraDrag } from '../wall/drag.js';
import { refreshDelay, tokenOf } from '../wall/tile-state.js';
import { useWallStore } from '../wall/wall-store.js';
import { viewerLabel, Watermark } from '../wall/Watermark.js';
import { useSessionStore } from '../session/session-store.js';
import { useMapStore } from './map-store.js';

type TileState = { phase: 'loading' } | { phase: 'playing' } | { phase: 'failed'; error: unknown };

export function CameraTile({ camera, onClose }: { camera: Camera; onClose(): void }) {
  const { t } = useTranslation(['map']);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<TileState>({ phase: 'loading' });
  const user = useSessionStore((s) => s.user);

  useEffect(() => {
    const element = video.current;
    if (!element || camera.sensitive || !camera.online) return undefined;
    let live = true;
    let token: string | null = null;
    let hls: Hls | null = null;
    let refresh: ReturnType<typeof setTimeout> | undefined;

    const ticket = async () => {
      const issued = Date.now();
      const answer = await call('cameras.stream', { cameraId: camera.id, quality: 'sub' });
      token = tokenOf(answer.url);
      refresh = setTimeout(
        () => void ticket().catch(() => undefined),
        refreshDelay(issued, Date.parse(answer.expiresAt), Date.now()),
      );
      return answer.url;
    };

    ticket().then(
      (url) => {
        if (!live) return;
        if (Hls.isSupported()) {
          hls = new Hls(wallHlsConfig(() => token));
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal && live) setState({ phase: 'failed', error: new Error(data.details) });
          });
          hls.loadSource(url);
          hls.attachMedia(element);
        } else {
          element.src = url;
        }
        element.muted = true;
        void element.play().catch(() => undefined);
      },
      (error: unknown) => {
        if (!live) return;
        setState({ phase: 'failed', error });
      },
    );
    return () => {
      live = false;
      clearTimeout(refresh);
      hls?.destroy();
    };
  }, [camera.id, camera.sensitive, camera.online]);

  const sendToWall = () => {
    useWallStore.getState().place([camera.id]);
    navigateTo('wall');
  };

  return (
    <div className="map-camera-tile" data-testid="map-camera-tile" data-camera-id={camera.id}>
      {/* The head is the drag handle: dragged onto the miniature wall (WallDropDock), the camera goes on that tile. */}
      <div
        className="map-camera-head"
        draggable
        data-testid="map-camera-drag"
        title={t('map:camera.dragHint')}
        onDragStart={(event) => {
          setCameraDrag(event, [camera.id]);
          useMapStore.getState().setDragging(true);
        }}
        onDragEnd={() => useMapStore.getState().setDragging(false)}
      >
        <span className="map-camera-name" title={camera.name}>
          {camera.name}
        </span>
        <Tag color={camera.online ? 'green' : 'default'}>
          {t(camera.online ? 'map:camera.online' : 'map:camera.offline')}
        </Tag>
        <Tooltip title={t('map:camera.toWall')}>
          <Button
            size="small"
            type="text"
            icon={<DesktopOutlined />}
            onClick={sendToWall}
            aria-label={t('map:camera.toWall')}
          />
        </Tooltip>
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          onClick={onClose}
          aria-label={t('map:camera.close')}
        />
      </div>
      {camera.sensitive ? (
        <Alert type="info" showIcon title={t('map:camera.sensitive')} />
      ) : state.phase === 'failed' ? (
        <Alert type="error" showIcon title={t('map:camera.failed', { message: errorMessage(state.error) })} />
      ) : null}
      {!camera.sensitive && camera.online ? (
        <div className="map-camera-picture">
          <video
            ref={video}
            className="map-camera-video"
            muted
            playsInline
            onPlaying={() => setState({ phase: 'playing' })}
            aria-label={camera.name}
          />
          {/* The same watermark as the wall's tiles: who is watching, and when. */}
          {user ? <Watermark viewer={viewerLabel(user)} /> : null}
        </div>
      ) : null}
      {state.phase === 'loading' && !camera.sensitive && camera.online ? (
        <div className="map-camera-loading">{t('map:camera.loading')}</div>
      ) : null}
    </div>
  );
}
