/** 审批延期 / 审批挂账: decide on a pending request, seeing what was asked. */
import {
  DecisionField,
  LegField,
  NoteField,
  PendingRequest,
  trimmed,
  type MoveForm,
  type MoveFormProps,
} from './fields.js';

function DecideExtensionFields({ view, legs, units }: MoveFormProps) {
  return (
    <>
      <LegField legs={legs} units={units} />
      <PendingRequest view={view} kind="extension" />
      <DecisionField />
      <NoteField />
    </>
  );
}

function DecideLedgerFields({ view }: MoveFormProps) {
  return (
    <>
      <PendingRequest view={view} kind="ledger" />
      <DecisionField />
      <NoteField />
    </>
  );
}

export const decideExtensionForm: MoveForm<'decide_extension'> = {
  Fields: DecideExtensionFields,
  // Approving without a date: the hub sets the new deadline from the hours that were asked for.
  build: (v) => ({
    type: 'decide_extension',
    legId: v.legId ?? '',
    decision: v.decision ?? 'approve',
    note: trimmed(v.note),
  }),
};

export const decideLedgerForm: MoveForm<'decide_ledger'> = {
  Fields: DecideLedgerFields,
  build: (v) => ({ type: 'decide_ledger', decision: v.decision ?? 'approve', note: trimmed(v.note) }),
};
