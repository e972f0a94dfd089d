/**
 * Small pure operations on a snapshot's legs and pauses, shared by the transitions (case-transitions.ts).
 */
import {
  ACTIVE_LEG_STATUSES,
  type CaseLeg,
  type CasePause,
  type CaseSnapshot,
  type HandlingLevel,
  type SlaClock,
} from './cases.js';
import type { LegAssignment } from './case-moves.js';
import { levelOfCode } from './org.js';

/** Serious cases run on the wall clock; everything else on working time (see sla-clock.ts). */
export function clockForGrade(grade: CaseSnapshot['grade']): SlaClock {
  return grade === 'serious' ? 'wall' : 'working';
}

export const levelOf = (unitCode: string): HandlingLevel => levelOfCode(unitCode) ?? 'county';

export function updateLeg(legs: readonly CaseLeg[], id: string, change: (leg: CaseLeg) => CaseLeg): CaseLeg[] {
  return legs.map((leg) => (leg.id === id ? change(leg) : leg));
}

/** The centre takes every leg still owed back (lead returned, escalation, re-dispatch). */
export function withdrawActive(legs: readonly CaseLeg[]): CaseLeg[] {
  return legs.map((leg) => (ACTIVE_LEG_STATUSES.includes(leg.status) ? { ...leg, status: 'withdrawn' } : leg));
}

/** End pauses matching `which`: pending requests lapse (cancelled), an approved ledger simply stops. */
export function endPauses(pauses: readonly CasePause[], now: number, which: (p: CasePause) => boolean): CasePause[] {
  return pauses.map((p) =>
    p.to === undefined && which(p) ? { ...p, to: now, state: p.state === 'pending' ? 'cancelled' : p.state } : p,
  );
}

/** Back to 待派遣 at `owner`: nobody works on it any more, so no deadline runs. */
export function backToFiled(s: CaseSnapshot, now: number, ownerUnitCode: string): CaseSnapshot {
  const { dueAt: _dueAt, ...rest } = s;
  return {
    ...rest,
    status: 'filed',
    ownerUnitCode,
    handlingLevel: levelOf(ownerUnitCode),
    legs: withdrawActive(s.legs),
    pauses: endPauses(s.pauses, now, () => true),
  };
}

export function newLeg(
  s: CaseSnapshot,
  index: number,
  role: CaseLeg['role'],
  unitCode: string,
  now: number,
  assignment?: LegAssignment,
): CaseLeg {
  return {
    id: `${s.id}-${s.legs.length + index + 1}`,
    unitCode,
    role,
    status: 'dispatched',
    dispatchedAt: now,
    ...(assignment ? { dueAt: assignment.dueAt } : {}),
    ...(assignment?.dueProvisional ? { dueProvisional: true as const } : {}),
    clock: assignment?.clock ?? clockForGrade(s.grade),
  };
}

/**
 * What the legs become when the lead's passed check closes the case: the lead and every assist that fed back are
 * `done`; an assist still unsigned or unfinished `ended` with the case — its deadline stops and it is never
 * supervised again, while its record (no feedback) stays against its unit. Returned/withdrawn legs are history.
 */
export function legsAtClose(legs: readonly CaseLeg[], leadId: string, now: number): CaseLeg[] {
  return legs.map((leg) => {
    if (leg.id === leadId || (leg.role === 'assist' && leg.status === 'feedback')) {
      return { ...leg, status: 'done', doneAt: now };
    }
    return ACTIVE_LEG_STATUSES.includes(leg.status) ? { ...leg, status: 'ended', doneAt: now } : leg;
  });
}

/** A leg's deadline runs only while the leg is owed and its case is still being handled (not once it closed). */
export function legClockRuns(s: Pick<CaseSnapshot, 'status'>, leg: CaseLeg): boolean {
  return ACTIVE_LEG_STATUSES.includes(leg.status) && !['closed', 'evaluated', 'void', 'merged'].includes(s.status);
}
