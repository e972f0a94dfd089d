/**
 * What a tile shows around the picture: its number and camera, the state in plain words (with the retry countdown),
 * the tour it runs, the per-tile figures when the stats toggle is on, the viewer's watermark, its tools, and on the
 * alert tile the proposal of a new serious case.
 */
import {
  CameraOutlined,
  CloseOutlined,
  CompressOutlined,
  ExpandOutlined,
  FormOutlined,
  HistoryOutlined,
  LoadingOutlined,
  MoreOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera } from '../../../common/schemas.js';
import { useTicking } from '../base/clock.js';
import type { TilePlayer, TileStateInfo, TileStats } from './tile-player.js';
import type { TileState } from './tile-state.js';
import { secondsToNext, type TourRun } from './tours.js';
import { Watermark } from './Watermark.js';
import type { Proposal } from './wall-store.js';

export interface TileChromeProps {
  readonly index: number;
  readonly cameraId: string | null;
  readonly camera: Camera | undefined;
  readonly state: TileState;
  readonly info: TileStateInfo;
  readonly player: TilePlayer | null;
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly viewer: string;
  readonly showStats: boolean;
  readonly maximized: boolean;
  readonly isAlert: boolean;
  readonly tour: (TourRun & { pausedUntil: number }) | null;
  readonly proposal: Proposal | null;
  readonly actions: TileActions;
  /** The tile plays a recording (PlaybackBar.tsx): no live state overlay, no 回放 button. */
  readonly inPlayback?: boolean;
}

export interface TileActions {
  clear(index: number): void;
  toggleMaximized(index: number): void;
  snapshot(index: number, video: HTMLVideoElement | null): void;
  giveReason(index: number): void;
  setAlert(index: number): void;
  stopTour(index: number): void;
  /** Switch the tile to playback of its camera (the last hour). */
  playback(index: number): void;
  proposalPutAll(): void;
  proposalNext(): void;
  proposalDismiss(): void;
}

const STATE_ICONS: Partial<Record<TileState, React.ReactNode>> = {
  connecting: <LoadingOutlined />,
  reconnecting: <LoadingOutlined />,
  stalled: <WarningOutlined />,
  offline: <StopOutlined />,
  forbidden: <StopOutlined />,
  reason: <FormOutlined />,
  error: <WarningOutlined />,
};

export function TileChrome(props: TileChromeProps) {
  const { t } = useTranslation(['wall']);
  const { index, camera, cameraId, state, actions } = props;
  return (
    <>
      <Watermark viewer={props.viewer} />
      <div className="wall-tile-head">
        <span className="wall-tile-no">{index + 1}</span>
        {cameraId ? (
          <span className="wall-tile-name" title={camera ? `${camera.name} ${camera.code}` : cameraId}>
            {camera?.name ?? cameraId}
          </span>
        ) : null}
        {camera?.sensitive ? <Tag color="orange">{t('wall:tree.sensitive')}</Tag> : null}
        {props.isAlert ? <Tag color="red">{t('wall:tile.alertTile')}</Tag> : null}
        {props.tour ? <TourBadge tour={props.tour} /> : null}
      </div>
      {state !== 'playing' && !props.inPlayback ? (
        <StateOverlay state={state} info={props.info} onReason={() => actions.giveReason(index)} />
      ) : null}
      {props.showStats && props.player ? <StatsLine player={props.player} /> : null}
      {props.proposal ? <ProposalBanner proposal={props.proposal} actions={actions} /> : null}
      {cameraId || props.tour ? (
        <div
          className="wall-tile-tools"
          onClick={(e) => e.stopPropagation()}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          <Tooltip title={t('wall:tile.snapshot')}>
            <Button
              size="small"
              type="text"
              icon={<CameraOutlined />}
              aria-label={t('wall:tile.snapshot')}
              data-testid="tile-snapshot"
              disabled={state !== 'playing' && !props.inPlayback}
              onClick={() => actions.snapshot(index, props.video.current)}
            />
          </Tooltip>
          {cameraId && !props.inPlayback ? (
            <Tooltip title={t('wall:tile.playback')}>
              <Button
                size="small"
                type="text"
                icon={<HistoryOutlined />}
                aria-label={t('wall:tile.playback')}
                data-testid="tile-playback"
                onClick={() => actions.playback(index)}
              />
            </Tooltip>
          ) : null}
          <Tooltip title={props.maximized ? t('wall:tile.restore') : t('wall:tile.maximize')}>
            <Button
              size="small"
              type="text"
              icon={props.maximized ? <CompressOutlined /> : <ExpandOutlined />}
              aria-label={props.maximized ? t('wall:tile.restore') : t('wall:tile.maximize')}
              onClick={() => actions.toggleMaximized(index)}
            />
          </Tooltip>
          <Tooltip title={t('wall:tile.clear')}>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('wall:tile.clear')}
              data-testid="tile-clear"
              onClick={() => actions.clear(index)}
            />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'alert', label: t('wall:tile.setAlert'), disabled: props.isAlert },
                ...(props.tour ? [{ key: 'stopTour', label: t('wall:tours.stopTile') }] : []),
              ],
              onClick: ({ key }) => (key === 'alert' ? actions.setAlert(index) : actions.stopTour(index)),
            }}
          >
            <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('wall:tile.more')} />
          </Dropdown>
        </div>
      ) : null}
      {!cameraId && !props.tour ? <div className="wall-tile-empty">{t('wall:tile.empty')}</div> : null}
    </>
  );
}

function StateOverlay({ state, info, onReason }: { state: TileState; info: TileStateInfo; onReason(): void }) {
  const { t } = useTranslation(['wall']);
  if (state === 'empty') return null;
  return (
    <div className={`wall-tile-state wall-state-${state}`} data-testid="tile-state">
      <span className="wall-tile-state-icon">{STATE_ICONS[state]}</span>
      <span className="wall-tile-state-text">{t(`wall:state.${state}`)}</span>
      {info.retryAt !== undefined && (state === 'reconnecting' || state === 'offline') ? (
        <RetryCountdown at={info.retryAt} attempt={info.attempt ?? 1} />
      ) : null}
      {state === 'reason' ? (
        <Button size="small" type="primary" onClick={onReason} data-testid="tile-give-reason">
          {t('wall:reason.give')}
        </Button>
      ) : null}
    </div>
  );
}

function RetryCountdown({ at, attempt }: { at: number; attempt: number }) {
  const { t } = useTranslation(['wall']);
  const seconds = useTicking((now) => Math.max(0, Math.ceil((at - now) / 1000)));
  return <span className="wall-tile-retry">{t('wall:state.retryIn', { s: seconds, n: attempt })}</span>;
}

function TourBadge({ tour }: { tour: TourRun & { pausedUntil: number } }) {
  const { t } = useTranslation(['wall']);
  const next = useTicking((now) => secondsToNext(tour, now, tour.pausedUntil));
  return (
    <Tag color="blue" className="wall-tile-tour" data-testid="tile-tour">
      {t('wall:tile.tour', { index: tour.index + 1, total: tour.cameraIds.length })}
      {' · '}
      {next === null ? t('wall:tile.tourPaused') : t('wall:tile.tourNext', { s: next })}
    </Tag>
  );
}

function StatsLine({ player }: { player: TilePlayer }) {
  const { t } = useTranslation(['wall']);
  const [stats, setStats] = useState<TileStats>(() => player.stats());
  useEffect(() => {
    const timer = setInterval(() => setStats(player.stats()), 1000);
    return () => clearInterval(timer);
  }, [player]);
  return (
    <div className="wall-tile-stats" data-testid="tile-stats" data-latency={stats.latency?.toFixed(2) ?? ''}>
      <span>
        {stats.latency === null ? t('wall:stats.noLatency') : t('wall:stats.latency', { v: stats.latency.toFixed(1) })}
      </span>
      <span>{stats.bitrateKbps === null ? '—' : t('wall:stats.bitrate', { v: stats.bitrateKbps })}</span>
      <span>{t('wall:stats.dropped', { dropped: stats.droppedFrames, total: stats.decodedFrames })}</span>
      {stats.width ? <span>{`${stats.width}×${stats.height}`}</span> : null}
    </div>
  );
}

function ProposalBanner({ proposal, actions }: { proposal: Proposal; actions: TileActions }) {
  const { t } = useTranslation(['wall']);
  const meters = proposal.meters[proposal.run.index] ?? 0;
  return (
    <div className="wall-proposal" data-testid="tile-proposal" onClick={(e) => e.stopPropagation()}>
      <div className="wall-proposal-title">
        <WarningOutlined /> {t('wall:proposal.title', { caseNo: proposal.caseNo })}
      </div>
      <div className="wall-proposal-text">{proposal.description}</div>
      <div className="wall-proposal-text">
        {t('wall:proposal.nearby', {
          index: proposal.run.index + 1,
          total: proposal.run.cameraIds.length,
          distance: meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`,
        })}
      </div>
      <div className="wall-proposal-actions">
        <Button size="small" type="primary" danger onClick={actions.proposalPutAll} data-testid="proposal-put-all">
          {t('wall:proposal.putAll')}
        </Button>
        <Button size="small" onClick={actions.proposalNext}>
          {t('wall:proposal.next')}
        </Button>
        <Button size="small" type="text" onClick={actions.proposalDismiss}>
          {t('wall:proposal.dismiss')}
        </Button>
      </div>
    </div>
  );
}
