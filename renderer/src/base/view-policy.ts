/**
 * Which views a user sees, from the scope policy (common/scope-policy.ts): each view names the one action it is
 * for, and the navigation shows a view only when the role is allowed that action — no second list of who sees
 * what. Each role lands on the view of its main work: administration, the dispatch board, or the wall. Pure (no DOM),
 * unit-tested in tests/unit/role-views.test.ts.
 */
import { isDutyStaff } from '../../../common/duty-policy.js';
import { canAct, roleAllows, type Action, type Principal } from '../../../common/scope-policy.js';

export const VIEWS = ['wall', 'map', 'dispatch', 'search', 'duty', 'kpi', 'audit', 'admin'] as const;
export type View = (typeof VIEWS)[number];

/** The action a view is for: shown to exactly the roles the scope policy allows it. */
export const VIEW_ACTION: Readonly<Record<View, Action>> = {
  wall: 'wall.operate',
  map: 'case.read',
  dispatch: 'case.read',
  // Every case ever filed in the scope (issue 15 §1): whoever reads cases may search them.
  search: 'case.read',
  // The roster and handovers are for the people who staff a command room's desk and wall (not administrators).
  duty: 'wall.operate',
  kpi: 'kpi.read',
  audit: 'audit.read',
  admin: 'user.manage',
};

/**
 * Where a role's main work is, by the action that marks it, most specific first: who manages users lands on
 * administration, who dispatches on the board, who operates a wall on the wall.
 */
const LANDING: ReadonlyArray<readonly [Action, View]> = [
  ['user.manage', 'admin'],
  ['case.dispatch', 'dispatch'],
  // Village/community directors and department officers sign for and handle legs: their work is on the board too.
  ['case.sign', 'dispatch'],
  ['wall.operate', 'wall'],
];

export function viewsFor(principal: Principal): View[] {
  return VIEWS.filter(
    (view) =>
      roleAllows(principal, VIEW_ACTION[view]) &&
      // The map shows an area's events: a department officer's scope is its department's legs, not an area.
      (view !== 'map' || canAct(principal, 'case.read', principal.orgUnitCode)) &&
      // Duty is kept by command rooms (county and township centres): a village's desk has no roster.
      (view !== 'duty' || isDutyStaff(principal)),
  );
}

export function landingView(principal: Principal): View {
  const main = LANDING.find(([action]) => roleAllows(principal, action));
  return main ? main[1] : (viewsFor(principal)[0] ?? 'wall');
}
