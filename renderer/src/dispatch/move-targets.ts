/**
 * What a move form offers: the legs a move may name for this user, and the units a dispatch may go to. Both come
 * from the same rules the hub enforces (case-rules.ts), so the form never offers what would be refused.
 */
import type { CaseActor } from '../../../common/case-machine.js';
import { gateLeg, mayDispatchTo, MOVE_RULES } from '../../../common/case-rules.js';
import type { CaseLeg, CaseMoveType, CaseSnapshot } from '../../../common/cases.js';
import { DEPARTMENTS } from '../../../common/departments.js';
import type { OrgUnit } from '../../../common/schemas.js';

/** Moves that name one of the case's legs. */
export function isLegMove(type: CaseMoveType): boolean {
  return MOVE_RULES[type].leg !== undefined;
}

/** The legs this actor could make `type` on now. */
export function eligibleLegs(snapshot: CaseSnapshot, actor: CaseActor, type: CaseMoveType): CaseLeg[] {
  if (!isLegMove(type)) return [];
  return snapshot.legs.filter((leg) => gateLeg(snapshot, actor, type, leg) === null);
}

export interface DispatchTarget {
  readonly code: string;
  readonly kind: 'org' | 'department';
}

/**
 * Where a dispatch of this case may go: the township the case is in and its villages (the county also sees the
 * departments), each filtered by `mayDispatchTo`. Grids are left out: a centre dispatches to a township or a
 * village; the grid worker acts on the grid's behalf.
 */
export function dispatchTargets(snapshot: CaseSnapshot, actor: CaseActor, units: readonly OrgUnit[]): DispatchTarget[] {
  const township = snapshot.gridCode.slice(0, 9);
  const codes = units.filter((unit) => unit.code === township || unit.parentCode === township).map((unit) => unit.code);
  // The township itself even before the org units have loaded.
  if (!codes.includes(township)) codes.push(township);
  const org = codes
    .sort()
    .filter((code) => mayDispatchTo(actor, code))
    .map((code): DispatchTarget => ({ code, kind: 'org' }));
  const departments = DEPARTMENTS.filter((d) => mayDispatchTo(actor, d.code)).map((d): DispatchTarget => ({
    code: d.code,
    kind: 'department',
  }));
  return [...org, ...departments];
}
