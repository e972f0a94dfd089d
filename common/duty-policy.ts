/**
 * Who does what on the duty roster and handovers (issue 15 §4). A command room is the org unit of a county or
 * township centre; its people are the console users of exactly that unit.
 *
 * - The roster is edited by the room's lead: the township centre's director (`township_director`) for a township
 *   room, the county's duty officers (`county_duty_officer`, the county room has no director role) for the county.
 *   Administrators set the county up but do not run its duty, so they neither edit nor appear on rosters.
 * - Handovers are written and acknowledged by the room's duty staff (its console users other than administrators);
 *   the incoming officer acknowledging must be someone other than the writer.
 * - Reading: a user reads their own room; a county user may read any room in the county (scope = subtree), a
 *   township never another township's.
 */
import { isWithinScope, levelOfCode } from './org.js';
import type { Role } from './roles.js';
import { roleAllows, type Principal } from './scope-policy.js';

export const DUTY_ROOM_LEVELS = ['county', 'township'] as const;
const ROSTER_EDITORS: readonly Role[] = ['county_duty_officer', 'township_director'];
const DUTY_STAFF: readonly Role[] = ['county_duty_officer', 'township_director', 'wall_operator'];

/** Is this unit a command room (county or township centre)? */
export function isDutyRoom(unitCode: string): boolean {
  const level = levelOfCode(unitCode);
  return level === 'county' || level === 'township';
}

/** May the principal read the duty of `roomCode` (its roster and handovers)? */
export function mayReadDuty(principal: Principal, roomCode: string): boolean {
  return roleAllows(principal, 'console.use') && isDutyRoom(roomCode) && isWithinScope(principal.orgUnitCode, roomCode);
}

/** May the principal add or remove shifts of its own room? */
export function mayEditRoster(principal: Principal): boolean {
  return (
    isDutyRoom(principal.orgUnitCode) && ROSTER_EDITORS.includes(principal.role) && roleAllows(principal, 'console.use')
  );
}

/** May the principal write or acknowledge handovers of its own room (and be on its roster)? */
export function isDutyStaff(principal: Principal): boolean {
  return (
    isDutyRoom(principal.orgUnitCode) && DUTY_STAFF.includes(principal.role) && roleAllows(principal, 'console.use')
  );
}
