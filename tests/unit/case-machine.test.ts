/**
 * The case state machine, table-driven: for every stage of the loop and every kind of user, exactly which moves are
 * offered — written as the county states its rules — and, for every move, that `applyMove` accepts it for some
 * valid payload exactly when `allowedMoves` offers it.
 */
import { describe, expect, it } from 'vitest';
import { allowedMoves, applyMove } from '../../common/case-machine.js';
import type { CaseMoveInput } from '../../common/case-moves.js';
import { CASE_MOVE_TYPES, CaseHistoryEntry, CaseSnapshot, type CaseMoveType } from '../../common/cases.js';
import {
  ACTORS,
  COUNTY,
  DAY,
  FIXTURES,
  GRID,
  HOUR,
  T0,
  T1,
  T2,
  V1,
  type ActorName,
  type FixtureName,
} from './case-fixtures.js';

const NOW = T0 + 2 * HOUR;

/**
 * What each user may do at each stage. Anyone not listed may do nothing. Read as: "while a report waits at intake,
 * the township centre or the county may verify, file, void or merge it; the grid's own worker may settle it on
 * the spot; the county may take it over …".
 */
const EXPECTED: Record<FixtureName, Partial<Record<ActorName, CaseMoveType[]>>> = {
  reported: {
    county: ['request_verification', 'file', 'void', 'merge', 'takeover'],
    t1: ['request_verification', 'file', 'void', 'merge'],
    gw: ['handle_on_spot'],
  },
  verifying: {
    county: ['file', 'void', 'merge', 'takeover'],
    t1: ['file', 'void', 'merge'],
    gw: ['handle_on_spot'],
  },
  // A serious matter is never settled on the spot.
  seriousReported: {
    county: ['request_verification', 'file', 'void', 'merge', 'takeover'],
    t1: ['request_verification', 'file', 'void', 'merge'],
  },
  // Filed by the township: the township dispatches or escalates; the county must take it over to act.
  filedT1: { county: ['takeover'], t1: ['void', 'merge', 'dispatch', 'escalate'] },
  filedCounty: { county: ['void', 'merge', 'dispatch'] },
  // Township dispatched to its village (lead) and another grid (assist): the director signs for both.
  // The village's own director signs for the village's leg (not for the other village's grid).
  dispatchedT1: { county: ['takeover', 'supervise'], t1: ['sign', 'return', 'escalate'], v1: ['sign', 'return'] },
  // County dispatched to township 1 (lead) and 住建 (assist): 住建's own officer signs for its leg, not the county.
  dispatchedCounty: { county: ['supervise'], t1: ['sign', 'return'], zhujian: ['sign', 'return'] },
  jointWithT2: { county: ['supervise'], t1: ['sign', 'return'], t2: ['sign', 'return'] },
  inProgressCounty: {
    county: ['supervise'],
    t1: ['return', 'request_extension', 'request_ledger', 'feedback'],
    zhujian: ['sign', 'return'],
  },
  inProgressDeptLead: {
    county: ['supervise'],
    t1: ['sign', 'return'],
    chengguan: ['return', 'request_extension', 'request_ledger', 'feedback'],
  },
  extensionPending: {
    county: ['decide_extension', 'supervise'],
    t1: ['return', 'request_ledger', 'feedback'],
    zhujian: ['sign', 'return'],
  },
  ledgerPending: {
    county: ['decide_ledger', 'supervise'],
    t1: ['return', 'request_extension', 'feedback'],
    zhujian: ['sign', 'return'],
  },
  checkingCounty: { county: ['check', 'supervise'], zhujian: ['sign', 'return'] },
  checkingOnSpot: { county: ['check', 'takeover'], t1: ['check'] },
  // The reporting side rates the handler: the grid worker for the community, or the county.
  closed: { county: ['evaluate'], gw: ['evaluate'], v1: ['evaluate'] },
  evaluated: {},
  void: {},
  merged: {},
};

/** Plausible payloads for a move on a case: one per leg and decision, valid in form. */
function candidates(s: CaseSnapshot, type: CaseMoveType): CaseMoveInput[] {
  const later = NOW + 5 * DAY;
  const perLeg = <T>(make: (legId: string) => T) => s.legs.map((leg) => make(leg.id));
  switch (type) {
    case 'request_verification':
      return [{ type }];
    case 'file':
      return [{ type }, { type, grade: 'general' }];
    case 'void':
    case 'escalate':
    case 'request_ledger':
      return [{ type, reason: '原因' }];
    case 'merge':
      return [{ type, intoCaseId: 'C-other' }];
    case 'handle_on_spot':
      return [{ type, result: '已处理', photos: [] }];
    case 'dispatch':
      return [GRID, V1, T1, T2, COUNTY, 'dept:zhujian'].map((unitCode) => ({
        type,
        lead: { unitCode, dueAt: later },
        assists: [],
      }));
    case 'sign':
      return perLeg((legId) => ({ type, legId }));
    case 'return':
      return perLeg((legId) => ({ type, legId, reason: '不属于本单位职责' }));
    case 'request_extension':
      return perLeg((legId) => ({ type, legId, hours: 8, reason: '需协调' }));
    case 'decide_extension':
      return s.legs.flatMap((leg) => [
        { type, legId: leg.id, decision: 'approve' as const, dueAt: (leg.dueAt ?? NOW) + 10 * DAY },
        { type, legId: leg.id, decision: 'reject' as const },
      ]);
    case 'decide_ledger':
      return [
        { type, decision: 'approve' },
        { type, decision: 'reject' },
      ];
    case 'feedback':
      return perLeg((legId) => ({ type, legId, result: '已处置', photos: ['p'] }));
    case 'check':
      return [
        { type, outcome: 'pass' },
        { type, outcome: 'fail', note: '未清理干净' },
      ];
    case 'evaluate':
      return [{ type, rating: 4, comment: '处理及时' }];
    case 'takeover':
      return [{ type }];
    case 'supervise':
      return perLeg((legId) => ({ type, legId }));
    case 'callback':
      return [
        { type, outcome: 'satisfied' },
        { type, outcome: 'unsatisfied', reopen: true },
      ];
  }
}

describe('case state machine: who may do what at each stage', () => {
  for (const [fixture, snapshot] of Object.entries(FIXTURES) as Array<[FixtureName, CaseSnapshot]>) {
    describe(`${fixture} (${snapshot.status}, owned at ${snapshot.handlingLevel})`, () => {
      it('is a valid snapshot', () => {
        expect(CaseSnapshot.safeParse(snapshot).success).toBe(true);
      });

      for (const actor of Object.keys(ACTORS) as ActorName[]) {
        it(`offers ${actor} exactly the expected moves, and applyMove agrees`, () => {
          const expected = EXPECTED[fixture][actor] ?? [];
          const offered = allowedMoves(snapshot, ACTORS[actor]);
          expect([...offered].sort()).toEqual([...expected].sort());
          for (const type of CASE_MOVE_TYPES) {
            const outcomes = candidates(snapshot, type).map((move) => applyMove(snapshot, move, ACTORS[actor], NOW));
            const acceptedSome = outcomes.some((o) => o.ok);
            expect(acceptedSome, `${type}: accepted by applyMove vs offered`).toBe(offered.includes(type));
            if (!offered.includes(type)) {
              // A refused move is refused for a reason a user can act on, never as malformed input.
              for (const o of outcomes)
                if (!o.ok) expect(['forbidden', 'invalid_transition', 'validation_failed']).toContain(o.code);
            }
          }
        });
      }
    });
  }

  it('refuses uninvolved townships, other grids, wall operators and admins everything', () => {
    const uninvolved = Object.values(FIXTURES).filter((s) => !s.legs.some((l) => l.unitCode.startsWith(T2)));
    for (const snapshot of uninvolved) {
      for (const actor of ['t2', 'wall', 'admin', 'gwB'] as const) {
        for (const type of CASE_MOVE_TYPES) {
          for (const move of candidates(snapshot, type)) {
            const outcome = applyMove(snapshot, move, ACTORS[actor], NOW);
            expect(outcome.ok).toBe(false);
          }
        }
      }
    }
    const other = applyMove(FIXTURES.reported, { type: 'file' }, ACTORS.t2, NOW);
    expect(other).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('says a move is impossible in this status before saying whose it is', () => {
    const outcome = applyMove(
      FIXTURES.closed,
      { type: 'dispatch', lead: { unitCode: T1, dueAt: NOW + DAY } },
      ACTORS.county,
      NOW,
    );
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(outcome.ok || outcome.message).toBe('a closed case does not allow dispatch'); // English fallback; the UI words it by code
  });

  it('bumps the version by one and writes one history row per accepted move', () => {
    const s = FIXTURES.reported;
    const outcome = applyMove(s, { type: 'file', note: '核实属实' }, ACTORS.t1, NOW);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.next.version).toBe(s.version + 1);
    expect(outcome.history).toEqual({
      caseId: 'C1',
      version: 1,
      at: NOW,
      actor: { userId: 'u-t1', role: 'township_director', orgUnitCode: T1 },
      move: 'file',
      from: 'reported',
      to: 'filed',
      unitCode: T1,
      note: '核实属实',
    });
    expect(CaseHistoryEntry.parse(outcome.history)).toEqual(outcome.history);
    expect(CaseSnapshot.parse(outcome.next)).toEqual(outcome.next);
    expect(s.status).toBe('reported'); // the input snapshot is never mutated
  });

  it('refuses malformed moves as validation_failed with the field', () => {
    const s = FIXTURES.inProgressCounty;
    expect(applyMove(s, { type: 'fly' }, ACTORS.county, NOW)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(applyMove(s, { type: 'return', legId: s.legs[0]!.id, reason: '  ' }, ACTORS.t1, NOW)).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'reason',
    });
    expect(applyMove(s, { type: 'sign', legId: 'nope' }, ACTORS.t1, NOW)).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'legId',
    });
    expect(applyMove(FIXTURES.closed, { type: 'evaluate', rating: 6 }, ACTORS.county, NOW)).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'rating',
    });
    expect(applyMove(FIXTURES.reported, { type: 'merge', intoCaseId: 'C1' }, ACTORS.county, NOW)).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
  });
});
