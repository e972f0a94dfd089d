/**
 * Each role sees the views it can use and lands on its main one — derived from the scope policy's actions, so a
 * wall operator has no KPI link that opens a lock page and an administrator does not land on a video wall.
 */
import { describe, expect, it } from 'vitest';
import { landingView, viewsFor } from '../../renderer/src/base/view-policy.js';

const COUNTY = '431099';
const TOWN = '431099001';
const VILLAGE = '431099001001';

describe('views per role', () => {
  it('shows each role exactly the views its actions allow', () => {
    expect(viewsFor({ role: 'county_duty_officer', orgUnitCode: COUNTY })).toEqual([
      'wall',
      'map',
      'dispatch',
      'search',
      'duty',
      'kpi',
      'audit',
    ]);
    expect(viewsFor({ role: 'township_director', orgUnitCode: TOWN })).toEqual([
      'wall',
      'map',
      'dispatch',
      'search',
      'duty',
      'kpi',
    ]);
    expect(viewsFor({ role: 'wall_operator', orgUnitCode: COUNTY })).toEqual([
      'wall',
      'map',
      'dispatch',
      'search',
      'duty',
    ]);
    expect(viewsFor({ role: 'admin', orgUnitCode: COUNTY })).toEqual([
      'map',
      'dispatch',
      'search',
      'kpi',
      'audit',
      'admin',
    ]);
    expect(viewsFor({ role: 'village_director', orgUnitCode: VILLAGE })).toEqual([
      'wall',
      'map',
      'dispatch',
      'search',
      'kpi',
    ]);
    // A department officer's scope is its department's legs: the board, no area's map, cameras or KPIs.
    expect(viewsFor({ role: 'department_officer', orgUnitCode: COUNTY, departmentCode: 'dept:zhujian' })).toEqual([
      'dispatch',
      'search',
    ]);
    // A role held at a level it does not belong to gets nothing.
    expect(viewsFor({ role: 'township_director', orgUnitCode: COUNTY })).toEqual([]);
  });

  it('lands each role on its main view', () => {
    expect(landingView({ role: 'county_duty_officer', orgUnitCode: COUNTY })).toBe('dispatch');
    expect(landingView({ role: 'township_director', orgUnitCode: TOWN })).toBe('dispatch');
    expect(landingView({ role: 'wall_operator', orgUnitCode: TOWN })).toBe('wall');
    expect(landingView({ role: 'admin', orgUnitCode: COUNTY })).toBe('admin');
    expect(landingView({ role: 'village_director', orgUnitCode: VILLAGE })).toBe('dispatch');
    expect(landingView({ role: 'department_officer', orgUnitCode: COUNTY, departmentCode: 'dept:gongan' })).toBe(
      'dispatch',
    );
  });
});
