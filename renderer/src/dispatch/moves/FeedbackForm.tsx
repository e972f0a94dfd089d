/** 处置反馈: report what the leg's unit did, with photos. */
import { LegField, photosOf, ResultFields, text, type MoveForm, type MoveFormProps } from './fields.js';

function FeedbackFields({ legs, units }: MoveFormProps) {
  return (
    <>
      <LegField legs={legs} units={units} />
      <ResultFields />
    </>
  );
}

export const feedbackForm: MoveForm<'feedback'> = {
  Fields: FeedbackFields,
  build: (v) => ({ type: 'feedback', legId: v.legId ?? '', result: text(v.result), photos: photosOf(v) }),
};
