/** 签收: sign for a leg. */
import { LegField, type MoveForm } from './fields.js';

export const signForm: MoveForm<'sign'> = {
  Fields: LegField,
  build: (v) => ({ type: 'sign', legId: v.legId ?? '' }),
};
