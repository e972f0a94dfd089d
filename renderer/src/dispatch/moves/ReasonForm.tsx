/** 作废 / 上报上级 / 申请挂账: moves on the whole case that need only a reason. */
import { ReasonField, text, type MoveForm } from './fields.js';

export const voidForm: MoveForm<'void'> = {
  Fields: ReasonField,
  build: (v) => ({ type: 'void', reason: text(v.reason) }),
};

export const escalateForm: MoveForm<'escalate'> = {
  Fields: ReasonField,
  build: (v) => ({ type: 'escalate', reason: text(v.reason) }),
};

export const requestLedgerForm: MoveForm<'request_ledger'> = {
  Fields: ReasonField,
  build: (v) => ({ type: 'request_ledger', reason: text(v.reason) }),
};
