/**
 * PTZ on a tile: a small pad shown on hover for a PTZ camera (arrows, zoom +/−, presets 1–9) and the camera's lock
 * ("由 张三 操控中, 剩 45 s"). Clicking the pad takes control; while this tile is focused and in control, the keyboard
 * steers: arrows pan/tilt, + and − zoom, digits go to presets, Esc gives control back. Out of control, those keys keep
 * their wall meaning (arrows move the focus, digits pick a tile), so a wall operator never turns a camera by accident.
 * The hub decides everything (permission, lock, audit); a refusal shows its translated reason.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PtzCommand, PtzStatus } from '../../../common/ptz-schemas.js';
import { useTicking } from '../base/clock.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';

const KEY_STEPS: Record<string, { pan: -1 | 0 | 1; tilt: -1 | 0 | 1; zoom: -1 | 0 | 1 }> = {
  ArrowLeft: { pan: -1, tilt: 0, zoom: 0 },
  ArrowRight: { pan: 1, tilt: 0, zoom: 0 },
  ArrowUp: { pan: 0, tilt: -1, zoom: 0 },
  ArrowDown: { pan: 0, tilt: 1, zoom: 0 },
  '+': { pan: 0, tilt: 0, zoom: 1 },
  '=': { pan: 0, tilt: 0, zoom: 1 },
  '-': { pan: 0, tilt: 0, zoom: -1 },
};

export function PtzPad({ cameraId, focused }: { cameraId: string; focused: boolean }) {
  const { t } = useTranslation(['wall']);
  const [status, setStatus] = useState<PtzStatus | null>(null);
  const [control, setControl] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [seenAt, setSeenAt] = useState(0);

  const refresh = useCallback(() => {
    call('ptz.status', { cameraId }).then(
      (s) => (setStatus(s), setSeenAt(Date.now())),
      () => setStatus(null), // not steerable by this user: no pad
    );
  }, [cameraId]);
  useEffect(refresh, [refresh]);
  // The focused tile keeps its lock line current (another operator may take the camera meanwhile).
  useEffect(() => {
    if (!focused) return undefined;
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [focused, refresh]);

  const send = useCallback(
    (command: PtzCommand) => {
      setControl(command.action !== 'release');
      call('ptz.command', { cameraId, command }).then(
        (s) => (setStatus(s), setSeenAt(Date.now()), setProblem(null)),
        (err: unknown) => {
          setProblem(errorMessage(err));
          setControl(false);
          refresh(); // shows who holds the lock
        },
      );
    },
    [cameraId, refresh],
  );

  useEffect(() => {
    if (!focused || !control) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const step = KEY_STEPS[event.key];
      let command: PtzCommand | null = null;
      if (step) command = { action: 'move', ...step };
      else if (/^[1-9]$/.test(event.key)) command = { action: 'goto_preset', preset: Number(event.key) };
      else if (event.key === 'Escape') command = { action: 'release' };
      if (!command) return;
      // Capture phase on window: the wall grid's own keys (focus moves, tile digits) do not see this key.
      event.preventDefault();
      event.stopPropagation();
      send(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [focused, control, send]);

  const lock = status?.lock ?? null;
  const secondsLeft = useTicking((now) =>
    lock ? Math.max(0, lock.secondsLeft - Math.floor((now - seenAt) / 1000)) : 0,
  );
  useEffect(() => {
    if (lock && secondsLeft === 0) refresh(); // lapsed: show the camera free again
  }, [lock, secondsLeft, refresh]);
  if (!status) return null;

  const move = (pan: -1 | 0 | 1, tilt: -1 | 0 | 1, zoom: -1 | 0 | 1) => () => send({ action: 'move', pan, tilt, zoom });
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  const live = lock && secondsLeft > 0;
  return (
    <div className="wall-ptz" data-testid="tile-ptz" onClick={stop} onDoubleClick={stop}>
      {live ? (
        <div
          className={`wall-ptz-lock ${lock.heldByYou ? 'wall-ptz-lock-mine' : ''}`}
          data-testid="tile-ptz-lock"
          data-holder={lock.displayName}
        >
          {lock.heldByYou
            ? t('wall:ptz.lockMine', { s: secondsLeft })
            : t('wall:ptz.lockOther', { name: lock.displayName, s: secondsLeft })}
        </div>
      ) : null}
      {problem ? <div className="wall-ptz-problem">{problem}</div> : null}
      <div className="wall-ptz-pad" data-testid="tile-ptz-pad">
        <button type="button" className="wall-ptz-up" aria-label={t('wall:ptz.up')} onClick={move(0, -1, 0)}>
          ▲
        </button>
        <button type="button" className="wall-ptz-left" aria-label={t('wall:ptz.left')} onClick={move(-1, 0, 0)}>
          ◀
        </button>
        <button type="button" className="wall-ptz-right" aria-label={t('wall:ptz.right')} onClick={move(1, 0, 0)}>
          ▶
        </button>
        <button type="button" className="wall-ptz-down" aria-label={t('wall:ptz.down')} onClick={move(0, 1, 0)}>
          ▼
        </button>
        <button type="button" aria-label={t('wall:ptz.zoomIn')} onClick={move(0, 0, 1)} data-testid="tile-ptz-zoom-in">
          ＋
        </button>
        <button type="button" aria-label={t('wall:ptz.zoomOut')} onClick={move(0, 0, -1)}>
          －
        </button>
        {status.presets.map((p) => (
          <button
            type="button"
            key={p}
            title={t('wall:ptz.preset', { n: p })}
            onClick={() => send({ action: 'goto_preset', preset: p })}
          >
            {p}
          </button>
        ))}
        {control ? (
          <button type="button" onClick={() => send({ action: 'release' })}>
            {t('wall:ptz.release')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
