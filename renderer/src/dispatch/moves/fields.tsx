/** The pieces the move forms share: the form's values, the reason / note / decision / result fields, the leg picker. */
import type { TFunction } from 'i18next';
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMoveDraft, CaseView } from '../../../../common/case-api.js';
import type { CaseActor } from '../../../../common/case-machine.js';
import { pendingPause } from '../../../../common/case-rules.js';
import type { CaseGrade, CaseLeg, CaseMoveType } from '../../../../common/cases.js';
import type { OrgUnit } from '../../../../common/schemas.js';
import type { CallbackOutcome } from '../../../../common/cases/callback.js';
import type { Language } from '../../i18n/index.js';
import { useLanguage } from '../../i18n/use-language.js';
import { parsePhotoUrls } from '../../base/cases/board-model.js';
import { useBoardStore } from '../../base/cases/board-store.js';
import { unitLabel, type UnitIndex } from '../../base/labels.js';
import type { DisputeValues } from './DisputeOutcomeFields.js';

/** Everything any move form asks for; each form reads its own part. */
export interface MoveValues extends DisputeValues {
  legId?: string;
  reason?: string;
  note?: string;
  hours?: number;
  decision?: 'approve' | 'reject';
  result?: string;
  photos?: string;
  outcome?: 'pass' | 'fail';
  callbackOutcome?: CallbackOutcome;
  reopen?: boolean;
  rating?: number;
  comment?: string;
  grade?: CaseGrade;
  category?: string[];
  intoCaseNo?: string;
  lead?: string;
  assists?: string[];
}

export interface MoveFormProps {
  readonly view: CaseView;
  readonly actor: CaseActor;
  readonly units: UnitIndex;
  readonly orgUnits: readonly OrgUnit[];
  /** The legs this actor may make the move on (empty for a move on the whole case). */
  readonly legs: readonly CaseLeg[];
}

/** One move kind's form: its fields, the move they make, and what they start with beyond the common defaults. */
export interface MoveForm<K extends CaseMoveType> {
  readonly Fields: (props: MoveFormProps) => ReactNode;
  build(values: MoveValues, view: CaseView): Extract<CaseMoveDraft, { type: K }>;
  initial?(view: CaseView): MoveValues;
}

export const trimmed = (value: string | undefined) => {
  const text = value?.trim();
  return text ? text : undefined;
};

export const text = (value: string | undefined) => value?.trim() ?? '';

export const photosOf = (values: MoveValues) => parsePhotoUrls(values.photos ?? '').urls;

export const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The case id a typed case number names: the board knows the number of every case in scope. */
export function caseIdOfNumber(caseNo: string): string {
  const wanted = caseNo.trim();
  for (const c of useBoardStore.getState().board.cases.values()) if (c.caseNo === wanted) return c.id;
  return wanted;
}

export function legName(leg: CaseLeg, units: UnitIndex, language: Language, t: TFunction<['dispatch']>) {
  return `${t(`dispatch:leg.role.${leg.role}`)} · ${unitLabel(leg.unitCode, units, language)} · ${t(`dispatch:leg.status.${leg.status}`)}`;
}

export function ReasonField() {
  const { t } = useTranslation(['dispatch']);
  return (
    <Form.Item name="reason" label={t('dispatch:form.reason')} rules={required(t('dispatch:form.reasonRequired'))}>
      <Input.TextArea rows={2} maxLength={500} showCount data-testid="move-reason" />
    </Form.Item>
  );
}

export function NoteField({ label }: { label?: string }) {
  const { t } = useTranslation(['dispatch']);
  return (
    <Form.Item name="note" label={label ?? t('dispatch:form.note')}>
      <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
    </Form.Item>
  );
}

export function DecisionField() {
  const { t } = useTranslation(['dispatch']);
  return (
    <Form.Item name="decision" label={t('dispatch:form.decision')}>
      <Radio.Group optionType="button" data-testid="move-decision">
        <Radio value="approve">{t('dispatch:form.approve')}</Radio>
        <Radio value="reject">{t('dispatch:form.reject')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
}

/** What was done on the spot, and up to nine photo URLs. */
export function ResultFields() {
  const { t } = useTranslation(['dispatch']);
  const photoRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const { rejected, urls } = parsePhotoUrls(value ?? '');
      if (rejected.length > 0) throw new Error(t('dispatch:form.photosInvalid', { urls: rejected.join(' ') }));
      if (urls.length > 9) throw new Error(t('dispatch:form.photosTooMany'));
    },
  };
  return (
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
}

/** Which leg the move is on: a picker (hidden when there is one leg, which is then named instead). */
export function LegField({ legs, units }: Pick<MoveFormProps, 'legs' | 'units'>) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  if (legs.length === 0) return null;
  return (
    <>
      <Form.Item name="legId" label={t('dispatch:form.leg')} rules={[{ required: true }]} hidden={legs.length === 1}>
        <Select
          data-testid="move-leg"
          options={legs.map((leg) => ({ value: leg.id, label: legName(leg, units, language, t) }))}
        />
      </Form.Item>
      {legs.length === 1 ? (
        <Typography.Paragraph type="secondary" className="move-leg-single">
          {t('dispatch:form.leg')}：{legName(legs[0]!, units, language, t)}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

/** The pending extension or ledger request being decided on, so the approver sees what was asked. */
export function PendingRequest({ view, kind }: { view: CaseView; kind: 'extension' | 'ledger' }) {
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
