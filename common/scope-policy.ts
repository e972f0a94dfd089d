/**
 * The one scope policy. The hub enforces it on every request; the UI only mirrors it to hide what would be refused.
 *
 * A user's scope is the subtree of its one org unit. Whether the user may act at all depends on its role, and a
 * role is only valid at the levels it belongs to: a township director assigned to a village, say, is a
 * misconfiguration and gets nothing rather than something surprising.
 */
import { isWithinScope, levelOfCode, type OrgLevel } from './org.js';
import type { Role } from './roles.js';

export interface Principal {
  readonly role: Role;
  readonly orgUnitCode: string;
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

/** The role is held at a level it belongs to. */
export function holdsValidPost(principal: Principal): boolean {
  const level = levelOfCode(principal.orgUnitCode);
  return level !== null && ROLE_LEVELS[principal.role].includes(level);
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
  return targetUnitCode === undefined || isWithinScope(principal.orgUnitCode, targetUnitCode);
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
