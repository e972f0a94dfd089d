/**
 * The wall display: a full-screen page showing what the console's wall shows (`wall.cast`), playing the same
 * cameras with its own tickets under the same signed-in user — so the same scope checks and the same view audit —
 * and the same watermark. Driven from the console; nothing to click here. Escape closes it.
 */
import { Empty } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/schemas.js';
import type { WallCast } from '../../../common/wall-schemas.js';
import { call, subscribe } from '../bridge/index.js';
import { useCameraFeed, useCameraStore } from './camera-store.js';
import { cellCount } from './layouts.js';
import type { TileActions } from './TileChrome.js';
import { WallGrid, type GridTile } from './WallGrid.js';
import { viewerLabel } from './Watermark.js';
import './wall.css';

const noop = () => undefined;
const READ_ONLY: TileActions = {
  clear: noop,
  toggleMaximized: noop,
  snapshot: noop,
  giveReason: noop,
  setAlert: noop,
  stopTour: noop,
  playback: noop,
  proposalPutAll: noop,
  proposalNext: noop,
  proposalDismiss: noop,
};
const NOTHING = new Set<string>();

export function WallDisplay({ user }: { user: User }) {
  const { t } = useTranslation(['wall']);
  const [cast, setCast] = useState<WallCast | null>(null);
  useCameraFeed(user.id);
  const byId = useCameraStore((s) => s.byId);

  useEffect(() => {
    let live = true;
    const off = subscribe('wall.cast', (next) => setCast(next));
    void call('wall.castState', {}).then(
      (state) => live && state && setCast((current) => current ?? state),
      () => undefined,
    );
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') window.close();
    };
    window.addEventListener('keydown', onKey);
    document.title = t('wall:display.title');
    return () => {
      live = false;
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [t]);

  const tiles = useMemo<GridTile[]>(
    () =>
      cast
        ? Array.from({ length: cellCount(cast.kind) }, (_, i) => ({ cameraId: cast.cameraIds[i] ?? null, tour: null }))
        : [],
    [cast],
  );

  if (!cast) {
    return (
      <div className="wall-display wall-display-waiting" data-testid="wall-display">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wall:display.waiting')} />
        <div className="wall-keyhint">{t('wall:display.exit')}</div>
      </div>
    );
  }
  return (
    <div className="wall-display" data-testid="wall-display">
      <WallGrid
        kind={cast.kind}
        tiles={tiles}
        cameras={byId}
        focused={-1}
        maximized={cast.maximized}
        alertIndex={null}
        proposal={null}
        showStats={false}
        notPermitted={NOTHING}
        viewer={viewerLabel(user)}
        actions={READ_ONLY}
        interactive={false}
        onFocus={noop}
        onDropCameras={noop}
        onTouch={noop}
      />
    </div>
  );
}
