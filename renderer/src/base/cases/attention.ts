/**
 * What needs action now, as data: whether a case is overdue (intake or handling clock), what the viewer's own next
 * move on it is, which units it went to, and the attention filters built on them (超时 / 督办 / mine / watched).
 * Pure (no DOM, no React), unit-tested in tests/unit/attention.test.ts.
 */
import type { CaseView } from '../../../../common/case-api.js';
import { allowedMoves, type CaseActor } from '../../../../common/case-machine.js';
import { ACTIVE_LEG_STATUSES, OPEN_STATUSES, type CaseMoveType } from '../../../../common/cases.js';
import type { IntakeLimits } from '../../../../common/intake-clock.js';
import type { WorkCalendar } from '../../../../common/work-calendar.js';
import { cardSla, type AttentionFilter } from './board-model.js';

/**
 * The moves that are someone's turn in the loop, most pressing first. Supervision, takeover, escalation, returns,
 * requests, void and merge are always possible for some viewers and so say nothing about whose turn it is.
 */
export const NEXT_MOVE_ORDER: readonly CaseMoveType[] = [
  'request_verification',
  'file',
  'dispatch',
  'check',
  'sign',
  'decide_extension',
  'decide_ledger',
  'feedback',
  'evaluate',
];

const nextMoves = new WeakMap<CaseView, Map<string, CaseMoveType | null>>();

/**
 * The viewer's own next move on the case (what the card says under "your move"), or null when it is not their turn.
 * Computed with the same machine the hub enforces; remembered per case version and viewer.
 */
export function nextMoveFor(c: CaseView, actor: CaseActor): CaseMoveType | null {
  let byActor = nextMoves.get(c);
  if (!byActor) nextMoves.set(c, (byActor = new Map()));
  const key = `${actor.userId}|${actor.role}|${actor.orgUnitCode}|${actor.departmentCode ?? ''}`;
  if (byActor.has(key)) return byActor.get(key)!;
  const allowed = new Set(allowedMoves(c, actor));
  // Evaluation waits on the closed column for days; it is a turn, but not "action now" on an open case.
  const move = NEXT_MOVE_ORDER.find((m) => allowed.has(m) && (m !== 'evaluate' || c.status === 'closed')) ?? null;
  byActor.set(key, move);
  return move;
}

/** The units currently working the case: the lead's first, then the assists', only legs still owed or fed back. */
export function workingUnits(c: CaseView): string[] {
  const live = c.legs.filter((leg) => ACTIVE_LEG_STATUSES.includes(leg.status) || leg.status === 'feedback');
  return [...live.filter((leg) => leg.role === 'lead'), ...live.filter((leg) => leg.role === 'assist')].map(
    (leg) => leg.unitCode,
  );
}

/** A leg still owed by the viewer's own unit (a township director's signed-for or to-sign legs). */
export function hasOwnLeg(c: CaseView, unitCode: string): boolean {
  return c.legs.some((leg) => leg.unitCode === unitCode && ACTIVE_LEG_STATUSES.includes(leg.status));
}

export interface AttentionContext {
  readonly now: number;
  readonly calendar: WorkCalendar;
  readonly intake: IntakeLimits;
  readonly actor: CaseActor;
  readonly watched: ReadonlySet<string>;
}

export function isOverdue(c: CaseView, ctx: Pick<AttentionContext, 'now' | 'calendar' | 'intake'>): boolean {
  return cardSla(c, ctx.now, ctx.calendar, ctx.intake).name === 'overdue';
}

/** Exactly the cases an attention filter lists. "mine": a leg of the viewer's unit still owed, or the viewer's turn. */
export function matchesAttention(c: CaseView, filter: AttentionFilter, ctx: AttentionContext): boolean {
  switch (filter) {
    case 'overdue':
      return isOverdue(c, ctx);
    case 'supervised':
      return OPEN_STATUSES.includes(c.status) && c.supervisionCount > 0;
    case 'mine':
      return (
        OPEN_STATUSES.includes(c.status) &&
        (hasOwnLeg(c, ctx.actor.departmentCode ?? ctx.actor.orgUnitCode) || nextMoveFor(c, ctx.actor) !== null)
      );
    case 'watched':
      return ctx.watched.has(c.id);
  }
}
