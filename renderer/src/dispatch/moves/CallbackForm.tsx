/**
 * 回访: the centre called the reporter of a public/hotline case back — reached and satisfied, reached and not
 * satisfied (optionally sending the case back to the handling unit), or not reached — with a note.
 */
import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALLBACK_OUTCOMES } from '../../../../common/cases/callback.js';
import { trimmed, type MoveForm } from './fields.js';

function CallbackFields() {
  const { t } = useTranslation(['dispatch']);
  return (
    <>
      <Form.Item name="callbackOutcome" label={t('dispatch:form.callbackOutcome')}>
        <Radio.Group optionType="button" data-testid="move-callback-outcome">
          {CALLBACK_OUTCOMES.map((outcome) => (
            <Radio key={outcome} value={outcome} data-testid={`move-callback-${outcome}`}>
              {t(`dispatch:form.callback.${outcome}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item noStyle dependencies={['callbackOutcome']}>
        {({ getFieldValue }) =>
          getFieldValue('callbackOutcome') === 'unsatisfied' ? (
            <Form.Item name="reopen" valuePropName="checked">
              <Checkbox data-testid="move-callback-reopen">{t('dispatch:form.callbackReopen')}</Checkbox>
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="note" label={t('dispatch:form.callbackNote')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="move-note" />
      </Form.Item>
    </>
  );
}

export const callbackForm: MoveForm<'callback'> = {
  Fields: CallbackFields,
  initial: () => ({ callbackOutcome: 'satisfied', reopen: false }),
  build: (v) => {
    const outcome = v.callbackOutcome ?? 'satisfied';
    return { type: 'callback', outcome, note: trimmed(v.note), reopen: outcome === 'unsatisfied' && v.reopen === true };
  },
};
