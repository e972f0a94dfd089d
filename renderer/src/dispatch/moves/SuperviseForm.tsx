/** 督办: press a leg's unit, with the supervisor's remarks. */
import { useTranslation } from 'react-i18next';
import { LegField, NoteField, trimmed, type MoveForm, type MoveFormProps } from './fields.js';

function SuperviseFields({ legs, units }: MoveFormProps) {
  const { t } = useTranslation(['dispatch']);
  return (
    <>
      <LegField legs={legs} units={units} />
      <NoteField label={t('dispatch:form.superviseNote')} />
    </>
  );
}

export const superviseForm: MoveForm<'supervise'> = {
  Fields: SuperviseFields,
  build: (v) => ({ type: 'supervise', legId: v.legId ?? '', note: trimmed(v.note) }),
};
