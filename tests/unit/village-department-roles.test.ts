/**
 * The scope policy of the two new roles and the rating rule, on the small county of the case fixtures: a
 * village/community director acts in its village only; a department officer's scope is its department's code and
 * nothing of the org tree's areas; the village of the case rates a department leg once it is over, once.
 */
import { describe, expect, it } from 'vitest';
import { canSeeCase, caseHolders } from '../../common/cases/case-holders.js';
import { ratableLegs, ratingRefusal, rollUpRatings } from '../../common/department-ratings.js';
import { canAct, canViewCamera, holdsValidPost, scopeCodeOf } from '../../common/scope-policy.js';
import { ACTORS, COUNTY, FIXTURES, GRID, GRID_B, T1, V1, legOf, must } from './case-fixtures.js';

const V2 = '431099001002'; // GRID_B's community
const zhujian = ACTORS.zhujian;

describe('village/community director', () => {
  const director = { role: 'village_director' as const, orgUnitCode: V1 };
  it('is held at a village or community and nowhere else', () => {
    expect(holdsValidPost(director)).toBe(true);
    expect(holdsValidPost({ role: 'village_director', orgUnitCode: T1 })).toBe(false);
    expect(holdsValidPost({ ...director, departmentCode: 'dept:zhujian' })).toBe(false);
  });
  it('signs, handles, reports and rates in its own village only; never files or dispatches', () => {
    for (const action of ['case.sign', 'case.handle', 'case.report', 'case.rate'] as const) {
      expect(canAct(director, action, GRID)).toBe(true);
      expect(canAct(director, action, GRID_B)).toBe(false);
      expect(canAct(director, action, T1)).toBe(false);
    }
    expect(canAct(director, 'case.file')).toBe(false);
    expect(canAct(director, 'case.dispatch')).toBe(false);
    expect(canViewCamera(director, { id: 'c1', orgUnitCode: GRID })).toBe(true);
    expect(canViewCamera(director, { id: 'c2', orgUnitCode: GRID_B })).toBe(false);
  });
});

describe('department officer', () => {
  it('needs a known department and is held at the county', () => {
    expect(holdsValidPost(zhujian)).toBe(true);
    expect(holdsValidPost({ role: 'department_officer', orgUnitCode: COUNTY })).toBe(false);
    expect(holdsValidPost({ role: 'department_officer', orgUnitCode: COUNTY, departmentCode: 'dept:nosuch' })).toBe(
      false,
    );
    expect(holdsValidPost({ ...zhujian, orgUnitCode: T1 })).toBe(false);
    expect(scopeCodeOf(zhujian)).toBe('dept:zhujian');
  });
  it('acts on its department’s legs only, and on no area', () => {
    expect(canAct(zhujian, 'case.sign', 'dept:zhujian')).toBe(true);
    expect(canAct(zhujian, 'case.sign', 'dept:gongan')).toBe(false);
    for (const unit of [COUNTY, T1, V1, GRID]) {
      expect(canAct(zhujian, 'case.sign', unit)).toBe(false);
      expect(canAct(zhujian, 'case.read', unit)).toBe(false);
    }
    expect(canAct(zhujian, 'case.dispatch')).toBe(false);
    expect(canViewCamera(zhujian, { id: 'c1', orgUnitCode: GRID })).toBe(false);
  });
  it('sees a case only while its department holds a leg of it', () => {
    expect(canSeeCase(zhujian, caseHolders(FIXTURES.dispatchedCounty))).toBe(true);
    expect(canSeeCase(zhujian, caseHolders(FIXTURES.dispatchedT1))).toBe(false);
    expect(canSeeCase(ACTORS.chengguan, caseHolders(FIXTURES.dispatchedCounty))).toBe(false);
  });
});

describe('rating a department (逆向考核)', () => {
  const director = { role: 'village_director' as const, orgUnitCode: V1 };
  const s = FIXTURES.dispatchedCounty; // in GRID (V1): lead T1, assist 住建
  const deptLeg = legOf(s, 'dept:zhujian');

  it('waits until the department fed back or the case closed', () => {
    expect(ratingRefusal(s, director, deptLeg, new Set())).toBe('leg_not_ratable');
    const signed = must(s, 'zhujian', { type: 'sign', legId: deptLeg.id });
    const fed = must(signed, 'zhujian', { type: 'feedback', legId: deptLeg.id, result: '已核查', photos: [] });
    expect(ratableLegs(fed, director, new Set()).map((l) => l.id)).toEqual([deptLeg.id]);
    expect(ratingRefusal(fed, director, legOf(fed, 'dept:zhujian'), new Set([deptLeg.id]))).toBe('already_rated');
    // Closed without 住建 ever feeding back: its leg ended with the case and may still be rated (badly).
    expect(ratableLegs(FIXTURES.closed, director, new Set()).map((l) => l.unitCode)).toEqual(['dept:zhujian']);
  });

  it('comes from the case’s own village only, and only for departments', () => {
    const closed = FIXTURES.closed;
    expect(ratableLegs(closed, { role: 'village_director', orgUnitCode: V2 }, new Set())).toEqual([]);
    expect(ratableLegs(closed, ACTORS.county, new Set())).toEqual([]);
    expect(ratableLegs(closed, ACTORS.t1, new Set())).toEqual([]);
    expect(ratingRefusal(closed, director, legOf(closed, T1), new Set())).toBe('forbidden');
  });

  it('rolls up by department and month, flagging small samples', () => {
    const rows = rollUpRatings(
      [
        { departmentCode: 'dept:zhujian', score: 4, at: 1 },
        { departmentCode: 'dept:zhujian', score: 5, at: 2 },
        { departmentCode: 'dept:gongan', score: 2, at: 3 },
      ],
      (at) => (at < 2 ? '2026-11' : '2026-12'),
    );
    expect(rows).toEqual([
      {
        departmentCode: 'dept:zhujian',
        count: 2,
        average: 4.5,
        smallSample: true,
        byMonth: [
          { month: '2026-11', count: 1, average: 4 },
          { month: '2026-12', count: 1, average: 5 },
        ],
      },
      {
        departmentCode: 'dept:gongan',
        count: 1,
        average: 2,
        smallSample: true,
        byMonth: [{ month: '2026-12', count: 1, average: 2 }],
      },
    ]);
  });
});
