/**
 * Dispute outcomes (common/dispute-outcomes.ts, dispute-kpi.ts): the moves that record them and the rules they
 * follow, the Table 2 counting, and the demo history's exact Table 2 allocation (hub/demo/dispute-history.ts).
 */
import { describe, expect, it } from 'vitest';
import { applyMove } from '../../common/case-machine.js';
import { computeDisputeKpis, type DisputeFact } from '../../common/dispute-kpi.js';
import { DisputeOutcomeInput } from '../../common/dispute-outcomes.js';
import { disputeOutcomes, TABLE2, TABLE2_YEARS } from '../../hub/demo/dispute-history.js';
import { createRng } from '../../hub/demo/rng.js';
import { ACTORS, FIXTURES, legOf, must, reportedCase, T0, T1, HOUR, DAY } from './case-fixtures.js';

/** A 邻里纠纷 case (0404) in progress at township 1. */
function disputeInProgress() {
  const filed = must(reportedCase({ categoryCode: '0404' }), 'county', { type: 'file' });
  const dispatched = must(filed, 'county', { type: 'dispatch', lead: { unitCode: T1, dueAt: T0 + 3 * DAY } });
  return must(dispatched, 't1', { type: 'sign', legId: legOf(dispatched, T1).id });
}

describe('recording how a dispute ended', () => {
  it('is recorded by the lead’s feedback and kept when the check closes the case', () => {
    const s = disputeInProgress();
    const fed = must(s, 't1', {
      type: 'feedback',
      legId: legOf(s, T1).id,
      result: '双方达成调解协议',
      photos: [],
      disputeOutcome: { path: 'people_mediation', outcome: 'mediated' },
    });
    expect(fed.disputeOutcome).toEqual({ path: 'people_mediation', outcome: 'mediated', at: T0 + HOUR });
    const closed = must(fed, 'county', { type: 'check', outcome: 'pass' }, T0 + 2 * HOUR);
    expect(closed.status).toBe('closed');
    expect(closed.disputeOutcome?.path).toBe('people_mediation');
  });

  it('may be corrected by the check that closes the case', () => {
    const s = disputeInProgress();
    const fed = must(s, 't1', { type: 'feedback', legId: legOf(s, T1).id, result: '调解', photos: [] });
    const closed = must(fed, 'county', {
      type: 'check',
      outcome: 'pass',
      disputeOutcome: { path: 'judicial_confirmation', outcome: 'mediated' },
    });
    expect(closed.disputeOutcome).toMatchObject({ path: 'judicial_confirmation', outcome: 'mediated' });
  });

  it('is refused on a case that is not a dispute, on a failed check, and when path and outcome do not fit', () => {
    const notDispute = FIXTURES.inProgressCounty;
    const refused = applyMove(
      notDispute,
      {
        type: 'feedback',
        legId: legOf(notDispute, T1).id,
        result: '已清运',
        photos: [],
        disputeOutcome: { path: 'people_mediation', outcome: 'mediated' },
      },
      ACTORS.t1,
      T0 + HOUR,
    );
    expect(refused).toMatchObject({ ok: false, code: 'validation_failed', field: 'disputeOutcome' });

    const s = disputeInProgress();
    const fed = must(s, 't1', { type: 'feedback', legId: legOf(s, T1).id, result: '调解', photos: [] });
    const rework = applyMove(
      fed,
      {
        type: 'check',
        outcome: 'fail',
        note: '未调解',
        disputeOutcome: { path: 'litigation', outcome: 'failed_litigation' },
      },
      ACTORS.county,
      T0 + 2 * HOUR,
    );
    expect(rework).toMatchObject({ ok: false, code: 'validation_failed' });

    expect(DisputeOutcomeInput.safeParse({ path: 'judicial_confirmation', outcome: 'withdrawn' }).success).toBe(false);
    expect(DisputeOutcomeInput.safeParse({ path: 'litigation', outcome: 'mediated' }).success).toBe(false);
    expect(DisputeOutcomeInput.safeParse({ path: 'video_mediation', outcome: 'withdrawn' }).success).toBe(true);
  });
});

describe('counting Table 2', () => {
  const at = (year: number) => Date.parse(`${year}-06-01T10:00:00+08:00`);
  it('splits non-litigation from litigation by year and judges mediation over decided mediations only', () => {
    const facts: DisputeFact[] = [
      { reportedAt: at(2018), path: 'people_mediation', outcome: 'mediated' },
      { reportedAt: at(2018), path: 'judicial_confirmation', outcome: 'mediated' },
      { reportedAt: at(2018), path: 'administrative_mediation', outcome: 'withdrawn' },
      { reportedAt: at(2018), path: 'video_mediation', outcome: 'failed_litigation' },
      { reportedAt: at(2019), path: 'litigation', outcome: 'failed_litigation' },
    ];
    const k = computeDisputeKpis(facts);
    expect(k.total).toBe(5);
    expect(k.nonLitigation).toMatchObject({ numerator: 3, denominator: 5 });
    expect(k.litigation).toMatchObject({ numerator: 2, denominator: 5 });
    expect(k.judicialConfirmations).toBe(1);
    // 2 mediated of 3 decided mediations: the withdrawal and the direct lawsuit are not mediations that failed.
    expect(k.mediationSuccess).toMatchObject({ numerator: 2, denominator: 3, smallSample: true });
    expect(k.byYear.map((y) => [y.year, y.nonLitigation, y.litigation])).toEqual([
      [2018, 3, 1],
      [2019, 0, 1],
    ]);
  });

  it('the demo history’s allocation gives exactly the seed’s figures', () => {
    const facts = TABLE2_YEARS.flatMap((year) =>
      disputeOutcomes(year, TABLE2[year]!, createRng(year)).map((o) => ({ ...o, reportedAt: at(year) })),
    );
    const k = computeDisputeKpis(facts);
    expect(k.byYear.map((y) => [y.nonLitigation, y.litigation])).toEqual([
      [1_882, 2_426],
      [2_112, 2_059],
      [2_583, 3_108],
      [2_644, 3_930],
      [2_802, 3_947],
    ]);
    expect(k.total).toBe(27_493);
    expect((k.nonLitigation.value! * 100).toFixed(2)).toBe('43.73');
    expect((k.litigation.value! * 100).toFixed(2)).toBe('56.27');
    expect(k.judicialConfirmations).toBe(423);
    expect((k.mediationSuccess.value! * 100).toFixed(2)).toBe('80.77');
  });
});
