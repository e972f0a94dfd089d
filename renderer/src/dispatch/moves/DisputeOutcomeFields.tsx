/**
 * 纠纷化解结果: on a 矛盾纠纷 case, the feedback, on-the-spot and closing-check forms also say how the dispute ended
 * (common/dispute-outcomes.ts). Optional: left empty, nothing is recorded; the path narrows the outcomes that fit it
 * (a judicial confirmation confirms an agreement, a lawsuit ends in court), the hub checks the same rule.
 */
import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../common/case-api.js';
import {
  DISPUTE_PATHS,
  DISPUTE_RESULTS,
  isDisputeCategory,
  type DisputeOutcomeInput,
  type DisputePath,
  type DisputeResult,
} from '../../../../common/dispute-outcomes.js';

export interface DisputeValues {
  disputePath?: DisputePath;
  disputeResult?: DisputeResult;
}

const fits = (path: DisputePath | undefined, result: DisputeResult) =>
  path === 'judicial_confirmation'
    ? result === 'mediated'
    : path === 'litigation'
      ? result === 'failed_litigation'
      : true;

export function DisputeOutcomeFields({ view }: { view: CaseView }) {
  const { t } = useTranslation(['disputes']);
  if (!isDisputeCategory(view.categoryCode)) return null;
  return (
    <fieldset className="dispute-outcome" data-testid="dispute-outcome">
      <legend>{t('disputes:fieldset')}</legend>
      <Form.Item name="disputePath" label={t('disputes:path')}>
        <Select
          allowClear
          placeholder={t('disputes:pathPlaceholder')}
          data-testid="dispute-path"
          options={DISPUTE_PATHS.map((path) => ({ value: path, label: t(`disputes:paths.${path}`) }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['disputePath']}>
        {({ getFieldValue }) => {
          const path = getFieldValue('disputePath') as DisputePath | undefined;
          if (!path) return null;
          return (
            <Form.Item
              name="disputeResult"
              label={t('disputes:outcome')}
              rules={[
                { required: true, message: t('disputes:outcomeRequired') },
                { validator: (_r, v: DisputeResult) => (fits(path, v) ? Promise.resolve() : Promise.reject()) },
              ]}
            >
              <Radio.Group data-testid="dispute-result">
                {DISPUTE_RESULTS.filter((r) => fits(path, r)).map((r) => (
                  <Radio key={r} value={r} data-testid={`dispute-result-${r}`}>
                    {t(`disputes:outcomes.${r}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          );
        }}
      </Form.Item>
    </fieldset>
  );
}

/** The move's `disputeOutcome` part, when both halves were chosen. */
export function disputeOutcomeOf(v: DisputeValues): { disputeOutcome?: DisputeOutcomeInput } {
  return v.disputePath && v.disputeResult && fits(v.disputePath, v.disputeResult)
    ? { disputeOutcome: { path: v.disputePath, outcome: v.disputeResult } }
    : {};
}
