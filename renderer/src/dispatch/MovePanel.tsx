/**
 * The drawer's actions: exactly the moves `allowedMoves(case, me)` allows — the same machine the hub enforces —
 * each opening the small form its move needs (one per move kind, from the table in moves/index.ts). A submit sends one `cases.move` with a fresh idempotency key and the
 * version the user was looking at; a stale version comes back as a conflict, which is said plainly and answered by
 * refreshing the case.
 */
import { App, Alert, Button, Form, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../common/case-api.js';
import { allowedMoves, type CaseActor } from '../../../common/case-machine.js';
import type { CaseLeg, CaseMoveType } from '../../../common/cases.js';
import type { OrgUnit } from '../../../common/schemas.js';
import { call, CallError } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';
import { isQueued } from '../base/cases/board-model.js';
import { moveLabel, type UnitIndex } from '../base/labels.js';
import { eligibleLegs } from './move-targets.js';
import { moveForm, type MoveValues } from './moves/index.js';

/** The defaults every move form starts from, and what its own form adds (the case's grade and category to file). */
function initialValues(type: CaseMoveType, view: CaseView, legs: readonly CaseLeg[]): MoveValues {
  return {
    legId: legs[0]?.id,
    decision: 'approve',
    outcome: 'pass',
    rating: 5,
    hours: 24,
    ...moveForm(type).initial?.(view),
  };
}

interface MovePanelProps {
  view: CaseView;
  actor: CaseActor;
  units: UnitIndex;
  orgUnits: readonly OrgUnit[];
  onMoved(view: CaseView): void;
  /** Someone else moved the case first: fetch it again. */
  onStale(): void;
}

export function MovePanel({ view, actor, units, orgUnits, onMoved, onStale }: MovePanelProps) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const { message } = App.useApp();
  const allowed = useMemo(() => allowedMoves(view, actor), [view, actor]);
  const [selected, setSelected] = useState<CaseMoveType | null>(null);
  // Counts the forms opened, so reopening the same move after 取消 starts empty.
  const [opened, setOpened] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A move that the case no longer allows (someone acted, or this move went through) closes its form.
  const active = selected !== null && allowed.includes(selected) ? selected : null;
  const legs = useMemo(() => (active ? eligibleLegs(view, actor, active) : []), [view, actor, active]);
  const Fields = active ? moveForm(active).Fields : null;

  const submit = async (values: MoveValues) => {
    if (!active) return;
    const move = moveForm(active).build(values, view);
    setSubmitting(true);
    setError(null);
    try {
      const next = await call('cases.move', {
        caseId: view.id,
        idempotencyKey: crypto.randomUUID(),
        request: { expectedVersion: view.version, move },
      });
      setSelected(null);
      onMoved(next);
      const done = { move: moveLabel(active, language), caseNo: view.caseNo };
      // Hub unreachable: the console keeps the move in its outbox and answers with the case as it expects it.
      if (isQueued(next)) void message.warning(t('dispatch:move.queued', done));
      else void message.success(t('dispatch:move.done', done));
    } catch (failure) {
      if (failure instanceof CallError && failure.code === 'conflict') {
        setError(t('dispatch:move.conflict'));
        onStale();
      } else {
        setError(errorMessage(failure));
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (allowed.length === 0) {
    return (
      <div className="move-panel" data-testid="move-panel">
        <Typography.Text type="secondary" data-testid="move-none">
          {t('dispatch:move.none')}
        </Typography.Text>
        {error ? <Alert type="error" showIcon data-testid="move-error" title={error} /> : null}
      </div>
    );
  }

  return (
    <div className="move-panel" data-testid="move-panel">
      <Space wrap size={[8, 8]}>
        {allowed.map((type) => (
          <Button
            key={type}
            data-testid={`move-${type}`}
            type={active === type ? 'primary' : 'default'}
            aria-pressed={active === type}
            onClick={() => {
              setSelected(active === type ? null : type);
              setOpened((n) => n + 1);
              setError(null);
            }}
          >
            {moveLabel(type, language)}
          </Button>
        ))}
      </Space>
      {active && Fields ? (
        <Form<MoveValues>
          // A fresh form (and form store) per case and move: a shared Form.useForm instance kept what was typed
          // into a cancelled form, or into another case's, and offered it again.
          key={`${view.id}:${active}:${opened}`}
          layout="vertical"
          className="move-form"
          data-testid={`move-form-${active}`}
          initialValues={initialValues(active, view, legs)}
          onFinish={(values) => void submit(values)}
          requiredMark={false}
        >
          <Fields view={view} actor={actor} units={units} orgUnits={orgUnits} legs={legs} />
          <Space>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="move-submit">
              {t('dispatch:move.submit', { move: moveLabel(active, language) })}
            </Button>
            <Button onClick={() => setSelected(null)} disabled={submitting}>
              {t('dispatch:move.cancel')}
            </Button>
          </Space>
        </Form>
      ) : null}
      {error ? <Alert type="error" showIcon data-testid="move-error" title={error} className="move-error" /> : null}
    </div>
  );
}
