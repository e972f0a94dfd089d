/**
 * One tile of the wall: its <video>, the player behind it (tile-player.ts) for the camera it shows, and the chrome
 * around it (TileChrome.tsx). The player is created for a camera × quality × reason and destroyed with it; the tile
 * only tells it whether it is visible and when the budget wants it rebuilt.
 */
import { memo, useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import type { Camera } from '../../../common/schemas.js';
import type { StreamQuality } from '../../../common/video-schemas.js';
import { useDisplayPrefs } from '../base/display-prefs.js';
import { call } from '../bridge/index.js';
import { onCameraOnline } from './camera-store.js';
import { cameraDragIds, hasCameraDrag } from './drag.js';
import { cellCount, type CellArea } from './layouts.js';
import { FLV_CHASE_MAX_TILES, tileTransport } from './flv-config.js';
import { countPlayer, playerCount, type PlayerBudget } from './player-budget.js';
import { PlaybackBar } from './PlaybackBar.js';
import { usePlaybackStore } from './playback-store.js';
import { PtzPad } from './PtzPad.js';
import { TileChrome, type TileChromeProps } from './TileChrome.js';
import { TilePlayer, type TileStateInfo } from './tile-player.js';
import type { TileState } from './tile-state.js';
import { useWallStore } from './wall-store.js';

export interface VideoTileProps {
  readonly index: number;
  readonly area: CellArea;
  readonly cameraId: string | null;
  readonly camera: Camera | undefined;
  readonly quality: StreamQuality;
  /** The loaded layout says this viewer may no longer view the camera: no request is made. */
  readonly blocked: boolean;
  readonly reason?: string;
  readonly caseId?: string;
  readonly focused: boolean;
  readonly maximized: boolean;
  readonly hidden: boolean;
  readonly pageVisible: boolean;
  readonly budget: PlayerBudget;
  readonly chrome: Omit<TileChromeProps, 'state' | 'info' | 'camera' | 'cameraId' | 'index' | 'player' | 'video'>;
  onDropCameras(index: number, cameraIds: string[]): void;
  onFocus(index: number): void;
  onToggleMaximized(index: number): void;
  onTouch(index: number): void;
}

const requestTicket: ConstructorParameters<typeof TilePlayer>[0]['requestTicket'] = (request) =>
  call('cameras.stream', request);

export const VideoTile = memo(function VideoTile(props: VideoTileProps) {
  const { index, cameraId, quality, blocked, reason, caseId, budget } = props;
  const tileRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const liveFlv = useDisplayPrefs((s) => s.wallLiveFlv);
  const layoutTiles = useWallStore((s) => cellCount(s.kind));
  const transport = tileTransport(liveFlv, layoutTiles);
  const [player, setPlayer] = useState<TilePlayer | null>(null);
  const [status, setStatus] = useState<{ state: TileState; info: TileStateInfo }>({ state: 'empty', info: {} });
  const [inView, setInView] = useState(true);
  const [dropping, setDropping] = useState(false);
  const active = inView && props.pageVisible && !props.hidden;
  // Playback of this tile's camera replaces its live player; another camera on the tile ends the playback.
  const storedPlayback = usePlaybackStore((s) => s.tiles[index]);
  const playback = storedPlayback && storedPlayback.cameraId === cameraId ? storedPlayback : undefined;
  const inPlayback = playback !== undefined;
  useEffect(() => {
    if (storedPlayback && storedPlayback.cameraId !== cameraId) usePlaybackStore.getState().close(index);
  }, [storedPlayback, cameraId, index]);
  const activeRef = useRef(active);
  activeRef.current = active;
  const maximizedRef = useRef(props.maximized);
  maximizedRef.current = props.maximized;

  // One player per camera × quality × reason; destroyed when any of them changes and when the tile goes away.
  useEffect(() => {
    const video = videoRef.current;
    if (!cameraId || !video) {
      setStatus({ state: 'empty', info: {} });
      return undefined;
    }
    if (blocked) {
      setStatus({ state: 'forbidden', info: {} });
      return undefined;
    }
    if (inPlayback) {
      setStatus({ state: 'playing', info: {} });
      return undefined;
    }
    const tile = tileRef.current;
    tile?.removeAttribute('data-ttff');
    const created = new TilePlayer({
      video,
      cameraId,
      quality,
      ...(reason ? { reason } : {}),
      ...(caseId ? { caseId } : {}),
      requestTicket,
      onState: (state, info) => setStatus({ state, info }),
      onFirstFrame: (ms) => {
        tile?.setAttribute('data-ttff', String(ms));
        tile?.setAttribute('data-transport', created.transport() ?? '');
      },
      // FLV (over a WebSocket) while 低延时 is on, the default, on layouts up to 16 tiles; HLS otherwise.
      transport,
      // Chasing the live edge costs decoding: only while few tiles play, or on the maximised one.
      chaseLatency: () => maximizedRef.current || playerCount() <= FLV_CHASE_MAX_TILES,
    });
    created.setActive(activeRef.current);
    countPlayer(1);
    setPlayer(created);
    const unregister = budget.register(index, () => created.recycle());
    const offOnline = onCameraOnline((id) => id === cameraId && created.retryNow());
    return () => {
      offOnline();
      unregister();
      created.destroy();
      countPlayer(-1);
      setPlayer(null);
    };
  }, [cameraId, quality, blocked, reason, caseId, budget, index, transport, inPlayback]);

  useEffect(() => player?.setActive(active), [player, active]);

  // Not visible (scrolled away, covered by a maximised tile): paused.
  useEffect(() => {
    const tile = tileRef.current;
    if (!tile || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true), {
      threshold: 0.05,
    });
    observer.observe(tile);
    return () => observer.disconnect();
  }, []);

  const { onDropCameras, onFocus, onToggleMaximized, onTouch } = props;
  const onDrop = useCallback(
    (event: React.DragEvent) => {
      setDropping(false);
      if (!hasCameraDrag(event)) return;
      event.preventDefault();
      onDropCameras(index, cameraDragIds(event));
    },
    [index, onDropCameras],
  );

  const style: CSSProperties = props.maximized
    ? { gridRow: '1 / -1', gridColumn: '1 / -1' }
    : {
        gridRow: `${props.area.row} / span ${props.area.rowSpan}`,
        gridColumn: `${props.area.col} / span ${props.area.colSpan}`,
        display: props.hidden ? 'none' : undefined,
      };
  const className = [
    'wall-tile',
    `wall-tile-is-${status.state}`,
    props.focused ? 'wall-tile-focused' : '',
    inPlayback ? 'wall-tile-playback' : '',
    dropping ? 'wall-tile-dropping' : '',
  ].join(' ');

  return (
    <div
      ref={tileRef}
      className={className}
      style={style}
      data-testid="wall-tile"
      data-index={index}
      data-state={status.state}
      data-camera-id={cameraId ?? ''}
      data-quality={quality}
      data-mode={inPlayback ? 'playback' : 'live'}
      data-active={active ? '1' : '0'}
      onClick={() => onFocus(index)}
      onDoubleClick={() => onToggleMaximized(index)}
      onPointerMove={() => onTouch(index)}
      onDragOver={(event) => {
        if (!hasCameraDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (!dropping) setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <video ref={videoRef} className="wall-video" muted playsInline disablePictureInPicture />
      <TileChrome
        {...props.chrome}
        index={index}
        cameraId={cameraId}
        camera={props.camera}
        state={status.state}
        info={status.info}
        player={player}
        video={videoRef}
        inPlayback={inPlayback}
      />
      {playback ? (
        <PlaybackBar index={index} playback={playback} video={videoRef} focused={props.focused} reason={reason} />
      ) : null}
      {cameraId && props.camera?.kind === 'ptz' && !blocked && !inPlayback ? (
        <PtzPad cameraId={cameraId} focused={props.focused} />
      ) : null}
    </div>
  );
});
