/** 核查: pass (close) or fail (rework) — a failure must say why. */
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { callbackStanding } from '../../../../common/cases/callback.js';
import { currentLeadLeg } from '../../../../common/cases.js';
import { deskLimits } from '../../base/desk-limits.js';
import { DisputeOutcomeFields, disputeOutcomeOf } from './DisputeOutcomeFields.js';
import { trimmed, type MoveForm, type MoveFormProps } from './fields.js';

function CheckFields({ view }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
  // A public/hotline case closes only after its call-back (the hub refuses otherwise): say so before the click.
  const tries = deskLimits().callback.tries;
  const standing = callbackStanding(view, currentLeadLeg(view)?.feedback?.at ?? 0, tries);
  return (
    <>
      {standing === 'missing' ? (
        <Alert
          type="warning"
          showIcon
          className="move-hint"
          data-testid="move-callback-needed"
          title={t('dispatch:form.callbackNeeded', { tries })}
        />
      ) : null}
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
      {/* Closing a dispute records (or corrects) how it ended; a rework has no outcome yet. */}
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) => (getFieldValue('outcome') === 'pass' ? <DisputeOutcomeFields view={view} /> : null)}
      </Form.Item>
    </>
  );
}

export const checkForm: MoveForm<'check'> = {
  Fields: CheckFields,
  build: (v) => ({
    type: 'check',
    outcome: v.outcome ?? 'pass',
    note: trimmed(v.note),
    ...(v.outcome === 'fail' ? {} : disputeOutcomeOf(v)),
  }),
};
