/**
 * A tile's playback controls over its picture: the timeline of the window (recorded spans, gaps, case markers, the
 * in/out range of an export, the cursor; click or drag to scrub, click a marker to jump to its report), play/pause,
 * frame steps, speeds 1/2/4/8×, the played wall-clock time (Beijing), 同步 and 回到直播.
 */
import { CaretRightOutlined, PauseOutlined, StepBackwardOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Segmented, Tooltip } from 'antd';
import { useRef, useState, type PointerEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../base/labels.js';
import { formatStamp } from '../base/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { PlaybackExport } from './PlaybackExport.js';
import { usePlaybackStore, type TilePlayback } from './playback-store.js';
import { bandOf, PLAYBACK_SPEEDS, placeMarkers, timeToX, xToTime } from './playback-timeline.js';
import { usePlayback } from './use-playback.js';
import './playback.css';

export interface PlaybackBarProps {
  readonly index: number;
  readonly playback: TilePlayback;
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly focused: boolean;
  readonly reason: string | undefined;
}

export function PlaybackBar({ index, playback, video, focused, reason }: PlaybackBarProps) {
  const { t } = useTranslation(['wall']);
  const language = useLanguage();
  const view = usePlayback(index, playback, video, focused, reason);
  const { player, clockMs } = view;
  const store = usePlaybackStore();
  const barRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [inMs, setIn] = useState<number | null>(null);
  const [outMs, setOut] = useState<number | null>(null);
  const { window } = playback;

  const seekAt = (event: PointerEvent) => {
    const rect = barRef.current?.getBoundingClientRect();
    if (!rect || !player) return;
    player.seekWall(xToTime(event.clientX - rect.left, window, rect.width));
  };
  const range =
    inMs !== null && outMs !== null
      ? bandOf({ from: iso(Math.min(inMs, outMs)), to: iso(Math.max(inMs, outMs)) }, window)
      : null;

  return (
    <div
      className="wall-playback"
      data-testid="playback-bar"
      data-clock={clockMs ?? ''}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {view.error ? <Alert type="error" showIcon title={view.error} data-testid="playback-error" /> : null}
      <div
        ref={barRef}
        className="wall-playback-timeline"
        data-testid="playback-timeline"
        onPointerDown={(e) => {
          dragging.current = true;
          (e.target as Element).setPointerCapture?.(e.pointerId);
          seekAt(e);
        }}
        onPointerMove={(e) => dragging.current && seekAt(e)}
        onPointerUp={() => (dragging.current = false)}
      >
        {view.spans?.gaps.map((g) => band(g, window, 'wall-playback-gap', 'playback-gap'))}
        {view.spans?.spans.map((s) => band(s, window, 'wall-playback-span', 'playback-span'))}
        {range ? (
          <div className="wall-playback-range" style={{ left: `${range.left}%`, width: `${range.width}%` }} />
        ) : null}
        {placeMarkers(view.marks, window).map(({ mark, left }) => (
          <Tooltip key={mark.id} title={`${mark.number} · ${categoryLabel(mark.category, language)}`}>
            <span
              className="wall-playback-marker"
              data-testid="playback-marker"
              style={{ left: `${left}%` }}
              onPointerDown={(e) => {
                e.stopPropagation();
                player?.seekWall(Date.parse(mark.reportedAt));
              }}
            />
          </Tooltip>
        ))}
        {clockMs !== null ? (
          <div className="wall-playback-cursor" style={{ left: `${timeToX(clockMs, window, 100)}%` }} />
        ) : null}
      </div>
      <div className="wall-playback-controls">
        <Button
          size="small"
          type="text"
          icon={view.paused ? <CaretRightOutlined /> : <PauseOutlined />}
          aria-label={view.paused ? t('wall:playback.play') : t('wall:playback.pause')}
          data-testid="playback-toggle"
          onClick={() => player?.togglePlay()}
        />
        <Tooltip title={t('wall:playback.frameBack')}>
          <Button
            size="small"
            type="text"
            icon={<StepBackwardOutlined />}
            aria-label={t('wall:playback.frameBack')}
            data-testid="playback-frame-back"
            onClick={() => player?.step(-1)}
          />
        </Tooltip>
        <Tooltip title={t('wall:playback.frameForward')}>
          <Button
            size="small"
            type="text"
            icon={<StepForwardOutlined />}
            aria-label={t('wall:playback.frameForward')}
            data-testid="playback-frame-forward"
            onClick={() => player?.step(1)}
          />
        </Tooltip>
        <Segmented
          size="small"
          data-testid="playback-speed"
          value={playback.speed}
          options={PLAYBACK_SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
          onChange={(value) => store.setSpeed(index, Number(value))}
        />
        <span className="wall-playback-clock" data-testid="playback-clock">
          {clockMs === null ? t('wall:playback.loading') : formatStamp(clockMs)}
        </span>
        <Button size="small" onClick={() => clockMs !== null && setIn(clockMs)} data-testid="playback-in">
          {t('wall:playback.markIn')}
        </Button>
        <Button size="small" onClick={() => clockMs !== null && setOut(clockMs)} data-testid="playback-out">
          {t('wall:playback.markOut')}
        </Button>
        <PlaybackExport cameraId={playback.cameraId} caseId={playback.caseId} inMs={inMs} outMs={outMs} />
        <Checkbox
          checked={playback.synced}
          onChange={(e) => store.setSynced(index, e.target.checked)}
          data-testid="playback-sync"
        >
          {t('wall:playback.sync')}
        </Checkbox>
        <Button size="small" type="primary" onClick={() => store.close(index)} data-testid="playback-live">
          {t('wall:playback.backToLive')}
        </Button>
      </div>
    </div>
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

function band(span: { from: string; to: string }, window: TilePlayback['window'], className: string, testId: string) {
  const b = bandOf(span, window);
  if (!b) return null;
  return (
    <div
      key={`${className}-${span.from}`}
      className={className}
      data-testid={testId}
      data-from={span.from}
      data-to={span.to}
      style={{ left: `${b.left}%`, width: `${b.width}%` }}
    />
  );
}
