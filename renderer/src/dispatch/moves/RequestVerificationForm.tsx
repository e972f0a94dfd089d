/** 请求核实: ask the grid worker to verify a report, with an optional note. */
import { NoteField, trimmed, type MoveForm } from './fields.js';

export const requestVerificationForm: MoveForm<'request_verification'> = {
  Fields: () => <NoteField />,
  build: (v) => ({ type: 'request_verification', note: trimmed(v.note) }),
};
