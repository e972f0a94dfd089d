/** 接管: the county takes the case over; the reason is optional. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { trimmed, type MoveForm } from './fields.js';

function TakeoverFields() {
  const { t } = useTranslation(['dispatch']);
  return (
    <Form.Item name="reason" label={t('dispatch:form.reasonOptional')}>
      <Input.TextArea rows={2} maxLength={500} data-testid="move-reason" />
    </Form.Item>
  );
}

export const takeoverForm: MoveForm<'takeover'> = {
  Fields: TakeoverFields,
  build: (v) => ({ type: 'takeover', reason: trimmed(v.reason) }),
};
