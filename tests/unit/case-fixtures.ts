/**
 * A small county and a set of cases at every stage of the loop, built by playing real moves through the machine
 * (so every fixture is a state the hub could actually hold).
 */
import { applyMove, type CaseActor } from '../../common/case-machine.js';
import type { CaseMoveInput } from '../../common/case-moves.js';
import type { CaseSnapshot } from '../../common/cases.js';

export const COUNTY = '431099';
export const T1 = '431099001';
export const T2 = '431099002';
export const V1 = '431099001001';
export const GRID = '431099001001001';
export const GRID_B = '431099001002001';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Tuesday 5 March 2024, 09:00 Beijing time. */
export const T0 = Date.parse('2024-03-05T09:00:00+08:00');

export const ACTORS = {
  county: { userId: 'u-county', role: 'county_duty_officer', orgUnitCode: COUNTY },
  t1: { userId: 'u-t1', role: 'township_director', orgUnitCode: T1 },
  t2: { userId: 'u-t2', role: 'township_director', orgUnitCode: T2 },
  v1: { userId: 'u-v1', role: 'village_director', orgUnitCode: V1 },
  zhujian: { userId: 'u-zhujian', role: 'department_officer', orgUnitCode: COUNTY, departmentCode: 'dept:zhujian' },
  chengguan: {
    userId: 'u-chengguan',
    role: 'department_officer',
    orgUnitCode: COUNTY,
    departmentCode: 'dept:chengguan',
  },
  gw: { userId: 'u-gw', role: 'grid_worker', orgUnitCode: GRID },
  gwB: { userId: 'u-gwb', role: 'grid_worker', orgUnitCode: GRID_B },
  wall: { userId: 'u-wall', role: 'wall_operator', orgUnitCode: COUNTY },
  admin: { userId: 'u-admin', role: 'admin', orgUnitCode: COUNTY },
} as const satisfies Record<string, CaseActor>;
export type ActorName = keyof typeof ACTORS;

export function reportedCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: 'C1',
    version: 0,
    status: 'reported',
    grade: 'routine',
    source: 'grid_worker',
    categoryCode: '0201',
    gridCode: GRID,
    handlingLevel: 'grid',
    ownerUnitCode: GRID,
    legs: [],
    pauses: [],
    supervisions: [],
    reportedAt: T0,
    supervisionCount: 0,
    reworkCount: 0,
    reporters: [{ source: 'grid_worker', reportedAt: T0, userId: 'u-gw' }],
    ...overrides,
  };
}

/** Apply a move that must succeed; fails the test with the machine's message otherwise. */
export function must(s: CaseSnapshot, actor: ActorName, move: CaseMoveInput, at = T0 + HOUR): CaseSnapshot {
  const result = applyMove(s, move, ACTORS[actor], at);
  if (!result.ok) throw new Error(`${actor} ${move.type} refused: ${result.code} ${result.message}`);
  return result.next;
}

export function play(s: CaseSnapshot, steps: Array<[ActorName, CaseMoveInput]>, at = T0 + HOUR): CaseSnapshot {
  return steps.reduce((acc, [actor, move], i) => must(acc, actor, move, at + i * 60_000), s);
}

export const legOf = (s: CaseSnapshot, unitCode: string) => {
  const leg = s.legs.find((l) => l.unitCode === unitCode && l.status !== 'withdrawn' && l.status !== 'returned');
  if (!leg) throw new Error(`no leg for ${unitCode}`);
  return leg;
};

const due = T0 + 3 * DAY;
const reported = reportedCase();
const filedT1 = must(reported, 't1', { type: 'file' });
const filedCounty = must(reported, 'county', { type: 'file' });
const dispatchedCounty = must(filedCounty, 'county', {
  type: 'dispatch',
  lead: { unitCode: T1, dueAt: due },
  assists: [{ unitCode: 'dept:zhujian', dueAt: due }],
});
const inProgressCounty = must(dispatchedCounty, 't1', { type: 'sign', legId: legOf(dispatchedCounty, T1).id });
const deptLeadDispatched = must(filedCounty, 'county', {
  type: 'dispatch',
  lead: { unitCode: 'dept:chengguan', dueAt: due },
  assists: [{ unitCode: T1, dueAt: due }],
});
const checkingCounty = must(inProgressCounty, 't1', {
  type: 'feedback',
  legId: legOf(inProgressCounty, T1).id,
  result: '已清运',
  photos: ['p1'],
});
const closed = must(checkingCounty, 'county', { type: 'check', outcome: 'pass' });

/** Every stage of the loop, including the odd corners (department lead, pending requests, on-the-spot handling). */
export const FIXTURES = {
  reported,
  verifying: must(reported, 'county', { type: 'request_verification' }),
  seriousReported: reportedCase({ grade: 'serious' }),
  filedT1,
  filedCounty,
  dispatchedT1: must(filedT1, 't1', {
    type: 'dispatch',
    lead: { unitCode: V1, dueAt: due },
    assists: [{ unitCode: GRID_B, dueAt: due }],
  }),
  dispatchedCounty,
  // Township 2 assists on a case that happened in township 1: it must see the case to sign for its leg.
  jointWithT2: must(filedCounty, 'county', {
    type: 'dispatch',
    lead: { unitCode: T1, dueAt: due },
    assists: [{ unitCode: T2, dueAt: due }],
  }),
  inProgressCounty,
  inProgressDeptLead: must(deptLeadDispatched, 'chengguan', {
    type: 'sign',
    legId: legOf(deptLeadDispatched, 'dept:chengguan').id,
  }),
  extensionPending: must(inProgressCounty, 't1', {
    type: 'request_extension',
    legId: legOf(inProgressCounty, T1).id,
    hours: 8,
    reason: '需协调产权人',
  }),
  ledgerPending: must(inProgressCounty, 't1', { type: 'request_ledger', reason: '需列入明年改造计划' }),
  checkingCounty,
  checkingOnSpot: must(reported, 'gw', { type: 'handle_on_spot', result: '已当场清理', photos: ['p1'] }),
  closed,
  evaluated: must(closed, 'gw', { type: 'evaluate', rating: 5 }),
  void: must(reported, 't1', { type: 'void', reason: '重复上报' }),
  merged: must(reported, 'county', { type: 'merge', intoCaseId: 'C0' }),
} satisfies Record<string, CaseSnapshot>;
export type FixtureName = keyof typeof FIXTURES;
