/** 回退: send a leg back, saying why. */
import { LegField, ReasonField, text, type MoveForm, type MoveFormProps } from './fields.js';

function ReturnFields({ legs, units }: MoveFormProps) {
  return (
    <>
      <LegField legs={legs} units={units} />
      <ReasonField />
    </>
  );
}

export const returnForm: MoveForm<'return'> = {
  Fields: ReturnFields,
  build: (v) => ({ type: 'return', legId: v.legId ?? '', reason: text(v.reason) }),
};
