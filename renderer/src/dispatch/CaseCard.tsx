/**
 * One case on the board. Memoised on the case object: a push that changes another case never re-renders it. The
 * countdown, the SLA colour and the age subscribe to the shared ticker themselves, each re-rendering only when its
 * own text changes.
 */
import type { TFunction } from 'i18next';
import { Tag, Tooltip } from 'antd';
import { memo, type FocusEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import type { SlaState } from '../../../common/sla-clock.js';
import type { Language } from '../i18n/index.js';
import { useLanguage } from '../i18n/use-language.js';
import { cardSla, formatClock, isQueued, type SlaName } from '../base/cases/board-model.js';
import { formatAge, formatDateTime, formatTime } from '../base/format.js';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import {
  categoryLabel,
  gradeLabel,
  majorLabel,
  moveLabel,
  sourceLabel,
  statusLabel,
  unitLabel,
  unitPath,
  type UnitIndex,
} from '../base/labels.js';
import { referenceData, useReferenceRevision } from '../base/reference.js';
import { intakeLimits } from '../base/intake.js';
import { useTicking } from '../base/clock.js';
import { nextMoveFor, workingUnits } from '../base/cases/attention.js';
import { useWatchStore } from '../base/cases/watch-store.js';
import { useSessionStore } from '../session/session-store.js';
import { useDuplicateStore } from './duplicates-store.js';

/** Card height plus the gap below it: the virtual column lays cards out on this pitch. */
export const CARD_PITCH = 112;
/** The compact card (three short lines, no source/age) for a big board: more cards per column (issue 17 §3). */
export const COMPACT_CARD_PITCH = 70;

export const cardPitch = (compact: boolean) => (compact ? COMPACT_CARD_PITCH : CARD_PITCH);

export const GRADE_COLOURS = { routine: '#3a7bd5', general: '#d48806', serious: '#e5484d' } as const;

/** The SLA of a case at an instant, computed once per case version and tick however many widgets ask. */
type CardClock = 'intake' | 'handling' | null;
const slaCache = new WeakMap<CaseView, { now: number; name: SlaName; sla: SlaState | null; clock: CardClock }>();
/** A new report runs on the intake clock (受理时限) until filed, then on its lead leg's deadline. */
export function slaAt(c: CaseView, now: number): { name: SlaName; sla: SlaState | null; clock: CardClock } {
  const cached = slaCache.get(c);
  if (cached?.now === now) return cached;
  const computed = { now, ...cardSla(c, now, referenceData().calendar, intakeLimits()) };
  slaCache.set(c, computed);
  return computed;
}

export function useSlaName(c: CaseView): SlaName {
  return useTicking((now) => slaAt(c, now).name);
}

/** "剩余 3:12:05" / "超时 0:40:10" / "暂停" (intake: "受理剩余 …" / "受理超时 …"), or null when no deadline runs. */
export function countdownText(
  sla: SlaState | null,
  now: number,
  t: TFunction<['dispatch']>,
  clock: CardClock = 'handling',
): string | null {
  if (!sla) return null;
  if (clock === 'intake') {
    return sla.state === 'overdue'
      ? t('dispatch:sla.intakeOverdue', { time: formatClock((now - sla.effectiveDueAt) / 1000) })
      : t('dispatch:sla.intakeRemaining', { time: formatClock(sla.remainingMinutes * 60) });
  }
  if (sla.paused) return t('dispatch:sla.paused', { time: formatClock(sla.remainingMinutes * 60) });
  if (sla.state === 'overdue') {
    // Long-overdue cases (old imports, parked work) read in days; the last two days tick by the second.
    const late = (now - sla.effectiveDueAt) / 1000;
    if (late >= 48 * 3600) return t('dispatch:sla.overdueDays', { count: Math.floor(late / 86_400) });
    return t('dispatch:sla.overdue', { time: formatClock(late) });
  }
  return t('dispatch:sla.remaining', { time: formatClock(sla.remainingMinutes * 60) });
}

export function SlaCountdown({ c, className }: { c: CaseView; className?: string }) {
  const { t } = useTranslation(['dispatch']);
  const text = useTicking((now) => {
    const at = slaAt(c, now);
    return countdownText(at.sla, now, t, at.clock);
  });
  const name = useSlaName(c);
  const clock = useTicking((now) => slaAt(c, now).clock);
  if (text === null) return null;
  return (
    <span
      className={`sla-countdown sla-${name} ${className ?? ''}`}
      data-testid="sla-countdown"
      data-sla={name}
      data-clock={clock}
    >
      {text}
    </span>
  );
}

function Age({ from }: { from: number }) {
  const language = useLanguage();
  const text = useTicking((now) => formatAge(from, now, language));
  return <span className="case-card-age">{text}</span>;
}

export interface CaseCardProps {
  c: CaseView;
  units: UnitIndex;
  /** Holds the roving tab stop of the board. */
  tabStop: boolean;
  /** Newly arrived serious case, not yet opened. */
  fresh: boolean;
  /** Offset in the virtual column. */
  top: number;
  /** The compact variant (display-prefs.ts). */
  compact?: boolean;
  onOpen(id: string): void;
  onCursor(id: string): void;
}

function cardLabel(c: CaseView, units: UnitIndex, language: Language): string {
  return [
    c.caseNo,
    gradeLabel(c.grade, language),
    statusLabel(c.status, language),
    categoryLabel(c.categoryCode, language, c.refVersion),
    unitLabel(c.gridCode, units, language),
  ].join(' · ');
}

export const CaseCard = memo(function CaseCard({
  c,
  units,
  tabStop,
  fresh,
  top,
  compact = false,
  onOpen,
  onCursor,
}: CaseCardProps) {
  // Category names come from the reference data the hub sends after sign-in: a memoised card must see it arrive.
  useReferenceRevision();
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const sla = useSlaName(c);
  const supervised = c.supervisionCount > 0;
  const user = useSessionStore((st) => st.user);
  const next = user
    ? nextMoveFor(c, {
        userId: user.id,
        role: user.role,
        orgUnitCode: user.orgUnitCode,
        departmentCode: user.departmentCode,
      })
    : null;
  const watched = useWatchStore((st) => st.watched.has(c.id));
  const toggleWatch = useWatchStore((st) => st.toggle);
  const working = c.closedAt === undefined ? workingUnits(c) : [];
  const duplicates = useDuplicateStore((st) => st.counts.get(c.id) ?? 0);
  return (
    <div
      role="button"
      tabIndex={tabStop ? 0 : -1}
      aria-label={cardLabel(c, units, language)}
      className={`case-card grade-${c.grade} sla-${sla}${fresh ? ' case-card-fresh' : ''}${compact ? ' case-card-compact' : ''}`}
      style={{ top, borderLeftColor: GRADE_COLOURS[c.grade] }}
      data-testid="case-card"
      data-case-id={c.id}
      data-case-no={c.caseNo}
      data-grade={c.grade}
      data-status={c.status}
      data-sla={sla}
      data-supervised={supervised ? c.supervisionCount : 0}
      data-queued={isQueued(c)}
      data-next-move={next ?? ''}
      data-raised={c.raised ?? ''}
      data-watched={watched}
      data-duplicates={duplicates}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        onCursor(c.id);
        onOpen(c.id);
      }}
      onFocus={(event: FocusEvent) => {
        if (event.target === event.currentTarget) onCursor(c.id);
      }}
    >
      <div className="case-card-top">
        <span className="case-card-no" title={c.caseNo}>
          {c.caseNo}
        </span>
        <Tag className="case-card-grade" color={GRADE_COLOURS[c.grade]} variant="solid">
          {gradeLabel(c.grade, language)}
        </Tag>
        {supervised ? (
          <Tooltip title={t('dispatch:card.supervisedTip', { count: c.supervisionCount })}>
            <span className="case-card-supervised" data-testid="supervision-badge">
              {t('dispatch:card.supervised')}
              <sup>{c.supervisionCount}</sup>
            </span>
          </Tooltip>
        ) : null}
        {c.raised ? (
          <Tooltip title={t(`dispatch:card.raisedTip.${c.raised}`)}>
            <span className={`case-card-raised raised-${c.raised}`} data-testid="raised-badge">
              {t(`dispatch:card.raised.${c.raised}`)}
            </span>
          </Tooltip>
        ) : null}
        {duplicates > 0 ? (
          <Tooltip title={t('dispatch:card.duplicatesTip', { count: duplicates })}>
            <span className="case-card-duplicates" data-testid="duplicates-badge">
              {t('dispatch:card.duplicates', { count: duplicates })}
            </span>
          </Tooltip>
        ) : null}
        {isQueued(c) ? (
          <Tooltip title={t('dispatch:card.queuedTip')}>
            <span className="case-card-queued" data-testid="queued-badge">
              {t('dispatch:card.queued')}
            </span>
          </Tooltip>
        ) : null}
        <button
          type="button"
          tabIndex={-1}
          className={`case-card-watch${watched ? ' watched' : ''}`}
          aria-pressed={watched}
          aria-label={t(watched ? 'dispatch:card.unwatch' : 'dispatch:card.watch')}
          title={t(watched ? 'dispatch:card.unwatch' : 'dispatch:card.watch')}
          data-testid="watch-toggle"
          onClick={(event) => {
            event.stopPropagation();
            toggleWatch(c.id);
          }}
        >
          {watched ? <StarFilled /> : <StarOutlined />}
        </button>
      </div>
      {compact ? (
        <CompactLines c={c} units={units} language={language} next={next} working={working} />
      ) : (
        <>
          <div className="case-card-line">
            <span className="case-card-category" title={majorLabel(c.categoryCode, language, c.refVersion)}>
              {categoryLabel(c.categoryCode, language, c.refVersion)}
            </span>
            {next ? (
              <span className="case-card-next" data-testid="next-move">
                {t('dispatch:card.nextMove', { move: moveLabel(next, language) })}
              </span>
            ) : (
              <span className="case-card-status">{statusLabel(c.status, language)}</span>
            )}
          </div>
          <div
            className="case-card-place"
            title={[unitPath(c.gridCode, units), ...working.map((u) => unitLabel(u, units, language, true))].join(
              ' → ',
            )}
          >
            {unitLabel(c.gridCode, units, language)}
            {working.length > 0 ? (
              <span className="case-card-unit" data-testid="card-unit">
                {' → '}
                {unitLabel(working[0]!, units, language)}
                {working.length > 1 ? ` +${working.length - 1}` : ''}
              </span>
            ) : null}
          </div>
          <div className="case-card-foot">
            <span className="case-card-source" title={formatDateTime(c.reportedAt, language)}>
              {sourceLabel(c.source, language)} · <Age from={c.reportedAt} />
            </span>
            {c.closedAt !== undefined ? (
              <span className="case-card-closed">
                {t('dispatch:card.closedAt', { time: formatTime(c.closedAt, language) })}
              </span>
            ) : (
              <SlaCountdown c={c} />
            )}
          </div>
        </>
      )}
    </div>
  );
});

/** The compact card's lower two lines: what and where on one, the viewer's next move and the clock on the other. */
function CompactLines({
  c,
  units,
  language,
  next,
  working,
}: {
  c: CaseView;
  units: UnitIndex;
  language: Language;
  next: ReturnType<typeof nextMoveFor>;
  working: readonly string[];
}) {
  const { t } = useTranslation(['dispatch']);
  const place = unitLabel(c.gridCode, units, language);
  const unit = working.length > 0 ? unitLabel(working[0]!, units, language) : null;
  return (
    <>
      <div className="case-card-line" title={[unitPath(c.gridCode, units), unit].filter(Boolean).join(' → ')}>
        <span className="case-card-category">{categoryLabel(c.categoryCode, language, c.refVersion)}</span>
        <span className="case-card-place">
          {place}
          {unit ? (
            <span className="case-card-unit" data-testid="card-unit">
              {` → ${unit}`}
            </span>
          ) : null}
        </span>
      </div>
      <div className="case-card-foot">
        {next ? (
          <span className="case-card-next" data-testid="next-move">
            {t('dispatch:card.nextMove', { move: moveLabel(next, language) })}
          </span>
        ) : (
          <span className="case-card-source">{statusLabel(c.status, language)}</span>
        )}
        {c.closedAt !== undefined ? (
          <span className="case-card-closed">
            {t('dispatch:card.closedAt', { time: formatTime(c.closedAt, language) })}
          </span>
        ) : (
          <SlaCountdown c={c} />
        )}
      </div>
    </>
  );
}
