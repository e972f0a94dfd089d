/**
 * 查看录像 in the case drawer: the viewer's cameras within 300 m of the case (the radius event marks use) go on the
 * wall in playback, ±10 min around the report, starting at the report's time, synced (同步) so they show the
 * incident at one moment, with the case cited on each playback ticket.
 */
import { HistoryOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { navigateTo } from '../base/routes.js';
import { useCameraStore } from './camera-store.js';
import { usePlaybackStore } from './playback-store.js';
import { aroundCase } from './playback-timeline.js';
import { effectiveCameraIds, useWallStore } from './wall-store.js';

/** The hub marks cameras within this distance of a report (hub/recording/event-marks.ts MARK_RADIUS_M). */
const NEAR_CASE_M = 300;
/** Four tiles at most: more synced playbacks than that is more than an operator follows (and the machine plays). */
const MAX_TILES = 4;

/** Outside the component: an event's work (the clock, the wall, navigation), not rendering. */
function playBackNear(view: Pick<CaseView, 'id' | 'reportedAt'>, ids: readonly string[]): void {
  useWallStore.getState().place(ids, 'replace');
  const onWall = effectiveCameraIds(useWallStore.getState());
  const range = aroundCase(view.reportedAt, Date.now());
  for (const id of ids) {
    const tile = onWall.indexOf(id);
    if (tile < 0) continue;
    usePlaybackStore
      .getState()
      .open(tile, { cameraId: id, window: range, startMs: view.reportedAt, caseId: view.id, synced: true });
  }
  navigateTo('wall');
}

export function PlaybackNearCase({ view }: { view: Pick<CaseView, 'id' | 'location' | 'reportedAt'> }) {
  const { t } = useTranslation(['wall']);
  const index = useCameraStore((s) => s.index);
  const near = index ? index.nearest([view.location.lon, view.location.lat], MAX_TILES, NEAR_CASE_M) : [];
  if (near.length === 0) return null;

  return (
    <Button
      size="small"
      icon={<HistoryOutlined />}
      onClick={() =>
        playBackNear(
          view,
          near.map((n) => n.item.id),
        )
      }
      data-testid="case-playback"
    >
      {t('wall:playback.nearCase', { count: near.length })}
    </Button>
  );
}
