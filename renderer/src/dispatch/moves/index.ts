/**
 * One form per move kind of the case machine (common/case-machine.ts, common/case-moves.ts), chosen from this table.
 * It is keyed by every CaseMoveType, so a new move kind fails the type check until it has a form here.
 */
import type { CaseMoveType } from '../../../../common/cases.js';
import { callbackForm } from './CallbackForm.js';
import { checkForm } from './CheckForm.js';
import { decideExtensionForm, decideLedgerForm } from './DecideForms.js';
import { dispatchForm } from './DispatchForm.js';
import { evaluateForm } from './EvaluateForm.js';
import { extensionForm } from './ExtensionForm.js';
import { feedbackForm } from './FeedbackForm.js';
import type { MoveForm } from './fields.js';
import { fileForm } from './FileForm.js';
import { handleOnSpotForm } from './HandleOnSpotForm.js';
import { mergeForm } from './MergeForm.js';
import { escalateForm, requestLedgerForm, voidForm } from './ReasonForm.js';
import { requestVerificationForm } from './RequestVerificationForm.js';
import { returnForm } from './ReturnForm.js';
import { signForm } from './SignForm.js';
import { superviseForm } from './SuperviseForm.js';
import { takeoverForm } from './TakeoverForm.js';

export const MOVE_FORMS: { readonly [K in CaseMoveType]: MoveForm<K> } = {
  request_verification: requestVerificationForm,
  file: fileForm,
  void: voidForm,
  escalate: escalateForm,
  request_ledger: requestLedgerForm,
  merge: mergeForm,
  handle_on_spot: handleOnSpotForm,
  dispatch: dispatchForm,
  sign: signForm,
  return: returnForm,
  request_extension: extensionForm,
  decide_extension: decideExtensionForm,
  decide_ledger: decideLedgerForm,
  feedback: feedbackForm,
  check: checkForm,
  evaluate: evaluateForm,
  takeover: takeoverForm,
  supervise: superviseForm,
  callback: callbackForm,
};

/** The form of one move kind, for a caller holding any kind. */
export function moveForm(type: CaseMoveType): MoveForm<CaseMoveType> {
  return MOVE_FORMS[type] as MoveForm<CaseMoveType>;
}

export type { MoveValues } from './fields.js';
