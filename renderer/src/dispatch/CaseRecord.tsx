/**
 * The case drawer's record sections: the reported photos, the legs of the dispatch (each with its own deadline) and
 * the timeline from the history. Everything people typed is rendered as text; photos only as <img> of http(s) or
 * inline raster URLs.
 */
import type { Attachment } from '../../../common/evidence-schemas.js';
import type { TFunction } from 'i18next';
import { Empty, Tag, Timeline } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseHistoryRow, CaseView } from '../../../common/case-api.js';
import { legClockRuns } from '../../../common/case-leg-ops.js';
import { legSla } from '../../../common/case-sla.js';
import type { CaseLeg } from '../../../common/cases.js';
import type { Language } from '../i18n/index.js';
import { roleLabel } from '../base/labels.js';
import { useLanguage } from '../i18n/use-language.js';
import { isSafeImageUrl } from '../base/cases/board-model.js';
import { countdownText } from './CaseCard.js';
import { formatDateTime } from '../base/format.js';
import { moveLabel, statusLabel, unitLabel, type UnitIndex } from '../base/labels.js';
import { referenceData } from '../base/reference.js';
import { useTicking } from '../base/clock.js';

export function Photos({ urls }: { urls: readonly string[] }) {
  const { t } = useTranslation(['dispatch']);
  if (urls.length === 0) return null;
  return (
    <div className="case-photos" data-testid="case-photos">
      {urls.map((url, i) => (
        <Photo key={`${i}:${url}`} url={url} alt={t('dispatch:drawer.photo', { index: i + 1 })} />
      ))}
    </div>
  );
}

/** An image when the URL is safe to load, else (or when it fails to load) the address as plain text. */
function Photo({ url, alt }: { url: string; alt: string }) {
  const [failed, setFailed] = useState(false);
  if (!isSafeImageUrl(url) || failed) {
    return (
      <span className="case-photo-text" data-testid="case-photo-text">
        {url}
      </span>
    );
  }
  return (
    <img
      className="case-photo"
      src={url}
      alt={alt}
      referrerPolicy="no-referrer"
      loading="lazy"
      data-testid="case-photo"
      onError={() => setFailed(true)}
    />
  );
}

export function Legs({ view, units }: { view: CaseView; units: UnitIndex }) {
  const { t } = useTranslation(['dispatch']);
  if (view.legs.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch:drawer.noLegs')} />;
  }
  // Current legs first (lead before assists), then the history of withdrawn, returned and ended ones.
  const rank = (leg: CaseLeg) =>
    (leg.status === 'withdrawn' || leg.status === 'returned' || leg.status === 'ended' ? 2 : 0) +
    (leg.role === 'lead' ? 0 : 1);
  const legs = [...view.legs].sort((a, b) => rank(a) - rank(b) || a.dispatchedAt - b.dispatchedAt);
  return (
    <div className="case-legs">
      {legs.map((leg) => (
        <LegRow key={leg.id} view={view} leg={leg} units={units} />
      ))}
    </div>
  );
}

function LegRow({ view, leg, units }: { view: CaseView; leg: CaseLeg; units: UnitIndex }) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  // A leg counts down only while it is owed on an open case (a closed case's legs ended with it, even on rows the
  // hub closed before legs ended with their case).
  const slaName = useTicking((now) => {
    if (!legClockRuns(view, leg)) return null;
    return legSla(view, leg, now, referenceData().calendar)?.state ?? null;
  });
  const slaText = useTicking((now) => {
    if (!legClockRuns(view, leg)) return null;
    return countdownText(legSla(view, leg, now, referenceData().calendar), now, t);
  });
  return (
    <div
      className={`case-leg case-leg-${leg.status}`}
      data-testid="case-leg"
      data-leg-id={leg.id}
      data-leg-status={leg.status}
      data-role={leg.role}
    >
      <div className="case-leg-head">
        <Tag color={leg.role === 'lead' ? 'blue' : 'default'}>{t(`dispatch:leg.role.${leg.role}`)}</Tag>
        <span className="case-leg-unit">{unitLabel(leg.unitCode, units, language, true)}</span>
        <Tag>{t(`dispatch:leg.status.${leg.status}`)}</Tag>
        {slaName && slaText ? <span className={`sla-countdown sla-${slaName}`}>{slaText}</span> : null}
      </div>
      <div className="case-leg-facts">
        <span>{t('dispatch:leg.dispatchedAt', { time: formatDateTime(leg.dispatchedAt, language) })}</span>
        {leg.dueAt !== undefined ? (
          <span>{t('dispatch:leg.dueAt', { time: formatDateTime(leg.dueAt, language) })}</span>
        ) : null}
        {leg.dueProvisional ? (
          <Tag color="orange" data-testid="leg-due-provisional">
            {t('dispatch:leg.dueProvisional')}
          </Tag>
        ) : null}
        <span>
          {leg.signedAt !== undefined
            ? t('dispatch:leg.signedAt', { time: formatDateTime(leg.signedAt, language) })
            : t('dispatch:leg.notSigned')}
        </span>
        <span>{t(`dispatch:leg.clock.${leg.clock}`)}</span>
      </div>
      {leg.returnReason ? (
        <div className="case-leg-text">{t('dispatch:leg.returnReason', { reason: leg.returnReason })}</div>
      ) : null}
      {leg.feedback ? (
        <div className="case-leg-feedback" data-testid="case-leg-feedback">
          <div className="case-leg-text">
            {t('dispatch:leg.feedback', { time: formatDateTime(leg.feedback.at, language) })}
            {leg.feedback.result}
          </div>
          <Photos urls={leg.feedback.photos} />
        </div>
      ) : null}
    </div>
  );
}

function historyMoveLabel(row: CaseHistoryRow, language: Language, t: TFunction<['dispatch']>): string {
  if (row.move === 'report') return t('dispatch:history.report');
  if (row.move === 'import') return t('dispatch:history.import');
  return moveLabel(row.move, language);
}

/** The case's story: its moves in order, and each attachment at the moment it was attached. */
export function History({
  rows,
  attachments,
  units,
}: {
  rows: readonly CaseHistoryRow[];
  attachments: readonly Attachment[];
  units: UnitIndex;
}) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const moves = [...rows]
    .sort((a, b) => a.version - b.version)
    .map((row) => ({ at: row.at, key: `v${row.version}`, item: moveItem(row, units, language, t) }));
  const attached = attachments.map((a) => ({ at: a.uploadedAt, key: a.id, item: attachmentItem(a, language, t) }));
  // Moves keep their order; an attachment goes after every move made before or at its moment.
  const items = [...moves];
  for (const a of [...attached].sort((x, y) => x.at - y.at)) {
    const after = items.findLastIndex((i) => i.at <= a.at);
    items.splice(after + 1, 0, a);
  }
  return (
    <Timeline
      className="case-timeline"
      data-testid="case-timeline"
      items={items.map(({ key, item }) => ({ key, ...item }))}
    />
  );
}

type TimelineItem = { color: string; title: string; content: ReactNode };

function moveItem(row: CaseHistoryRow, units: UnitIndex, language: Language, t: TFunction<['dispatch']>): TimelineItem {
  return {
    color: row.move === 'supervise' ? 'red' : row.to === 'closed' ? 'green' : 'blue',
    title: formatDateTime(row.at, language),
    content: (
      <div className="case-history-row" data-testid="case-history-row" data-move={row.move}>
        <div>
          <strong>{historyMoveLabel(row, language, t)}</strong>
          <span className="case-history-status">
            {row.from ? `${statusLabel(row.from, language)} → ` : ''}
            {statusLabel(row.to, language)}
          </span>
        </div>
        <div className="case-history-actor">
          {roleLabel(row.actor.role, language)} · {unitLabel(row.actor.orgUnitCode, units, language)}
          {row.unitCode ? ` → ${unitLabel(row.unitCode, units, language)}` : ''}
        </div>
        {row.noteCode ? (
          <div className="case-history-note" data-note-code={row.noteCode}>
            {t(`dispatch:historyNote.${row.noteCode}`, { replace: row.noteParams ?? {} })}
          </div>
        ) : null}
        {row.note ? <div className="case-history-note">{row.note}</div> : null}
      </div>
    ),
  };
}

function attachmentItem(a: Attachment, language: Language, t: TFunction<['dispatch']>): TimelineItem {
  return {
    color: 'gray',
    title: formatDateTime(a.uploadedAt, language),
    content: (
      <div
        className="case-history-row"
        data-testid="case-history-attachment"
        data-attachment-id={a.id}
        data-kind={a.kind}
      >
        <div>
          <strong>{t('dispatch:history.attachment', { kind: t(`dispatch:history.attachmentKind.${a.kind}`) })}</strong>
        </div>
        <div className="case-history-actor">
          {a.uploadedByName ?? a.uploadedBy} · {a.fileName}
        </div>
      </div>
    ),
  };
}
