/** 评价: rate the handling, 1–5, with an optional comment. */
import { Form, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { trimmed, type MoveForm } from './fields.js';

function EvaluateFields() {
  const { t } = useTranslation(['dispatch']);
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
}

export const evaluateForm: MoveForm<'evaluate'> = {
  Fields: EvaluateFields,
  build: (v) => ({ type: 'evaluate', rating: v.rating ?? 5, comment: trimmed(v.comment) }),
};
