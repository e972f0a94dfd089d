/** 现场处置: the grid worker handled it on the spot — the result and photos. */
import { DisputeOutcomeFields, disputeOutcomeOf } from './DisputeOutcomeFields.js';
import { photosOf, ResultFields, text, type MoveForm, type MoveFormProps } from './fields.js';

function HandleOnSpotFields({ view }: MoveFormProps) {
  return (
    <>
      <ResultFields />
      <DisputeOutcomeFields view={view} />
    </>
  );
}

export const handleOnSpotForm: MoveForm<'handle_on_spot'> = {
  Fields: HandleOnSpotFields,
  build: (v) => ({ type: 'handle_on_spot', result: text(v.result), photos: photosOf(v), ...disputeOutcomeOf(v) }),
};
