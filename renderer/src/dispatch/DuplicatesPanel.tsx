/**
 * 疑似重复 in the drawer of the centre that verifies: each open case of the same category reported close by in place
 * and time (the hub's thresholds, resources/desk-limits.json), side by side with this one, and one click to merge
 * this case into it — no case number typed. Shown only while this user may merge the case (allowedMoves); the hub
 * checks scope and that the survivor is still open.
 */
import { App, Alert, Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import type { DuplicateList } from '../../../common/contract-desk.js';
import { call, CallError } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { formatDateTime } from '../base/format.js';
import { sourceLabel, statusLabel, unitPath, type UnitIndex } from '../base/labels.js';
import { useBoardStore } from '../base/cases/board-store.js';
import { isQueued } from '../base/cases/board-model.js';

interface DuplicatesPanelProps {
  view: CaseView;
  units: UnitIndex;
  onMerged(next: CaseView): void;
  onStale(): void;
}

export function DuplicatesPanel({ view, units, onMerged, onStale }: DuplicatesPanelProps) {
  const { t } = useTranslation(['dispatch']);
  const { message } = App.useApp();
  const openCase = useBoardStore((s) => s.openCase);
  const [list, setList] = useState<DuplicateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('cases.duplicates', { caseId: view.id }).then(
      (answer) => {
        if (live) setList(answer);
      },
      (failure: unknown) => {
        if (live) setError(errorMessage(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [view.id, view.version]);

  const merge = async (survivor: CaseView) => {
    setMerging(survivor.id);
    setError(null);
    try {
      const next = await call('cases.move', {
        caseId: view.id,
        idempotencyKey: crypto.randomUUID(),
        request: { expectedVersion: view.version, move: { type: 'merge', intoCaseId: survivor.id } },
      });
      onMerged(next);
      const done = { caseNo: view.caseNo, into: survivor.caseNo };
      if (isQueued(next)) void message.warning(t('dispatch:duplicates.queued', done));
      else void message.success(t('dispatch:duplicates.merged', done));
    } catch (failure) {
      if (failure instanceof CallError && failure.code === 'conflict') onStale();
      setError(errorMessage(failure));
    } finally {
      setMerging(null);
    }
  };

  if (!list || list.suggestions.length === 0) {
    return error ? <Alert type="error" showIcon title={error} data-testid="duplicates-error" /> : null;
  }
  return (
    <div className="duplicates-panel" data-testid="duplicates-panel">
      <Alert
        type="warning"
        showIcon
        title={t('dispatch:duplicates.title', {
          count: list.suggestions.length,
          radius: list.radiusM,
          hours: list.windowHours,
        })}
      />
      {list.suggestions.map(({ case: other, distanceM, hoursApart }) => (
        <div key={other.id} className="duplicate-suggestion" data-testid="duplicate-suggestion" data-case-id={other.id}>
          <div className="duplicate-meta">
            <Tag>{t('dispatch:duplicates.distance', { metres: Math.round(distanceM) })}</Tag>
            <Tag>{t('dispatch:duplicates.apart', { hours: hoursApart })}</Tag>
            <Button
              type="primary"
              size="small"
              loading={merging === other.id}
              disabled={merging !== null}
              data-testid="duplicate-merge"
              onClick={() => void merge(other)}
            >
              {t('dispatch:duplicates.mergeInto', { caseNo: other.caseNo })}
            </Button>
            <Button size="small" onClick={() => openCase(other.id)} data-testid="duplicate-open">
              {t('dispatch:duplicates.open')}
            </Button>
          </div>
          <div className="duplicate-pair">
            <Side title={t('dispatch:duplicates.thisCase')} c={view} units={units} />
            <Side title={t('dispatch:duplicates.otherCase')} c={other} units={units} />
          </div>
        </div>
      ))}
      {error ? <Alert type="error" showIcon title={error} data-testid="duplicates-error" /> : null}
    </div>
  );
}

function Side({ title, c, units }: { title: string; c: CaseView; units: UnitIndex }) {
  const language = useLanguage();
  const reporters = c.reporters
    .map((r) => [sourceLabel(r.source, language), r.name, r.phone].filter(Boolean).join(' · '))
    .join('；');
  return (
    <div className="duplicate-side" data-testid="duplicate-side">
      <h5>
        {title} · {c.caseNo} · {statusLabel(c.status, language)}
      </h5>
      <p>{c.description}</p>
      <p>{formatDateTime(c.reportedAt, language)}</p>
      <p>{unitPath(c.gridCode, units) || c.gridCode}</p>
      <p>{reporters}</p>
    </div>
  );
}
