/**
 * Who may make which move, from which status: the payload-independent half of the state machine. `allowedMoves`
 * and `applyMove` (case-machine.ts) both go through these gates, so the UI never shows a move the hub would refuse.
 *
 * Authority always comes from `canAct` (scope-policy.ts) against the case's grid or the leg's unit, plus one rule
 * about ownership:
 * - While a case is at intake (handlingLevel grid/village, no centre owns it yet), any centre whose scope contains
 *   the grid may file, void, merge, verify and check it — the township centre or the county.
 * - Once a centre owns it (handlingLevel township/county), only that centre makes the centre's moves (dispatch,
 *   decide, check, escalate). The county acts on a township's case by taking it over first (接管); that is what
 *   makes a takeover visible in the history.
 * - A leg is signed for and fed back by the leg's unit: anyone with case.sign / case.handle whose scope contains the
 *   leg's unit — the village/community director for its village, the township director for its township and the
 *   villages and grids under it. A department's leg is signed for and fed back by that department's own officers
 *   (`department_officer`, scope = the department's code) and by nobody else: the county duty officer no longer
 *   stands in for departments, so what a department did is on its own account (and rated as such, 逆向考核).
 */
import { canSeeCase, caseHolders, type CaseHolderFacts } from './cases/case-holders.js';
import {
  ACTIVE_LEG_STATUSES,
  OPEN_STATUSES,
  currentLeadLeg,
  type CaseLeg,
  type CaseMoveType,
  type CaseSnapshot,
  type CaseStatus,
  type LegStatus,
} from './cases.js';
import { isDepartmentCode } from './departments.js';
import { needsCallback } from './cases/callback.js';
import { isWithinScope, levelOfCode } from './org.js';
import { canAct, type Action, type Principal } from './scope-policy.js';

/** The principal making a move; `userId` goes into the history row. */
export interface CaseActor extends Principal {
  readonly userId: string;
}

export type RefusalCode = 'forbidden' | 'invalid_transition' | 'validation_failed';
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  /** The payload field at fault, for validation_failed. */
  readonly field?: string;
}
export const refusal = (code: RefusalCode, message: string, field?: string): Refusal => ({
  code,
  message,
  ...(field ? { field } : {}),
});

const notYours = (en: string) => refusal('forbidden', `you may not ${en}`);

/**
 * Who sees (and may be offered moves on) a case: the one rule of common/cases/case-holders.ts — the grid where it
 * happened, its owner, every leg's unit and the reporting side, each with its ancestors. The hub pushes by the same
 * rule and its board and feed SQL mirror it.
 */
export function canReadCase(s: CaseHolderFacts, a: Principal): boolean {
  return canSeeCase(a, caseHolders(s));
}

/** No centre owns the case yet: it is still at the grid (or village) where it was reported. */
export function isAtIntake(s: CaseSnapshot): boolean {
  return s.handlingLevel === 'grid' || s.handlingLevel === 'village';
}

/** May the actor make a centre move (file, dispatch, decide, check, escalate) on this case? */
export function actsForOwner(s: CaseSnapshot, a: CaseActor, action: Action): boolean {
  if (!canAct(a, action, s.gridCode)) return false;
  return isAtIntake(s) || a.orgUnitCode === s.ownerUnitCode;
}

/**
 * May the actor sign for / feed back on this leg as the leg's unit? For a department's leg only that department's
 * officers pass (`canAct` compares a department officer's scope with the leg's code exactly).
 */
export function actsForLegUnit(
  _s: CaseSnapshot,
  a: CaseActor,
  action: 'case.sign' | 'case.handle',
  leg: CaseLeg,
): boolean {
  return canAct(a, action, leg.unitCode);
}

/**
 * May the actor send a leg to this unit? Townships, villages and grids inside its scope; departments only from
 * the county. Never to the county itself: nobody there signs for legs.
 */
export function mayDispatchTo(a: CaseActor, unitCode: string): boolean {
  if (isDepartmentCode(unitCode)) return levelOfCode(a.orgUnitCode) === 'county' && canAct(a, 'case.dispatch');
  const level = levelOfCode(unitCode);
  return level !== null && level !== 'county' && canAct(a, 'case.dispatch', unitCode);
}

export function pendingPause(s: CaseSnapshot, kind: 'extension' | 'ledger', legId?: string) {
  return s.pauses.find((p) => p.kind === kind && p.state === 'pending' && (legId === undefined || p.legId === legId));
}

/** A ledger request pending, or approved and still running (no end yet). */
export function openLedger(s: CaseSnapshot) {
  return s.pauses.find((p) => p.kind === 'ledger' && p.to === undefined);
}

type Gate = (s: CaseSnapshot, a: CaseActor) => Refusal | null;
type LegGate = (s: CaseSnapshot, a: CaseActor, leg: CaseLeg) => Refusal | null;
interface MoveRule {
  readonly from: readonly CaseStatus[];
  readonly gate?: Gate;
  /** Moves that name a leg: the leg must pass this too. */
  readonly leg?: LegGate;
}

const owner =
  (action: Action, en: string): Gate =>
  (s, a) =>
    actsForOwner(s, a, action) ? null : notYours(en);
const legState = (leg: CaseLeg, allowed: readonly LegStatus[]): Refusal | null =>
  allowed.includes(leg.status)
    ? null
    : refusal('invalid_transition', `the leg is ${leg.status}; this move does not apply`);
const legUnit =
  (action: 'case.sign' | 'case.handle'): LegGate =>
  (s, a, leg) =>
    actsForLegUnit(s, a, action, leg) ? null : refusal('forbidden', 'only the leg’s unit may do this');
const all =
  <T extends unknown[]>(...checks: Array<(...args: T) => Refusal | null>) =>
  (...args: T): Refusal | null => {
    for (const check of checks) {
      const refused = check(...args);
      if (refused) return refused;
    }
    return null;
  };

export const MOVE_RULES: Readonly<Record<CaseMoveType, MoveRule>> = {
  request_verification: { from: ['reported'], gate: owner('case.file', 'take this case in') },
  file: { from: ['reported', 'verifying'], gate: owner('case.file', 'file this case') },
  void: { from: ['reported', 'verifying', 'filed'], gate: owner('case.file', 'void this case') },
  merge: { from: ['reported', 'verifying', 'filed'], gate: owner('case.file', 'merge this case') },
  handle_on_spot: {
    from: ['reported', 'verifying'],
    gate: (s, a) => {
      if (s.grade === 'serious') return refusal('invalid_transition', 'a serious case cannot be handled on the spot');
      if (!isAtIntake(s)) return refusal('invalid_transition', 'a centre has already taken this case');
      // Only the grid's own worker: 小事不出网格 is about the grid settling its own small matters.
      return a.orgUnitCode === s.gridCode && canAct(a, 'case.handle', s.gridCode)
        ? null
        : notYours('handle this case on the spot');
    },
  },
  dispatch: { from: ['filed'], gate: owner('case.dispatch', 'dispatch this case') },
  sign: {
    from: ['dispatched', 'in_progress', 'checking'],
    leg: all((_s, _a, leg) => legState(leg, ['dispatched']), legUnit('case.sign')),
  },
  return: {
    from: ['dispatched', 'in_progress', 'checking'],
    leg: all((_s, _a, leg) => legState(leg, ['dispatched', 'signed']), legUnit('case.sign')),
  },
  request_extension: {
    from: ['dispatched', 'in_progress', 'checking'],
    leg: all(
      (_s, _a, leg) => legState(leg, ['signed']),
      (s, _a, leg) =>
        pendingPause(s, 'extension', leg.id)
          ? refusal('invalid_transition', 'an extension request is already pending')
          : null,
      legUnit('case.handle'),
    ),
  },
  decide_extension: {
    from: ['dispatched', 'in_progress', 'checking'],
    gate: owner('case.dispatch', 'decide on the extension'),
    leg: (s, _a, leg) =>
      pendingPause(s, 'extension', leg.id) ? null : refusal('invalid_transition', 'no extension request is pending'),
  },
  request_ledger: {
    from: ['in_progress'],
    gate: (s, a) => {
      const lead = currentLeadLeg(s);
      if (!lead || lead.status !== 'signed')
        return refusal('invalid_transition', 'the lead has not signed for the case');
      if (openLedger(s)) return refusal('invalid_transition', 'a ledger request is already open');
      return actsForLegUnit(s, a, 'case.handle', lead)
        ? null
        : refusal('forbidden', 'only the lead unit may ask for a ledger');
    },
  },
  decide_ledger: {
    from: ['in_progress'],
    gate: (s, a) =>
      owner('case.dispatch', 'decide on the ledger')(s, a) ??
      (pendingPause(s, 'ledger') ? null : refusal('invalid_transition', 'no ledger request is pending')),
  },
  escalate: {
    from: ['filed', 'dispatched', 'in_progress'],
    gate: (s, a) => {
      // Only a centre that owns the case escalates it; at intake nobody owns it yet, and the county is the top.
      if (s.handlingLevel === 'county') {
        return refusal('invalid_transition', 'the county is the top level');
      }
      if (s.handlingLevel !== 'township') {
        return refusal('invalid_transition', 'no centre owns this case yet');
      }
      return actsForOwner(s, a, 'case.escalate') ? null : notYours('escalate this case');
    },
  },
  feedback: {
    from: ['dispatched', 'in_progress', 'checking'],
    leg: all((_s, _a, leg) => legState(leg, ['signed']), legUnit('case.handle')),
  },
  check: { from: ['checking'], gate: owner('case.check', 'check this case') },
  evaluate: {
    from: ['closed'],
    // The reporting side rates the handler: the grid (for its village/community) or the county — not the
    // township centre, which is usually the unit being rated.
    gate: (s, a) => {
      const level = levelOfCode(a.orgUnitCode);
      const reportingSide = level === 'county' || level === 'village' || level === 'grid';
      return reportingSide && canAct(a, 'case.report', s.gridCode) ? null : notYours('evaluate this case');
    },
  },
  takeover: {
    from: OPEN_STATUSES,
    gate: (s, a) => {
      if (s.handlingLevel === 'county') return refusal('invalid_transition', 'the county already owns this case');
      const above = a.orgUnitCode !== s.ownerUnitCode && isWithinScope(a.orgUnitCode, s.ownerUnitCode);
      return above && canAct(a, 'case.takeover', s.gridCode) ? null : notYours('take this case over');
    },
  },
  // 回访: the centre that checks the case calls a public/hotline reporter back before closing it.
  callback: {
    from: ['checking'],
    gate: (s, a) =>
      needsCallback(s.source)
        ? owner('case.check', 'call the reporter back')(s, a)
        : refusal('invalid_transition', 'only public and hotline reports are called back'),
  },
  supervise: {
    from: ['dispatched', 'in_progress', 'checking'],
    gate: (s, a) => (canAct(a, 'case.supervise', s.gridCode) ? null : notYours('supervise this case')),
    leg: (_s, _a, leg) => legState(leg, ACTIVE_LEG_STATUSES),
  },
};

/**
 * The case-level checks of a move, in the order a user would want to hear them: not your case at all → not possible
 * in this status → not yours to do.
 */
export function gateCase(s: CaseSnapshot, a: CaseActor, type: CaseMoveType): Refusal | null {
  if (!canReadCase(s, a)) return notYours('act on this case');
  const rule = MOVE_RULES[type];
  if (!rule.from.includes(s.status)) {
    return refusal('invalid_transition', `a ${s.status} case does not allow ${type}`);
  }
  return rule.gate?.(s, a) ?? null;
}

/** The leg-level check of a move that names a leg (null for moves that do not). */
export function gateLeg(s: CaseSnapshot, a: CaseActor, type: CaseMoveType, leg: CaseLeg): Refusal | null {
  return MOVE_RULES[type].leg?.(s, a, leg) ?? null;
}

/** Every payload-independent check; a leg move passes when at least one of the case's legs would. */
export function gateMove(s: CaseSnapshot, a: CaseActor, type: CaseMoveType): Refusal | null {
  const refused = gateCase(s, a, type);
  if (refused || !MOVE_RULES[type].leg) return refused;
  let first: Refusal | null = null;
  for (const leg of s.legs) {
    const legRefusal = gateLeg(s, a, type, leg);
    if (!legRefusal) return null;
    first ??= legRefusal;
  }
  return first ?? refusal('invalid_transition', 'no leg allows this move');
}
