/** 立案: file the report, correcting its grade and category if need be. */
import { Cascader, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_GRADES } from '../../../../common/cases.js';
import { majorCodeOf } from '../../../../common/taxonomy.js';
import { useLanguage } from '../../i18n/use-language.js';
import { gradeLabel } from '../../base/labels.js';
import { categoryOptions } from '../../base/taxonomy-options.js';
import { NoteField, trimmed, type MoveForm, type MoveFormProps } from './fields.js';

function FileFields({ view }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
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
        <Cascader
          options={categoryOptions(language, view.refVersion)}
          showSearch
          allowClear={false}
          data-testid="move-category"
        />
      </Form.Item>
      <NoteField />
    </>
  );
}

export const fileForm: MoveForm<'file'> = {
  Fields: FileFields,
  build: (v, view) => {
    const categoryCode = v.category?.[1];
    return {
      type: 'file',
      ...(v.grade && v.grade !== view.grade ? { grade: v.grade } : {}),
      ...(categoryCode && categoryCode !== view.categoryCode ? { categoryCode } : {}),
      note: trimmed(v.note),
    };
  },
  initial: (view) => ({ grade: view.grade, category: [majorCodeOf(view.categoryCode), view.categoryCode] }),
};
