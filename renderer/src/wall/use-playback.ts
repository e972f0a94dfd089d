/**
 * A tile in playback: asks the ticket for its window (audited by the hub), plays it (playback-player.ts), reads the
 * spans and gaps and the case markers of the window, shows the wall-clock time ~4× a second, and keeps synced tiles
 * on one time cursor: the focused synced tile publishes it, the others seek to it when they drift.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { CaseMark, RecordingSpans } from '../../../common/recording-schemas.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { PlaybackPlayer } from './playback-player.js';
import { usePlaybackStore, type TilePlayback } from './playback-store.js';
import { syncTarget } from './playback-timeline.js';

const iso = (ms: number) => new Date(ms).toISOString();
/**
 * A playback ticket lives minutes (the stream token's life); a longer session renews it when hls.js gives up on an
 * expired playlist or segment, resuming at the moment last shown. Bounded, so a real refusal ends in words.
 */
const MAX_RENEWALS = 50;

export interface PlaybackView {
  readonly player: PlaybackPlayer | null;
  readonly spans: RecordingSpans | null;
  readonly marks: readonly CaseMark[];
  /** The refusal or failure in words (from the i18n catalogues). */
  readonly error: string | null;
  readonly clockMs: number | null;
  readonly paused: boolean;
}

export function usePlayback(
  index: number,
  playback: TilePlayback,
  video: RefObject<HTMLVideoElement | null>,
  focused: boolean,
  reason: string | undefined,
): PlaybackView {
  const { cameraId, window, startMs, caseId, speed, synced } = playback;
  const [player, setPlayer] = useState<PlaybackPlayer | null>(null);
  const [spans, setSpans] = useState<RecordingSpans | null>(null);
  const [marks, setMarks] = useState<readonly CaseMark[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [clock, setClock] = useState<{ ms: number | null; paused: boolean }>({ ms: null, paused: false });
  const [renewals, setRenewals] = useState(0);

  // One ticket and player per camera × window; a new start inside the same window is a seek, not a new ticket.
  useEffect(() => {
    const element = video.current;
    if (!element) return undefined;
    let created: PlaybackPlayer | null = null;
    let gone = false;
    const range = { from: iso(window.fromMs), to: iso(window.toMs) };
    void call('recording.spans', { cameraId, range })
      .then((answer) => !gone && setSpans(answer))
      .catch(() => undefined);
    // Markers need `case.read`; a role without it still plays back, just without markers.
    void call('recording.caseMarks', { cameraId, range })
      .then((answer) => !gone && setMarks(answer.cases))
      .catch(() => undefined);
    call('recording.playback', {
      cameraId,
      request: { ...range, ...(reason ? { reason } : {}), ...(caseId ? { caseId } : {}) },
    })
      .then((ticket) => {
        if (gone) return;
        created = new PlaybackPlayer({
          video: element,
          url: ticket.url,
          startMs: usePlaybackStore.getState().tiles[index]?.startMs ?? startMs,
          speed: usePlaybackStore.getState().tiles[index]?.speed ?? 1,
          onFatal: (detail) => {
            const shown = created?.wallClock() ?? null;
            if (renewals >= MAX_RENEWALS || shown === null) {
              setError(detail);
              return;
            }
            usePlaybackStore.getState().setStart(index, shown);
            setRenewals((n) => n + 1);
          },
        });
        setPlayer(created);
      })
      .catch((e: unknown) => !gone && setError(errorMessage(e)));
    return () => {
      gone = true;
      created?.destroy();
      setPlayer(null);
      setError(null);
    };
    // startMs and speed are read when the player starts; later changes are seeks and rate changes (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [index, cameraId, window.fromMs, window.toMs, caseId, reason, video, renewals]);

  useEffect(() => player?.seekWall(startMs), [player, startMs]);
  useEffect(() => player?.setSpeed(speed), [player, speed]);

  useEffect(() => {
    if (!player) return undefined;
    const timer = setInterval(() => {
      const ms = player.wallClock();
      const paused = player.paused();
      setClock((c) => (c.ms === ms && c.paused === paused ? c : { ms, paused }));
      if (!synced || ms === null) return;
      const store = usePlaybackStore.getState();
      if (focused) {
        store.publish({ by: index, ms, publishedAt: Date.now(), speed, paused });
        return;
      }
      const cursor = store.cursor;
      if (!cursor || cursor.by === index) return;
      const target = syncTarget(cursor, ms, Date.now());
      if (target !== null) player.seekWall(target);
      if (cursor.paused !== paused) player.togglePlay();
    }, 250);
    return () => clearInterval(timer);
  }, [player, synced, focused, index, speed]);

  return { player, spans, marks, error, clockMs: clock.ms, paused: clock.paused };
}
