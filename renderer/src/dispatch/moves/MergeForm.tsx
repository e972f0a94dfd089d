/** 合并: merge a duplicate into the case whose number is typed. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseIdOfNumber, NoteField, required, trimmed, type MoveForm, type MoveFormProps } from './fields.js';

function MergeFields({ view }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
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
      <NoteField />
    </>
  );
}

export const mergeForm: MoveForm<'merge'> = {
  Fields: MergeFields,
  build: (v) => ({ type: 'merge', intoCaseId: caseIdOfNumber(v.intoCaseNo ?? ''), note: trimmed(v.note) }),
};
