/**
 * The drawer's actions: exactly the moves `allowedMoves(case, me)` allows — the same machine the hub enforces —
 * each opening the small form its move needs. A submit sends one `cases.move` with a fresh idempotency key and the
 * version the user was looking at; a stale version comes back as a conflict, which is said plainly and answered by
 * refreshing the case.
 */
import type { TFunction } from 'i18next';
import { App, Alert, Button, Cascader, Form, Input, InputNumber, Radio, Rate, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMoveDraft, CaseView } from '../../../common/case-api.js';
import { allowedMoves, type CaseActor } from '../../../common/case-machine.js';
import { pendingPause } from '../../../common/case-rules.js';
import { CASE_GRADES, type CaseGrade, type CaseLeg, type CaseMoveType } from '../../../common/cases.js';
import { legDeadline } from '../../../common/deadline-table.js';
import type { OrgUnit } from '../../../common/schemas.js';
import { majorCodeOf } from '../../../common/taxonomy.js';
import { call, CallError } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import type { Language } from '../i18n/index.js';
import { useLanguage } from '../i18n/use-language.js';
import { isQueued, parsePhotoUrls } from '../shared/cases/board-model.js';
import { useBoardStore } from '../shared/cases/board-store.js';
import { formatDateTime } from '../shared/format.js';
import { gradeLabel, moveLabel, unitLabel, type UnitIndex } from '../shared/labels.js';
import { dispatchTargets, eligibleLegs, isLegMove } from './move-targets.js';
import { referenceData } from '../shared/reference.js';
import { categoryOptions } from '../shared/taxonomy-options.js';
import { useTicking } from '../shared/clock.js';

interface MoveValues {
  legId?: string;
  reason?: string;
  note?: string;
  hours?: number;
  decision?: 'approve' | 'reject';
  result?: string;
  photos?: string;
  outcome?: 'pass' | 'fail';
  rating?: number;
  comment?: string;
  grade?: CaseGrade;
  category?: string[];
  intoCaseNo?: string;
  lead?: string;
  assists?: string[];
}

const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

/** The case id a typed case number names: the board knows the number of every case in scope. */
function caseIdOfNumber(caseNo: string): string {
  const wanted = caseNo.trim();
  for (const c of useBoardStore.getState().board.cases.values()) if (c.caseNo === wanted) return c.id;
  return wanted;
}

function buildMove(type: CaseMoveType, v: MoveValues, view: CaseView): CaseMoveDraft {
  const legId = v.legId ?? '';
  const photos = parsePhotoUrls(v.photos ?? '').urls;
  switch (type) {
    case 'request_verification':
      return { type, note: trimmed(v.note) };
    case 'file': {
      const categoryCode = v.category?.[1];
      return {
        type,
        ...(v.grade && v.grade !== view.grade ? { grade: v.grade } : {}),
        ...(categoryCode && categoryCode !== view.categoryCode ? { categoryCode } : {}),
        note: trimmed(v.note),
      };
    }
    case 'void':
    case 'escalate':
    case 'request_ledger':
      return { type, reason: v.reason?.trim() ?? '' };
    case 'merge':
      return { type, intoCaseId: caseIdOfNumber(v.intoCaseNo ?? ''), note: trimmed(v.note) };
    case 'handle_on_spot':
      return { type, result: v.result?.trim() ?? '', photos };
    case 'dispatch':
      return {
        type,
        lead: { unitCode: v.lead ?? '' },
        assists: (v.assists ?? []).map((unitCode) => ({ unitCode })),
        note: trimmed(v.note),
      };
    case 'sign':
      return { type, legId };
    case 'return':
      return { type, legId, reason: v.reason?.trim() ?? '' };
    case 'request_extension':
      return { type, legId, hours: v.hours ?? 0, reason: v.reason?.trim() ?? '' };
    case 'decide_extension':
      // Approving without a date: the hub sets the new deadline from the hours that were asked for.
      return { type, legId, decision: v.decision ?? 'approve', note: trimmed(v.note) };
    case 'decide_ledger':
      return { type, decision: v.decision ?? 'approve', note: trimmed(v.note) };
    case 'feedback':
      return { type, legId, result: v.result?.trim() ?? '', photos };
    case 'check':
      return { type, outcome: v.outcome ?? 'pass', note: trimmed(v.note) };
    case 'evaluate':
      return { type, rating: v.rating ?? 5, comment: trimmed(v.comment) };
    case 'takeover':
      return { type, reason: trimmed(v.reason) };
    case 'supervise':
      return { type, legId, note: trimmed(v.note) };
  }
}

function initialValues(type: CaseMoveType, view: CaseView, legs: readonly CaseLeg[]): MoveValues {
  return {
    legId: legs[0]?.id,
    decision: 'approve',
    outcome: 'pass',
    rating: 5,
    hours: 24,
    ...(type === 'file' ? { grade: view.grade, category: [majorCodeOf(view.categoryCode), view.categoryCode] } : {}),
  };
}

export function legName(leg: CaseLeg, units: UnitIndex, language: Language, t: TFunction<['dispatch']>) {
  return `${t(`dispatch:leg.role.${leg.role}`)} · ${unitLabel(leg.unitCode, units, language)} · ${t(`dispatch:leg.status.${leg.status}`)}`;
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
  const [form] = Form.useForm<MoveValues>();
  const allowed = useMemo(() => allowedMoves(view, actor), [view, actor]);
  const [selected, setSelected] = useState<CaseMoveType | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A move that the case no longer allows (someone acted, or this move went through) closes its form.
  const active = selected !== null && allowed.includes(selected) ? selected : null;
  const legs = useMemo(() => (active ? eligibleLegs(view, actor, active) : []), [view, actor, active]);

  const submit = async (values: MoveValues) => {
    if (!active) return;
    const move = buildMove(active, values, view);
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
              setError(null);
            }}
          >
            {moveLabel(type, language)}
          </Button>
        ))}
      </Space>
      {active ? (
        <Form<MoveValues>
          key={`${view.id}:${active}`}
          form={form}
          layout="vertical"
          className="move-form"
          data-testid={`move-form-${active}`}
          initialValues={initialValues(active, view, legs)}
          onFinish={(values) => void submit(values)}
          requiredMark={false}
        >
          <MoveFields type={active} view={view} actor={actor} units={units} orgUnits={orgUnits} legs={legs} />
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

interface MoveFieldsProps {
  type: CaseMoveType;
  view: CaseView;
  actor: CaseActor;
  units: UnitIndex;
  orgUnits: readonly OrgUnit[];
  legs: readonly CaseLeg[];
}

function MoveFields({ type, view, actor, units, orgUnits, legs }: MoveFieldsProps) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const reason = (
    <Form.Item name="reason" label={t('dispatch:form.reason')} rules={required(t('dispatch:form.reasonRequired'))}>
      <Input.TextArea rows={2} maxLength={500} showCount data-testid="move-reason" />
    </Form.Item>
  );
  const note = (label = t('dispatch:form.note')) => (
    <Form.Item name="note" label={label}>
      <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
    </Form.Item>
  );
  const decision = (
    <Form.Item name="decision" label={t('dispatch:form.decision')}>
      <Radio.Group optionType="button" data-testid="move-decision">
        <Radio value="approve">{t('dispatch:form.approve')}</Radio>
        <Radio value="reject">{t('dispatch:form.reject')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
  const photoRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const { rejected } = parsePhotoUrls(value ?? '');
      if (rejected.length > 0) throw new Error(t('dispatch:form.photosInvalid', { urls: rejected.join(' ') }));
      if (parsePhotoUrls(value ?? '').urls.length > 9) throw new Error(t('dispatch:form.photosTooMany'));
    },
  };
  const resultFields = (
    <>
      <Form.Item name="result" label={t('dispatch:form.result')} rules={required(t('dispatch:form.resultRequired'))}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="move-result" />
      </Form.Item>
      <Form.Item
        name="photos"
        label={t('dispatch:form.photos')}
        extra={t('dispatch:form.photosHint')}
        rules={[photoRule]}
      >
        <Input.TextArea rows={2} data-testid="move-photos" />
      </Form.Item>
    </>
  );
  const legPicker =
    isLegMove(type) && legs.length > 0 ? (
      <Form.Item name="legId" label={t('dispatch:form.leg')} rules={[{ required: true }]} hidden={legs.length === 1}>
        <Select
          data-testid="move-leg"
          options={legs.map((leg) => ({ value: leg.id, label: legName(leg, units, language, t) }))}
        />
      </Form.Item>
    ) : null;
  const singleLeg =
    isLegMove(type) && legs.length === 1 ? (
      <Typography.Paragraph type="secondary" className="move-leg-single">
        {t('dispatch:form.leg')}：{legName(legs[0]!, units, language, t)}
      </Typography.Paragraph>
    ) : null;

  switch (type) {
    case 'request_verification':
      return note();
    case 'file':
      return (
        <>
          <Form.Item name="grade" label={t('dispatch:form.grade')}>
            <Radio.Group optionType="button" data-testid="move-grade">
              {CASE_GRADES.map((grade) => (
                <Radio key={grade} value={grade}>
                  {gradeLabel(grade, language)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="category"
            label={t('dispatch:form.category')}
            rules={[{ required: true, type: 'array', len: 2 }]}
          >
            <Cascader options={categoryOptions(language)} showSearch allowClear={false} data-testid="move-category" />
          </Form.Item>
          {note()}
        </>
      );
    case 'void':
    case 'escalate':
    case 'request_ledger':
      return reason;
    case 'merge':
      return (
        <>
          <Form.Item
            name="intoCaseNo"
            label={t('dispatch:form.mergeInto')}
            rules={[
              ...required(t('dispatch:form.mergeIntoRequired')),
              { pattern: /^\s*[A-Za-z0-9-]{1,64}\s*$/, message: t('dispatch:form.mergeIntoInvalid') },
              {
                validator: async (_: unknown, value: string | undefined) => {
                  if (value && caseIdOfNumber(value) === view.id) throw new Error(t('dispatch:form.mergeIntoSelf'));
                },
              },
            ]}
          >
            <Input placeholder={t('dispatch:form.mergeIntoPlaceholder')} data-testid="move-merge-into" />
          </Form.Item>
          {note()}
        </>
      );
    case 'handle_on_spot':
      return resultFields;
    case 'dispatch':
      return <DispatchFields view={view} actor={actor} units={units} orgUnits={orgUnits} />;
    case 'sign':
      return (
        <>
          {legPicker}
          {singleLeg}
        </>
      );
    case 'return':
      return (
        <>
          {legPicker}
          {singleLeg}
          {reason}
        </>
      );
    case 'request_extension':
      return (
        <>
          {legPicker}
          {singleLeg}
          <Form.Item
            name="hours"
            label={t('dispatch:form.hours')}
            rules={[{ required: true, type: 'integer', min: 1, max: 720 }]}
          >
            <InputNumber min={1} max={720} precision={0} data-testid="move-hours" />
          </Form.Item>
          {reason}
        </>
      );
    case 'decide_extension':
      return (
        <>
          {legPicker}
          {singleLeg}
          <PendingRequest view={view} kind="extension" />
          {decision}
          {note()}
        </>
      );
    case 'decide_ledger':
      return (
        <>
          <PendingRequest view={view} kind="ledger" />
          {decision}
          {note()}
        </>
      );
    case 'feedback':
      return (
        <>
          {legPicker}
          {singleLeg}
          {resultFields}
        </>
      );
    case 'check':
      return (
        <>
          <Form.Item name="outcome" label={t('dispatch:form.outcome')}>
            <Radio.Group optionType="button" data-testid="move-outcome">
              <Radio value="pass" data-testid="move-outcome-pass">
                {t('dispatch:form.pass')}
              </Radio>
              <Radio value="fail" data-testid="move-outcome-fail">
                {t('dispatch:form.fail')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={t('dispatch:form.checkNote')}
            dependencies={['outcome']}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('outcome') === 'fail',
                whitespace: true,
                message: t('dispatch:form.checkNoteRequired'),
              }),
            ]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
          </Form.Item>
        </>
      );
    case 'evaluate':
      return (
        <>
          <Form.Item
            name="rating"
            label={t('dispatch:form.rating')}
            rules={[{ required: true, type: 'integer', min: 1, max: 5 }]}
          >
            <Rate allowClear={false} data-testid="move-rating" />
          </Form.Item>
          <Form.Item name="comment" label={t('dispatch:form.comment')}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="move-comment" />
          </Form.Item>
        </>
      );
    case 'takeover':
      return (
        <Form.Item name="reason" label={t('dispatch:form.reasonOptional')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="move-reason" />
        </Form.Item>
      );
    case 'supervise':
      return (
        <>
          {legPicker}
          {singleLeg}
          {note(t('dispatch:form.superviseNote'))}
        </>
      );
  }
}

/** The pending extension or ledger request being decided on, so the approver sees what was asked. */
function PendingRequest({ view, kind }: { view: CaseView; kind: 'extension' | 'ledger' }) {
  const { t } = useTranslation(['dispatch']);
  const legId = Form.useWatch<string | undefined>('legId');
  const pause = pendingPause(view, kind, kind === 'extension' ? legId : undefined);
  if (!pause) return null;
  return (
    <Alert
      type="info"
      className="move-pending"
      title={
        kind === 'extension'
          ? t('dispatch:form.pendingExtension', { hours: pause.hours ?? 0, reason: pause.reason })
          : t('dispatch:form.pendingLedger', { reason: pause.reason })
      }
    />
  );
}

function DispatchFields({ view, actor, units, orgUnits }: Omit<MoveFieldsProps, 'type' | 'legs'>) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  // The preview moves with the clock, a minute at a time.
  const now = useTicking((ms) => Math.floor(ms / 60_000) * 60_000);
  const lead = Form.useWatch<string | undefined>('lead');
  const targets = useMemo(() => dispatchTargets(view, actor, orgUnits), [view, actor, orgUnits]);
  const group = (kind: 'org' | 'department', exclude?: string) =>
    targets
      .filter((target) => target.kind === kind && target.code !== exclude)
      .map((target) => ({ value: target.code, label: unitLabel(target.code, units, language, true) }));
  const options = (exclude?: string) =>
    [
      { label: t('dispatch:form.orgUnits'), options: group('org', exclude) },
      { label: t('dispatch:form.departments'), options: group('department', exclude) },
    ].filter((g) => g.options.length > 0);
  const ref = referenceData();
  const preview = legDeadline({
    table: ref.deadlines,
    categoryCode: view.categoryCode,
    grade: view.grade,
    dispatchedAt: now,
    calendar: ref.calendar,
  });
  return (
    <>
      <Form.Item
        name="lead"
        label={t('dispatch:form.lead')}
        rules={[{ required: true, message: t('dispatch:form.leadRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options()}
          data-testid="move-lead"
          placeholder={t('dispatch:form.leadPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="assists" label={t('dispatch:form.assists')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options(lead)}
          data-testid="move-assists"
          placeholder={t('dispatch:form.assistsPlaceholder')}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="move-deadline-preview">
        {t('dispatch:form.deadlinePreview', {
          limit: t(`dispatch:limit.${preview.limit.unit}`, { amount: preview.limit.amount }),
          due: formatDateTime(preview.dueAt, language),
        })}
      </Typography.Paragraph>
      <Form.Item name="note" label={t('dispatch:form.note')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
      </Form.Item>
    </>
  );
}
