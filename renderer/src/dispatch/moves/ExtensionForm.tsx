/** 申请延期: ask for more hours on a leg. */
import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { LegField, ReasonField, text, type MoveForm, type MoveFormProps } from './fields.js';

function ExtensionFields({ legs, units }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
  return (
    <>
      <LegField legs={legs} units={units} />
      <Form.Item
        name="hours"
        label={t('dispatch:form.hours')}
        rules={[{ required: true, type: 'integer', min: 1, max: 720 }]}
      >
        <InputNumber min={1} max={720} precision={0} data-testid="move-hours" />
      </Form.Item>
      <ReasonField />
    </>
  );
}

export const extensionForm: MoveForm<'request_extension'> = {
  Fields: ExtensionFields,
  build: (v) => ({ type: 'request_extension', legId: v.legId ?? '', hours: v.hours ?? 0, reason: text(v.reason) }),
};
