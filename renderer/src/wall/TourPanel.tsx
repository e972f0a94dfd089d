/**
 * Tours from the cameras ticked in the tree: on the focused tile, or over the whole wall in pages. Any interaction
 * with a tile (or the wall) pauses its tour for 30 s; tours are saved with the room's layouts.
 */
import { PauseCircleOutlined, RetweetOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TOUR_DWELL_SECONDS, MIN_TOUR_DWELL_SECONDS } from '../../../common/wall-schemas.js';
import { useTicking } from '../base/clock.js';
import { cellCount } from './layouts.js';
import { secondsToNext } from './tours.js';
import { useWallStore } from './wall-store.js';

export function TourPanel({ checked }: { checked: readonly string[] }) {
  const { t } = useTranslation(['wall']);
  const [dwell, setDwell] = useState(15);
  const focused = useWallStore((s) => s.focused);
  const kind = useWallStore((s) => s.kind);
  const tiles = useWallStore((s) => s.tiles);
  const pageTour = useWallStore((s) => s.pageTour);
  const pausedUntil = useWallStore((s) => s.pausedUntil);
  const { setTileTour, setPageTour } = useWallStore.getState();
  const touring = tiles.slice(0, cellCount(kind)).flatMap((tile, i) => (tile.tour ? [{ i, tour: tile.tour }] : []));
  const next = useTicking((now) => (pageTour ? secondsToNext(pageTour, now, pausedUntil) : null));

  return (
    <section className="wall-tours" data-testid="tour-panel">
      <Typography.Paragraph type="secondary" className="wall-panel-hint">
        {t('wall:tours.hint')}
      </Typography.Paragraph>
      <div className="wall-tours-form">
        <span>{t('wall:tours.checked', { count: checked.length })}</span>
        <Space>
          <span>{t('wall:tours.dwell')}</span>
          <span data-testid="tour-dwell">
            <InputNumber
              size="small"
              min={MIN_TOUR_DWELL_SECONDS}
              max={MAX_TOUR_DWELL_SECONDS}
              value={dwell}
              onChange={(v) => setDwell(typeof v === 'number' ? Math.round(v) : 15)}
            />
          </span>
        </Space>
        <Space wrap>
          <Button
            size="small"
            type="primary"
            icon={<RetweetOutlined />}
            disabled={checked.length < 2}
            onClick={() => setTileTour(focused, { cameraIds: [...checked], dwellSeconds: dwell })}
            data-testid="tour-on-tile"
          >
            {t('wall:tours.onTile', { n: focused + 1 })}
          </Button>
          <Button
            size="small"
            disabled={checked.length === 0}
            onClick={() => setPageTour([...checked], dwell)}
            data-testid="tour-wall-pages"
          >
            {t('wall:tours.wallPages')}
          </Button>
        </Space>
      </div>
      {pageTour ? (
        <Alert
          type="info"
          showIcon
          icon={<PauseCircleOutlined />}
          title={t('wall:tours.running', { page: pageTour.index + 1, pages: pageTour.pages.length })}
          description={next === null ? t('wall:tile.tourPaused') : t('wall:tile.tourNext', { s: next })}
          action={
            <Button size="small" onClick={() => setPageTour(null)} data-testid="tour-stop-wall">
              {t('wall:tours.stopWall')}
            </Button>
          }
        />
      ) : null}
      {touring.length > 0 ? (
        <List
          size="small"
          header={t('wall:tours.tileTours')}
          dataSource={touring}
          renderItem={({ i, tour }) => (
            <List.Item
              actions={[
                <Button key="stop" size="small" type="link" onClick={() => setTileTour(i, null)}>
                  {t('wall:tours.stopTile')}
                </Button>,
              ]}
            >
              {t('wall:tours.tileLine', { n: i + 1, count: tour.cameraIds.length, s: tour.dwellSeconds })}
            </List.Item>
          )}
        />
      ) : null}
    </section>
  );
}
