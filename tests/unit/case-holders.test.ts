/**
 * "Who holds this case", exhaustively: every role × every unit it may be held at × cases placed in every relation to
 * that unit (its grid, its owner, a lead or assisting leg, a department leg, the rater). The expectations are the
 * rule as a county would state it: you see a case when your unit is, or is above, a unit that holds it.
 */
import { describe, expect, it } from 'vitest';
import { canSeeCase, caseHolders, type CaseHolderFacts } from '../../common/cases/case-holders.js';
import { BOARD_CLOSED_STATUSES, BOARD_OPEN_STATUSES, isOnBoard } from '../../common/cases/board-rule.js';
import { CASE_STATUSES, type CaseLeg } from '../../common/cases.js';
import { levelOfCode } from '../../common/org.js';
import { ROLES } from '../../common/roles.js';
import { ROLE_LEVELS, roleAllows } from '../../common/scope-policy.js';

const UNITS = [
  '431099',
  '431099001',
  '431099002',
  '431099003',
  '431099001001',
  '431099002001',
  '431099001001001',
  '431099002001001',
];
const leg = (unitCode: string, role: 'lead' | 'assist'): CaseLeg => ({
  id: `${unitCode}-${role}`,
  unitCode,
  role,
  status: 'dispatched',
  dispatchedAt: 0,
  clock: 'working',
});
const G1 = '431099001001001';
const CASES: Record<string, CaseHolderFacts> = {
  'at intake in a town01 grid': { gridCode: G1, ownerUnitCode: G1, legs: [] },
  'owned by town01': { gridCode: G1, ownerUnitCode: '431099001', legs: [] },
  'taken over by the county': { gridCode: G1, ownerUnitCode: '431099', legs: [] },
  'town01 case led by town02': { gridCode: G1, ownerUnitCode: '431099', legs: [leg('431099002', 'lead')] },
  'town01 case assisted by a town02 grid': {
    gridCode: G1,
    ownerUnitCode: '431099001',
    legs: [leg('431099001', 'lead'), leg('431099002001001', 'assist')],
  },
  'town01 case with a department leg': {
    gridCode: G1,
    ownerUnitCode: '431099',
    legs: [leg('dept:zhujian', 'lead')],
  },
  'rated by a town02 village': {
    gridCode: G1,
    ownerUnitCode: '431099001',
    legs: [],
    rating: { score: 4, byUnitCode: '431099002001', ratedUnitCode: '431099001', at: 0 },
  },
};

/** The units holding each case, written out by hand. */
const HOLDERS: Record<keyof typeof CASES, string[]> = {
  'at intake in a town01 grid': [G1],
  'owned by town01': [G1, '431099001'],
  'taken over by the county': [G1, '431099'],
  'town01 case led by town02': [G1, '431099', '431099002'],
  'town01 case assisted by a town02 grid': [G1, '431099001', '431099002001001'],
  'town01 case with a department leg': [G1, '431099', 'dept:zhujian'],
  'rated by a town02 village': [G1, '431099001', '431099002001'],
};

describe('caseHolders', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: held by ${HOLDERS[name]!.join(', ')}`, () => {
      expect(caseHolders(c).sort()).toEqual([...HOLDERS[name]!].sort());
    });
  }
});

describe('canSeeCase, every role at every post against every case', () => {
  for (const role of ROLES) {
    for (const unit of UNITS.filter((u) => ROLE_LEVELS[role].includes(levelOfCode(u)!))) {
      for (const [name, c] of Object.entries(CASES)) {
        // The rule in words: the role reads cases, and a holding unit is this unit or below it.
        const expected =
          roleAllows({ role, orgUnitCode: unit }, 'case.read') && HOLDERS[name]!.some((h) => h.startsWith(unit));
        it(`${role} at ${unit} ${expected ? 'sees' : 'does not see'} a case ${name}`, () => {
          expect(canSeeCase({ role, orgUnitCode: unit }, caseHolders(c))).toBe(expected);
        });
      }
    }
  }

  it('town03 sees none of these cases and town02 sees exactly the ones it holds a part in', () => {
    const town = (code: string) => ({ role: 'township_director' as const, orgUnitCode: code });
    const seen = (code: string) =>
      Object.keys(CASES).filter((name) => canSeeCase(town(code), caseHolders(CASES[name]!)));
    expect(seen('431099003')).toEqual([]);
    expect(seen('431099002')).toEqual([
      'town01 case led by town02',
      'town01 case assisted by a town02 grid',
      'rated by a town02 village',
    ]);
  });

  it('a role held at the wrong level sees nothing', () => {
    expect(canSeeCase({ role: 'grid_worker', orgUnitCode: '431099' }, [G1])).toBe(false);
  });
});

describe('the board rule', () => {
  const midnight = 1_000_000;
  for (const status of CASE_STATUSES) {
    const open = BOARD_OPEN_STATUSES.includes(status);
    const closed = BOARD_CLOSED_STATUSES.includes(status);
    it(`${status}: ${open ? 'always on the board' : closed ? 'on it when closed today' : 'never on it'}`, () => {
      expect(isOnBoard({ status }, midnight)).toBe(open);
      expect(isOnBoard({ status, closedAt: midnight }, midnight)).toBe(open || closed);
      expect(isOnBoard({ status, closedAt: midnight - 1 }, midnight)).toBe(open);
    });
  }
  it('void and merged cases are never on it', () => {
    expect(BOARD_OPEN_STATUSES).not.toContain('void');
    expect(BOARD_CLOSED_STATUSES).not.toContain('merged');
  });
});
