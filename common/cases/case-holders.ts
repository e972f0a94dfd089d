/**
 * Who holds a case — the one rule behind every "may this user see this case": the board, the change feed and its
 * catch-up, case detail, the case a camera grant or a stream ticket cites, and the rooms a change is pushed to.
 *
 * A case is held by the grid where it happened (so the grid, its village, township and the county see it), by the
 * centre that owns it now, by every unit a leg was sent to (lead and assisting, so a township in another township's
 * area sees the case it must handle) and by the reporting side that rates it. A user sees the case when any holder
 * lies in its subtree — exactly the units whose rooms get the pushes (a push goes to a holder and its ancestors).
 * The hub mirrors `caseHolders` into the `case_holders` table so SQL can cut by code prefix on an index.
 */
import type { CaseSnapshot } from '../cases.js';
import { inScope, roleAllows, type Principal } from '../scope-policy.js';

export type CaseHolderFacts = Pick<CaseSnapshot, 'gridCode' | 'ownerUnitCode' | 'legs'> &
  Partial<Pick<CaseSnapshot, 'rating'>>;

/**
 * The units holding the case, each once: org codes and, for department legs, the department's code (a county body:
 * the county already holds every case, and a department officer's scope is its department's code exactly).
 */
export function caseHolders(c: CaseHolderFacts): string[] {
  const codes = [c.gridCode, c.ownerUnitCode, ...c.legs.map((leg) => leg.unitCode)];
  if (c.rating) codes.push(c.rating.byUnitCode);
  return [...new Set(codes)];
}

/** May the principal see a case held by these units? (Its role must read cases; one holder in its subtree.) */
export function canSeeCase(principal: Principal, holders: readonly string[]): boolean {
  if (!roleAllows(principal, 'case.read')) return false;
  return holders.some((code) => inScope(principal, code));
}
