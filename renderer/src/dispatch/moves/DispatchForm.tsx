/** 派遣: a lead unit and assisting units, with a live preview of the deadline the hub will set. */
import { Form, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { legDeadline } from '../../../../common/deadline-table.js';
import { departmentByCode } from '../../../../common/departments.js';
import { useLanguage } from '../../i18n/use-language.js';
import { useTicking } from '../../base/clock.js';
import { formatDateTime } from '../../base/format.js';
import { unitLabel } from '../../base/labels.js';
import { referenceForCase } from '../../base/reference.js';
import { dispatchTargets } from '../move-targets.js';
import { NoteField, trimmed, type MoveForm, type MoveFormProps } from './fields.js';

function DispatchFields({ view, actor, units, orgUnits }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
  const language = useLanguage();
  // The preview moves with the clock, a minute at a time.
  const now = useTicking((ms) => Math.floor(ms / 60_000) * 60_000);
  const lead = Form.useWatch<string | undefined>('lead');
  const targets = useMemo(() => dispatchTargets(view, actor, orgUnits), [view, actor, orgUnits]);
  const group = (kind: 'org' | 'department', exclude?: string) =>
    targets
      .filter((target) => target.kind === kind && target.code !== exclude)
      .map((target) => {
        const label = unitLabel(target.code, units, language, true);
        const department = departmentByCode(target.code);
        // A department is found by what officers call it (住建) as well as its full name (县住房和城乡建设局).
        const search = department ? `${label} ${department.short} ${department.zh} ${department.en}` : label;
        return { value: target.code, label, search };
      });
  const options = (exclude?: string) =>
    [
      { label: t('dispatch:form.orgUnits'), options: group('org', exclude) },
      { label: t('dispatch:form.departments'), options: group('department', exclude) },
    ].filter((g) => g.options.length > 0);
  // The limits of the version the case was filed under, exactly as the hub will compute them.
  const ref = referenceForCase(view);
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
          showSearch={{ optionFilterProp: 'search' }}
          options={options()}
          data-testid="move-lead"
          placeholder={t('dispatch:form.leadPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="assists" label={t('dispatch:form.assists')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'search' }}
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
        {preview.provisional ? ` ${t('dispatch:leg.dueProvisional')}` : ''}
      </Typography.Paragraph>
      <NoteField />
    </>
  );
}

export const dispatchForm: MoveForm<'dispatch'> = {
  Fields: DispatchFields,
  build: (v) => ({
    type: 'dispatch',
    lead: { unitCode: v.lead ?? '' },
    assists: (v.assists ?? []).map((unitCode) => ({ unitCode })),
    note: trimmed(v.note),
  }),
};
