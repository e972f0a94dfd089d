/**
 * What each accepted move changes in a snapshot. Only called by applyMove (case-machine.ts) after the gates in
 * case-rules.ts have passed, so these functions check payload details only (deadlines in the future, units
 * distinct, a reason given on a failed check …).
 */
import { actsForOwner, mayDispatchTo, refusal, type CaseActor, type Refusal } from './case-rules.js';
import type { CaseMove, MoveOf } from './case-moves.js';
import { backToFiled, endPauses, legsAtClose, levelOf, newLeg, updateLeg, withdrawActive } from './case-leg-ops.js';
import { currentLeadLeg, type CaseLeg, type CasePause, type CaseSnapshot, type HistoryNoteCode } from './cases.js';
import { callbackStanding, type CaseCallback } from './cases/callback.js';
import { DEFAULT_CALLBACK_TRIES } from './desk-limits.js';
import { isDisputeCategory } from './dispute-outcomes.js';
import { parentCode } from './org.js';

/** The thresholds a move is judged by that live in resources/desk-limits.json (the hub passes its loaded file). */
export interface MoveLimits {
  readonly callbackTries: number;
}
export const DEFAULT_MOVE_LIMITS: MoveLimits = { callbackTries: DEFAULT_CALLBACK_TRIES };

/** What a move changed, before the version bump and the history row are added. */
export interface Effect {
  next: CaseSnapshot;
  legId?: string;
  unitCode?: string;
  note?: string;
  /** A note the hub words itself (see HISTORY_NOTE_CODES): the console shows it in the viewer's language. */
  noteCode?: HistoryNoteCode;
  noteParams?: Record<string, string>;
}

function dispatch(s: CaseSnapshot, m: MoveOf<'dispatch'>, a: CaseActor, now: number): Effect | Refusal {
  const assignments = [m.lead, ...m.assists];
  const units = assignments.map((x) => x.unitCode);
  if (new Set(units).size !== units.length) {
    return refusal('validation_failed', 'each unit may receive only one leg');
  }
  const outside = units.find((unit) => !mayDispatchTo(a, unit));
  if (outside !== undefined) return refusal('forbidden', `you may not dispatch to ${outside}`);
  if (assignments.some((x) => x.dueAt <= now)) {
    return refusal('validation_failed', 'each deadline must lie in the future');
  }
  const legs = assignments.map((x, i) => newLeg(s, i, i === 0 ? 'lead' : 'assist', x.unitCode, now, x));
  return {
    next: {
      ...s,
      status: 'dispatched',
      legs: [...withdrawActive(s.legs), ...legs],
      dispatchedAt: now,
      dueAt: m.lead.dueAt,
      ownerUnitCode: a.orgUnitCode,
      handlingLevel: levelOf(a.orgUnitCode),
    },
    legId: legs[0]?.id,
    unitCode: m.lead.unitCode,
    note: m.note,
  };
}

/** The lead leg back to work after its feedback was not accepted (failed check, unsatisfied call-back). */
function backToLead(s: CaseSnapshot, lead: CaseLeg, reworkDueAt?: number): CaseSnapshot {
  const legs = updateLeg(s.legs, lead.id, ({ feedback: _feedback, ...rest }) => ({
    ...rest,
    status: 'signed',
    ...(reworkDueAt !== undefined ? { dueAt: reworkDueAt } : {}),
  }));
  const dueAt = reworkDueAt ?? s.dueAt;
  return {
    ...s,
    status: 'in_progress',
    reworkCount: s.reworkCount + 1,
    legs,
    ...(dueAt !== undefined ? { dueAt } : {}),
  };
}

function check(s: CaseSnapshot, m: MoveOf<'check'>, a: CaseActor, now: number, limits: MoveLimits): Effect | Refusal {
  const lead = currentLeadLeg(s);
  if (!lead || lead.status !== 'feedback') return refusal('invalid_transition', 'the lead has not fed back');
  if (m.outcome === 'pass') {
    if (!actsForOwner(s, a, 'case.close')) return refusal('forbidden', 'you may not close this case');
    // A public/hotline case closes only once its reporter was called back after this feedback (or could not be
    // reached after the configured number of tries).
    if (callbackStanding(s, lead.feedback?.at ?? 0, limits.callbackTries) === 'missing') {
      return refusal('invalid_transition', 'call the reporter back before closing', 'outcome');
    }
    // The lead's passed check closes the case; every leg ends with it (legsAtClose).
    const legs = legsAtClose(s.legs, lead.id, now);
    return {
      // Pending requests (an assist's extension) lapse: nothing is left to extend.
      next: { ...s, status: 'closed', closedAt: now, legs, pauses: endPauses(s.pauses, now, () => true) },
      legId: lead.id,
      unitCode: lead.unitCode,
      note: m.note,
    };
  }
  if (!m.note) return refusal('validation_failed', 'say why the check failed', 'note');
  if (m.reworkDueAt !== undefined && m.reworkDueAt <= now) {
    return refusal('validation_failed', 'the rework deadline must lie in the future');
  }
  // Rework keeps the old deadline unless the checker sets a new one (a matter handled on the spot had none).
  return { next: backToLead(s, lead, m.reworkDueAt), legId: lead.id, unitCode: lead.unitCode, note: m.note };
}

/** 回访: one attempt recorded; an unsatisfied one may send the case back to the lead unit (counted as rework). */
function callback(s: CaseSnapshot, m: MoveOf<'callback'>, a: CaseActor, now: number): Effect | Refusal {
  const lead = currentLeadLeg(s);
  if (!lead || lead.status !== 'feedback') return refusal('invalid_transition', 'the lead has not fed back');
  if (m.reopen && m.outcome !== 'unsatisfied') {
    return refusal('validation_failed', 'only an unsatisfied call-back reopens the case', 'reopen');
  }
  const record: CaseCallback = {
    at: now,
    byUserId: a.userId,
    outcome: m.outcome,
    ...(m.note ? { note: m.note } : {}),
    ...(m.reopen ? { reopened: true as const } : {}),
  };
  const recorded = { ...s, callbacks: [...(s.callbacks ?? []), record] };
  return {
    next: m.reopen ? backToLead(recorded, lead) : recorded,
    legId: lead.id,
    unitCode: lead.unitCode,
    note: m.note,
    noteCode: m.reopen ? 'callback_reopened' : `callback_${m.outcome}`,
  };
}

export function transition(
  s: CaseSnapshot,
  m: CaseMove,
  a: CaseActor,
  now: number,
  leg: CaseLeg | undefined,
  limits: MoveLimits = DEFAULT_MOVE_LIMITS,
): Effect | Refusal {
  const effect = moveEffect(s, m, a, now, leg, limits);
  if ('code' in effect || !('disputeOutcome' in m) || m.disputeOutcome === undefined) return effect;
  return withDisputeOutcome(effect, m, leg, now);
}

/**
 * Records how a dispute ended (common/dispute-outcomes.ts) on the move that carries it: only on a 矛盾纠纷 case, only
 * by the lead (an assisting unit does not settle the dispute) and only on a check that closes the case.
 */
function withDisputeOutcome(
  effect: Effect,
  m: MoveOf<'feedback' | 'handle_on_spot' | 'check'>,
  leg: CaseLeg | undefined,
  now: number,
): Effect | Refusal {
  const outcome = m.disputeOutcome!;
  if (!isDisputeCategory(effect.next.categoryCode)) {
    return refusal('validation_failed', 'only a dispute (矛盾纠纷) has an outcome', 'disputeOutcome');
  }
  if ((m.type === 'feedback' && leg?.role !== 'lead') || (m.type === 'check' && m.outcome !== 'pass')) {
    return refusal(
      'validation_failed',
      'the outcome is recorded by the lead or when the case closes',
      'disputeOutcome',
    );
  }
  return { ...effect, next: { ...effect.next, disputeOutcome: { ...outcome, at: now } } };
}

function moveEffect(
  s: CaseSnapshot,
  m: CaseMove,
  a: CaseActor,
  now: number,
  leg: CaseLeg | undefined,
  limits: MoveLimits,
): Effect | Refusal {
  const isLead = leg?.role === 'lead';
  switch (m.type) {
    case 'request_verification':
      return { next: { ...s, status: 'verifying' }, note: m.note };
    case 'file':
      return {
        next: {
          ...s,
          status: 'filed',
          filedAt: now,
          ownerUnitCode: a.orgUnitCode,
          handlingLevel: levelOf(a.orgUnitCode),
          grade: m.grade ?? s.grade,
          categoryCode: m.categoryCode ?? s.categoryCode,
        },
        unitCode: a.orgUnitCode,
        note: m.note,
      };
    case 'void':
      return { next: { ...s, status: 'void' }, note: m.reason };
    case 'merge':
      if (m.intoCaseId === s.id) return refusal('validation_failed', 'a case cannot be merged into itself');
      return {
        next: { ...s, status: 'merged', mergedInto: m.intoCaseId },
        note: m.note,
        noteCode: 'merged_into',
        noteParams: { caseId: m.intoCaseId },
      };
    case 'handle_on_spot': {
      // Recorded as a lead leg of the grid, already fed back and without a deadline, so the check and any rework
      // work like any other case.
      const spotLeg: CaseLeg = {
        ...newLeg(s, 0, 'lead', s.gridCode, now),
        status: 'feedback',
        signedAt: now,
        feedback: { result: m.result, photos: m.photos, at: now },
      };
      return {
        next: { ...s, status: 'checking', filedAt: s.filedAt ?? now, legs: [...s.legs, spotLeg] },
        legId: spotLeg.id,
        unitCode: s.gridCode,
        note: m.result,
      };
    }
    case 'dispatch':
      return dispatch(s, m, a, now);
    case 'sign': {
      const legs = updateLeg(s.legs, m.legId, (l) => ({ ...l, status: 'signed', signedAt: now }));
      return {
        next: { ...s, legs, status: isLead ? 'in_progress' : s.status },
        legId: m.legId,
        unitCode: leg?.unitCode,
      };
    }
    case 'return': {
      const returned = {
        ...s,
        legs: updateLeg(s.legs, m.legId, (l) => ({ ...l, status: 'returned', returnReason: m.reason })),
      };
      const next = isLead
        ? backToFiled(returned, now, s.ownerUnitCode)
        : { ...returned, pauses: endPauses(s.pauses, now, (p) => p.legId === m.legId) };
      return { next, legId: m.legId, unitCode: leg?.unitCode, note: m.reason };
    }
    case 'request_extension': {
      const pause: CasePause = {
        kind: 'extension',
        legId: m.legId,
        state: 'pending',
        from: now,
        reason: m.reason,
        hours: m.hours,
      };
      return {
        next: { ...s, pauses: [...s.pauses, pause] },
        legId: m.legId,
        unitCode: leg?.unitCode,
        note: `${m.hours}h: ${m.reason}`,
      };
    }
    case 'decide_extension': {
      const approve = m.decision === 'approve';
      if (approve && (m.dueAt === undefined || m.dueAt <= (leg?.dueAt ?? 0) || m.dueAt <= now)) {
        return refusal('validation_failed', 'approving needs a new deadline after the old one', 'dueAt');
      }
      const pauses = s.pauses.map((p) =>
        p.kind === 'extension' && p.legId === m.legId && p.state === 'pending'
          ? { ...p, to: now, state: approve ? ('approved' as const) : ('rejected' as const) }
          : p,
      );
      const dueAt = approve ? m.dueAt : undefined;
      const legs =
        dueAt === undefined
          ? s.legs
          : updateLeg(s.legs, m.legId, ({ dueProvisional: _old, ...l }) => ({
              ...l,
              dueAt,
              ...(m.dueProvisional ? { dueProvisional: true as const } : {}),
            }));
      const next = { ...s, pauses, legs, ...(isLead && dueAt !== undefined ? { dueAt } : {}) };
      return { next, legId: m.legId, unitCode: leg?.unitCode, note: m.note ?? m.decision };
    }
    case 'request_ledger': {
      const lead = currentLeadLeg(s);
      if (!lead) return refusal('invalid_transition', 'the case has no lead');
      const pause: CasePause = { kind: 'ledger', legId: lead.id, state: 'pending', from: now, reason: m.reason };
      return { next: { ...s, pauses: [...s.pauses, pause] }, legId: lead.id, unitCode: lead.unitCode, note: m.reason };
    }
    case 'decide_ledger': {
      // Approved: the ledger keeps the clock stopped until the lead feeds back. Rejected: the clock runs again.
      const pauses = s.pauses.map((p) =>
        p.kind === 'ledger' && p.state === 'pending'
          ? m.decision === 'approve'
            ? { ...p, state: 'approved' as const }
            : { ...p, state: 'rejected' as const, to: now }
          : p,
      );
      return { next: { ...s, pauses }, note: m.note ?? m.decision };
    }
    case 'escalate': {
      const above = parentCode(s.ownerUnitCode);
      if (above === null) return refusal('invalid_transition', 'there is no level above');
      return { next: { ...backToFiled(s, now, above), raised: 'escalated' }, unitCode: above, note: m.reason };
    }
    case 'feedback': {
      const legs = updateLeg(s.legs, m.legId, (l) => ({
        ...l,
        status: 'feedback',
        feedback: { result: m.result, photos: m.photos, at: now },
      }));
      // Feeding back ends this leg's pending extension request and, for the lead, the ledger.
      const pauses = endPauses(s.pauses, now, (p) => p.legId === m.legId);
      return {
        next: { ...s, legs, pauses, status: isLead ? 'checking' : s.status },
        legId: m.legId,
        unitCode: leg?.unitCode,
        note: m.result,
      };
    }
    case 'check':
      return check(s, m, a, now, limits);
    case 'callback':
      return callback(s, m, a, now);
    case 'evaluate': {
      const rated = currentLeadLeg(s)?.unitCode ?? s.ownerUnitCode;
      const rating = {
        score: m.rating,
        byUnitCode: a.orgUnitCode,
        ratedUnitCode: rated,
        at: now,
        ...(m.comment ? { comment: m.comment } : {}),
      };
      return { next: { ...s, status: 'evaluated', rating }, unitCode: rated, note: m.comment };
    }
    case 'takeover':
      return {
        next: { ...s, ownerUnitCode: a.orgUnitCode, handlingLevel: levelOf(a.orgUnitCode), raised: 'taken_over' },
        unitCode: a.orgUnitCode,
        note: m.reason,
      };
    case 'supervise': {
      const unitCode = leg?.unitCode ?? s.ownerUnitCode;
      const supervision = { at: now, legId: m.legId, unitCode, automatic: m.automatic, byUserId: a.userId };
      return {
        next: {
          ...s,
          supervisions: [...s.supervisions, supervision],
          supervisionCount: s.supervisionCount + 1,
          supervisedAt: now,
        },
        legId: m.legId,
        unitCode,
        note: m.note,
        ...(m.automatic ? { noteCode: 'automatic_overdue' as const } : {}),
      };
    }
  }
}
