/** 处置反馈: report what the leg's unit did, with photos. */
import { DisputeOutcomeFields, disputeOutcomeOf } from './DisputeOutcomeFields.js';
import { LegField, photosOf, ResultFields, text, type MoveForm, type MoveFormProps } from './fields.js';

function FeedbackFields({ legs, units, view }: MoveFormProps) {
  return (
    <>
      <LegField legs={legs} units={units} />
      <ResultFields />
      {/* The lead settles the dispute; an assisting unit has no outcome to give. */}
      {legs.some((leg) => leg.role === 'lead') ? <DisputeOutcomeFields view={view} /> : null}
    </>
  );
}

export const feedbackForm: MoveForm<'feedback'> = {
  Fields: FeedbackFields,
  build: (v, view) => ({
    type: 'feedback',
    legId: v.legId ?? '',
    result: text(v.result),
    photos: photosOf(v),
    ...(view.legs.find((leg) => leg.id === v.legId)?.role === 'lead' ? disputeOutcomeOf(v) : {}),
  }),
};
