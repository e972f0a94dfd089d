/**
 * THE case state machine (联动处置). Pure: the hub enforces it (inside its transaction, after comparing
 * `expectedVersion`), the UI mirrors it with `allowedMoves` to show exactly the buttons the hub would accept.
 *
 *   reported ─┬─ request_verification → verifying ─┐
 *             ├─ handle_on_spot → checking          │ file → filed ─ dispatch → dispatched ─ sign(lead) → in_progress
 *             └─ file / void / merge ───────────────┘                                  feedback(lead) → checking
 *   checking ─ check pass → closed ─ evaluate → evaluated;   check fail → in_progress (rework)
 *   checking ─ callback (回访, public/hotline) → checking; unsatisfied + reopen → in_progress (rework). A public or
 *             hotline case passes its check only after a reached call-back or N unanswered tries.
 *   return(lead) / escalate → filed (at the new owner);   takeover: owner becomes the county, status unchanged.
 *
 * Who may do what lives in case-rules.ts, what each accepted move changes in case-transitions.ts; this file ties
 * them together and writes the history row.
 */
import { CaseMove } from './case-moves.js';
import { gateCase, gateLeg, gateMove, refusal, type CaseActor, type RefusalCode } from './case-rules.js';
import { DEFAULT_MOVE_LIMITS, transition, type MoveLimits } from './case-transitions.js';
import { CASE_MOVE_TYPES, type CaseHistoryEntry, type CaseLeg, type CaseMoveType, type CaseSnapshot } from './cases.js';
import { describeZodIssue } from './errors.js';

export type { CaseActor } from './case-rules.js';
export { clockForGrade } from './case-leg-ops.js';
export { DEFAULT_MOVE_LIMITS, type MoveLimits } from './case-transitions.js';

export type MoveOutcome =
  | { ok: true; next: CaseSnapshot; history: CaseHistoryEntry }
  | { ok: false; code: RefusalCode; message: string; field?: string };

/** The moves this principal could make on this case now, each accepted by `applyMove` for some valid payload. */
export function allowedMoves(snapshot: CaseSnapshot, principal: CaseActor): CaseMoveType[] {
  return CASE_MOVE_TYPES.filter((type) => gateMove(snapshot, principal, type) === null);
}

/**
 * Apply one move. `move` is validated here (the hub may pass a request body straight through). On success the
 * version is bumped and one history row is returned for the hub to append; nothing else is written.
 */
export function applyMove(
  snapshot: CaseSnapshot,
  move: unknown,
  principal: CaseActor,
  now: number,
  limits: MoveLimits = DEFAULT_MOVE_LIMITS,
): MoveOutcome {
  const parsed = CaseMove.safeParse(move);
  if (!parsed.success) {
    const { message, field } = describeZodIssue(parsed.error.issues);
    return { ok: false, code: 'validation_failed', message, ...(field ? { field } : {}) };
  }
  const m = parsed.data;
  const refused = gateCase(snapshot, principal, m.type);
  if (refused) return { ok: false, ...refused };

  let leg: CaseLeg | undefined;
  if ('legId' in m) {
    leg = snapshot.legs.find((l) => l.id === m.legId);
    if (!leg) return { ok: false, ...refusal('validation_failed', 'no such leg on this case', 'legId') };
    const legRefused = gateLeg(snapshot, principal, m.type, leg);
    if (legRefused) return { ok: false, ...legRefused };
  }

  const effect = transition(snapshot, m, principal, now, leg, limits);
  if ('code' in effect) return { ok: false, ...effect };
  const next: CaseSnapshot = { ...effect.next, version: snapshot.version + 1 };
  const history: CaseHistoryEntry = {
    caseId: snapshot.id,
    version: next.version,
    at: now,
    actor: { userId: principal.userId, role: principal.role, orgUnitCode: principal.orgUnitCode },
    move: m.type,
    from: snapshot.status,
    to: next.status,
    ...(effect.legId !== undefined ? { legId: effect.legId } : {}),
    ...(effect.unitCode !== undefined ? { unitCode: effect.unitCode } : {}),
    ...(effect.note ? { note: effect.note } : {}),
    ...(effect.noteCode ? { noteCode: effect.noteCode } : {}),
    ...(effect.noteParams ? { noteParams: effect.noteParams } : {}),
  };
  return { ok: true, next, history };
}
