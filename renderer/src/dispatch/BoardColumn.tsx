/**
 * One stage column, virtualised: only the cards in view (plus a few either side, plus the card holding the tab
 * stop, so keyboard focus is never lost to scrolling) are in the DOM. Cards sit on a fixed pitch, which keeps the
 * arithmetic exact and 2,000 cards as cheap as 20.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import type { BoardStage } from '../base/cases/board-model.js';
import { cardPitch, CaseCard } from './CaseCard.js';
import type { UnitIndex } from '../base/labels.js';

const OVERSCAN = 4;

export interface RevealRequest {
  readonly stage: BoardStage;
  readonly index: number;
  /** Bumped per request, so asking for the same card again still scrolls to it. */
  readonly serial: number;
}

interface BoardColumnProps {
  stage: BoardStage;
  cases: readonly CaseView[];
  units: UnitIndex;
  tabStopId: string | null;
  fresh: ReadonlyMap<string, number>;
  reveal: RevealRequest | null;
  onOpen(id: string): void;
  onCursor(id: string): void;
  /** Compact cards on a shorter pitch (display-prefs.ts). */
  compact?: boolean;
}

export function BoardColumn({
  stage,
  cases,
  units,
  tabStopId,
  fresh,
  reveal,
  onOpen,
  onCursor,
  compact = false,
}: BoardColumnProps) {
  const CARD_PITCH = cardPitch(compact);
  const { t } = useTranslation(['dispatch']);
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const frame = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  // Bring the keyboard cursor's card into view (the board focuses it: it is always rendered). The scroll event
  // that follows moves the rendered window.
  useEffect(() => {
    const element = box.current;
    if (!element || !reveal || reveal.stage !== stage) return;
    const top = reveal.index * CARD_PITCH;
    const viewHeight = element.clientHeight;
    if (top < element.scrollTop) element.scrollTo({ top });
    else if (top + CARD_PITCH > element.scrollTop + viewHeight)
      element.scrollTo({ top: top + CARD_PITCH - viewHeight });
  }, [reveal, stage, CARD_PITCH]);

  const count = cases.length;
  const viewHeight = height || 800;
  const first = Math.max(0, Math.floor(scrollTop / CARD_PITCH) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / CARD_PITCH) + OVERSCAN);
  const indexes: number[] = [];
  for (let i = first; i < last; i++) indexes.push(i);
  const tabStopIndex = tabStopId === null ? -1 : cases.findIndex((c) => c.id === tabStopId);
  if (tabStopIndex >= 0 && (tabStopIndex < first || tabStopIndex >= last)) indexes.push(tabStopIndex);

  const title = t(`dispatch:stage.${stage}`);
  return (
    <section className="board-column" data-testid={`board-column-${stage}`} aria-label={title}>
      <header className="board-column-head">
        <span className="board-column-title">{title}</span>
        <span className="board-column-count" data-testid={`board-count-${stage}`}>
          {count}
        </span>
      </header>
      <div
        ref={box}
        className="board-column-body"
        onScroll={(event) => {
          const top = event.currentTarget.scrollTop;
          if (frame.current !== null) cancelAnimationFrame(frame.current);
          frame.current = requestAnimationFrame(() => {
            frame.current = null;
            setScrollTop(top);
          });
        }}
      >
        {count === 0 ? <div className="board-column-empty">{t('dispatch:board.emptyColumn')}</div> : null}
        <div className="board-column-track" style={{ height: count * CARD_PITCH }}>
          {indexes.map((i) => {
            const c = cases[i]!;
            return (
              <CaseCard
                key={c.id}
                c={c}
                units={units}
                tabStop={c.id === tabStopId}
                fresh={fresh.has(c.id)}
                top={i * CARD_PITCH}
                compact={compact}
                onOpen={onOpen}
                onCursor={onCursor}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
