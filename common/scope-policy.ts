/**
 * The one scope policy. The hub enforces it on every request; the UI only mirrors it to hide what would be refused.
 *
 * A user's scope is the subtree of its one org unit. Whether the user may act at all depends on its role, and a
 * role is only valid at the levels it belongs to: a township director assigned to a village, say, is a
 * misconfiguration and gets nothing rather than something surprising.
 */
import { isDepartmentCode } from './departments.js';
import { isWithinScope, levelOfCode, type OrgLevel } from './org.js';
import type { Role } from './roles.js';

export interface Principal {
  readonly role: Role;
  readonly orgUnitCode: string;
  /**
   * A department officer's department (`dept:zhujian`). Departments are county bodies beside the township tree, so
   * the officer's org unit is the county and its scope is exactly this code: the legs sent to its department, no
   * township's area. Absent for every other role.
   */
  readonly departmentCode?: string;
}

export const ACTIONS = [
  'console.use',
  'org.read',
  'camera.view',
  'wall.operate',
  'case.read',
  'case.report',
  'case.file',
  'case.dispatch',
  'case.sign',
  'case.handle',
  'case.escalate',
  'case.check',
  'case.close',
  'case.takeover',
  'case.supervise',
  'case.rate',
  'camera.grant',
  'kpi.read',
  'audit.read',
  'user.manage',
  'settings.edit',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Levels at which a role may be held. */
export const ROLE_LEVELS: Readonly<Record<Role, readonly OrgLevel[]>> = {
  county_duty_officer: ['county'],
  township_director: ['township'],
  village_director: ['village'],
  department_officer: ['county'],
  wall_operator: ['county', 'township', 'village'],
  grid_worker: ['grid'],
  admin: ['county'],
};

const ROLE_ACTIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  county_duty_officer: new Set<Action>([
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.file',
    'case.dispatch',
    'case.check',
    'case.close',
    'case.takeover',
    'case.supervise',
    'camera.grant',
    'kpi.read',
    'audit.read',
  ]),
  township_director: new Set<Action>([
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.file',
    'case.dispatch',
    'case.sign',
    'case.handle',
    'case.escalate',
    'case.check',
    'case.close',
    'kpi.read',
  ]),
  // The village/community duty desk (坐班): signs for and handles the legs sent to its village or community, reports,
  // watches its own cameras and rates the departments that handled its cases (逆向考核). It files and dispatches
  // nothing: that is the township centre's work.
  village_director: new Set<Action>([
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.sign',
    'case.handle',
    'case.rate',
    'kpi.read',
  ]),
  // A department's own account: signs for and feeds back on its department's legs, nothing else. It reads the org
  // tree (unit names on its cards) but no cameras and no area's events.
  department_officer: new Set<Action>(['console.use', 'org.read', 'case.read', 'case.sign', 'case.handle']),
  wall_operator: new Set<Action>(['console.use', 'org.read', 'camera.view', 'wall.operate', 'case.read']),
  grid_worker: new Set<Action>(['org.read', 'case.read', 'case.report', 'case.handle']),
  admin: new Set<Action>([
    'console.use',
    'org.read',
    'case.read',
    'kpi.read',
    'audit.read',
    'user.manage',
    'settings.edit',
  ]),
};

/**
 * The role is held at a level it belongs to; a department officer names a known department and nobody else names
 * one.
 */
export function holdsValidPost(principal: Principal): boolean {
  const level = levelOfCode(principal.orgUnitCode);
  if (level === null || !ROLE_LEVELS[principal.role].includes(level)) return false;
  const dept = principal.departmentCode;
  return principal.role === 'department_officer' ? dept !== undefined && isDepartmentCode(dept) : dept === undefined;
}

/**
 * The code a principal's scope is rooted at: its org unit, or for a department officer its department. The hub cuts
 * case lists by it (case_holders rows carry department codes too) and a console joins that unit's push room.
 */
export function scopeCodeOf(principal: Principal): string {
  return principal.role === 'department_officer' && principal.departmentCode
    ? principal.departmentCode
    : principal.orgUnitCode;
}

/** Does `code` (an org unit or a department) lie in the principal's scope? */
export function inScope(principal: Principal, code: string): boolean {
  const scope = scopeCodeOf(principal);
  return code === scope || isWithinScope(scope, code);
}

/** Whether the role may perform the action at all, regardless of target. */
export function roleAllows(principal: Principal, action: Action): boolean {
  return holdsValidPost(principal) && ROLE_ACTIONS[principal.role].has(action);
}

/** The unit lies in the principal's subtree. */
export function canSeeOrgUnit(principal: Principal, unitCode: string): boolean {
  return roleAllows(principal, 'org.read') && isWithinScope(principal.orgUnitCode, unitCode);
}

/**
 * May the principal act on something that belongs to `targetUnitCode`? Without a target, only the role is checked
 * (for actions such as `console.use`).
 */
export function canAct(principal: Principal, action: Action, targetUnitCode?: string): boolean {
  if (!roleAllows(principal, action)) return false;
  return targetUnitCode === undefined || inScope(principal, targetUnitCode);
}

export interface CameraScopeFacts {
  readonly id: string;
  readonly orgUnitCode: string;
}

/**
 * A camera may be viewed inside the principal's scope, or outside it while a case-bound grant lends it
 * (`grantedCameraIds`, maintained by the hub). Sensitive cameras additionally need a reason at token issue time;
 * that is a step of the request, not of the scope, so it is not decided here.
 */
export function canViewCamera(
  principal: Principal,
  camera: CameraScopeFacts,
  grantedCameraIds: ReadonlySet<string> = new Set(),
): boolean {
  if (!roleAllows(principal, 'camera.view')) return false;
  return isWithinScope(principal.orgUnitCode, camera.orgUnitCode) || grantedCameraIds.has(camera.id);
}
