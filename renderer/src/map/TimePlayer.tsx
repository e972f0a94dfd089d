/**
 * The time axis: a range over the period's days (drag to narrow the GPU time filter) and playback that moves a
 * window of 1, 7 or 30 days forward one day per tick — how the trouble moved over the weeks, without any fetch.
 */
import { CaretRightOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Select, Slider, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dateAfter } from './map-period.js';
import { useMapStore } from './map-store.js';

/** A day per tick: slow enough to read, and the software renderer keeps up with a million events. */
const TICK_MS = 400;
const WINDOWS = [1, 7, 30] as const;

export function TimePlayer() {
  const { t } = useTranslation(['map']);
  const data = useMapStore((s) => s.data);
  const period = useMapStore((s) => s.period);
  const timeWindow = useMapStore((s) => s.filter.window);
  const playback = useMapStore((s) => s.playback);
  const setWindow = useMapStore((s) => s.setWindow);
  const setPlayback = useMapStore((s) => s.setPlayback);

  useEffect(() => {
    if (!playback.playing) return undefined;
    const timer = setInterval(() => useMapStore.getState().step(), TICK_MS);
    return () => clearInterval(timer);
  }, [playback.playing]);

  const days = data?.periodDays ?? 1;
  const value: [number, number] = timeWindow ? [Math.max(0, timeWindow[0]), Math.min(days, timeWindow[1])] : [0, days];
  const label = (day: number) => dateAfter(period.from, Math.min(day, days - 1));

  return (
    <div className="map-time" data-testid="map-time" aria-label={t('map:time.label')}>
      <Tooltip title={t(playback.playing ? 'map:time.pause' : 'map:time.play')}>
        <Button
          shape="circle"
          type={playback.playing ? 'primary' : 'default'}
          icon={playback.playing ? <PauseOutlined /> : <CaretRightOutlined />}
          disabled={!data}
          onClick={() => setPlayback({ playing: !playback.playing })}
          aria-label={t(playback.playing ? 'map:time.pause' : 'map:time.play')}
          data-testid="map-play"
        />
      </Tooltip>
      <Select
        size="small"
        className="map-time-window"
        value={playback.windowDays}
        onChange={(windowDays: number) => setPlayback({ windowDays })}
        options={WINDOWS.map((count) => ({ value: count, label: t('map:time.windowDays', { count }) }))}
        aria-label={t('map:time.window')}
      />
      <Slider
        range
        className="map-time-slider"
        min={0}
        max={days}
        step={1}
        value={value}
        disabled={!data}
        onChange={(next: number[]) => {
          if (playback.playing) setPlayback({ playing: false });
          const [first = 0, last = days] = next;
          setWindow(first <= 0 && last >= days ? null : [first, last]);
        }}
        tooltip={{ formatter: (day) => (day === undefined ? '' : label(day)) }}
        data-testid="map-time-slider"
      />
      <span className="map-time-label" data-testid="map-time-label">
        {timeWindow ? `${label(value[0])} — ${label(Math.max(value[0], value[1] - 1))}` : t('map:time.whole')}
      </span>
    </div>
  );
}
