/** 现场处置: the grid worker handled it on the spot — the result and photos. */
import { photosOf, ResultFields, text, type MoveForm } from './fields.js';

export const handleOnSpotForm: MoveForm<'handle_on_spot'> = {
  Fields: ResultFields,
  build: (v) => ({ type: 'handle_on_spot', result: text(v.result), photos: photosOf(v) }),
};
