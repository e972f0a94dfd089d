/**
 * The tiles of a layout on a CSS grid, with the wall's keyboard: digits focus a tile (two quick digits for 10–36),
 * Enter maximises or restores, Escape restores, Delete clears, arrows move the focus by where tiles lie. Shared by
 * the console's wall and the full-screen wall display (which shows the console's cast, read-only).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Camera } from '../../../common/schemas.js';
import type { WallLayoutKind } from '../../../common/wall-schemas.js';
import { LAYOUTS, neighbour, qualityFor, type Direction } from './layouts.js';
import { PlayerBudget } from './player-budget.js';
import type { TileActions } from './TileChrome.js';
import type { TourRun } from './tours.js';
import { VideoTile } from './VideoTile.js';
import type { Proposal } from './wall-store.js';

export interface GridTile {
  readonly cameraId: string | null;
  readonly tour: (TourRun & { pausedUntil: number }) | null;
  readonly reason?: string;
  readonly caseId?: string;
}

export interface WallGridProps {
  readonly kind: WallLayoutKind;
  readonly tiles: readonly GridTile[];
  readonly cameras: ReadonlyMap<string, Camera>;
  readonly focused: number;
  readonly maximized: number | null;
  readonly alertIndex: number | null;
  readonly proposal: Proposal | null;
  readonly showStats: boolean;
  readonly notPermitted: ReadonlySet<string>;
  readonly viewer: string;
  readonly actions: TileActions;
  readonly interactive: boolean;
  onFocus(index: number): void;
  onDropCameras(index: number, cameraIds: string[]): void;
  onTouch(index: number): void;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const DIGIT_WINDOW_MS = 700;
const TOUCH_EVERY_MS = 2000;

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

export function WallGrid(props: WallGridProps) {
  const { kind, tiles, maximized, focused, actions, onFocus, onTouch } = props;
  const geometry = LAYOUTS[kind];
  const pageVisible = usePageVisible();
  const budget = useMemo(() => new PlayerBudget(), []);
  useEffect(() => {
    budget.start();
    return () => budget.stop();
  }, [budget]);

  const digits = useRef<{ text: string; at: number }>({ text: '', at: 0 });
  const touched = useRef(new Map<number, number>());
  const touch = useMemo(
    () => (index: number) => {
      const now = Date.now();
      if (now - (touched.current.get(index) ?? 0) < TOUCH_EVERY_MS) return;
      touched.current.set(index, now);
      onTouch(index);
    },
    [onTouch],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!props.interactive || event.target !== event.currentTarget) return;
    const n = geometry.cells.length;
    if (/^[0-9]$/.test(event.key)) {
      const now = Date.now();
      const text = now - digits.current.at < DIGIT_WINDOW_MS ? digits.current.text + event.key : event.key;
      const number = Number(text);
      const target = number >= 1 && number <= n ? number - 1 : Number(event.key) - 1;
      digits.current = { text: number <= n ? text : event.key, at: now };
      if (target >= 0 && target < n) onFocus(target);
      event.preventDefault();
      return;
    }
    const direction = ARROWS[event.key];
    if (direction) {
      onFocus(neighbour(geometry, focused, direction));
      event.preventDefault();
    } else if (event.key === 'Enter') {
      actions.toggleMaximized(focused);
      event.preventDefault();
    } else if (event.key === 'Escape' && maximized !== null) {
      actions.toggleMaximized(maximized);
      event.preventDefault();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      actions.clear(focused);
      event.preventDefault();
    } else {
      return;
    }
    touch(focused);
  };

  const style = {
    gridTemplateColumns: `repeat(${geometry.cols}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${geometry.rows}, minmax(0, 1fr))`,
  };

  return (
    <div
      className={`wall-grid wall-grid-${kind.replace('+', 'p')}`}
      style={style}
      tabIndex={props.interactive ? 0 : -1}
      onKeyDown={onKeyDown}
      data-testid="wall-grid"
      data-layout={kind}
      data-maximized={maximized ?? ''}
      aria-label="video wall"
    >
      {geometry.cells.map((area, index) => {
        const tile = tiles[index];
        const cameraId = tile?.cameraId ?? null;
        const isAlert = props.alertIndex === index;
        return (
          <VideoTile
            key={index}
            index={index}
            area={area}
            cameraId={cameraId}
            camera={cameraId ? props.cameras.get(cameraId) : undefined}
            quality={qualityFor(kind, index, maximized)}
            blocked={cameraId !== null && props.notPermitted.has(cameraId)}
            reason={tile?.reason}
            caseId={tile?.caseId}
            focused={props.interactive && focused === index}
            maximized={maximized === index}
            hidden={maximized !== null && maximized !== index}
            pageVisible={pageVisible}
            budget={budget}
            onDropCameras={props.onDropCameras}
            onFocus={onFocus}
            onToggleMaximized={actions.toggleMaximized}
            onTouch={touch}
            chrome={{
              viewer: props.viewer,
              showStats: props.showStats,
              maximized: maximized === index,
              isAlert,
              tour: tile?.tour ?? null,
              proposal: isAlert ? props.proposal : null,
              actions,
            }}
          />
        );
      })}
    </div>
  );
}
