/** Who edits a command room's roster, who hands over, who reads which room (common/duty-policy.ts). */
import { describe, expect, it } from 'vitest';
import { isDutyRoom, isDutyStaff, mayEditRoster, mayReadDuty } from '../../common/duty-policy.js';

const county = '431099';
const town1 = '431099001';
const town2 = '431099002';
const village = '431099001001';

describe('duty policy', () => {
  it('knows command rooms: the county and township centres, not villages or departments', () => {
    expect(isDutyRoom(county)).toBe(true);
    expect(isDutyRoom(town1)).toBe(true);
    expect(isDutyRoom(village)).toBe(false);
    expect(isDutyRoom('dept:zhujian')).toBe(false);
  });

  it('lets the room’s lead edit its roster: the township director, the county duty officers; nobody else', () => {
    expect(mayEditRoster({ role: 'township_director', orgUnitCode: town1 })).toBe(true);
    expect(mayEditRoster({ role: 'county_duty_officer', orgUnitCode: county })).toBe(true);
    expect(mayEditRoster({ role: 'wall_operator', orgUnitCode: town1 })).toBe(false);
    expect(mayEditRoster({ role: 'admin', orgUnitCode: county })).toBe(false);
    expect(mayEditRoster({ role: 'wall_operator', orgUnitCode: village })).toBe(false);
  });

  it('counts the room’s console users as duty staff, administrators and grid workers excepted', () => {
    expect(isDutyStaff({ role: 'wall_operator', orgUnitCode: town1 })).toBe(true);
    expect(isDutyStaff({ role: 'county_duty_officer', orgUnitCode: county })).toBe(true);
    expect(isDutyStaff({ role: 'admin', orgUnitCode: county })).toBe(false);
    expect(isDutyStaff({ role: 'wall_operator', orgUnitCode: village })).toBe(false);
    // A role held at a level it does not belong to gets nothing.
    expect(isDutyStaff({ role: 'township_director', orgUnitCode: county })).toBe(false);
  });

  it('lets a township read its own centre only, the county every room of its county', () => {
    expect(mayReadDuty({ role: 'township_director', orgUnitCode: town1 }, town1)).toBe(true);
    expect(mayReadDuty({ role: 'township_director', orgUnitCode: town1 }, town2)).toBe(false);
    expect(mayReadDuty({ role: 'township_director', orgUnitCode: town1 }, county)).toBe(false);
    expect(mayReadDuty({ role: 'county_duty_officer', orgUnitCode: county }, town2)).toBe(true);
    expect(mayReadDuty({ role: 'grid_worker', orgUnitCode: `${village}001` }, town1)).toBe(false);
  });
});
