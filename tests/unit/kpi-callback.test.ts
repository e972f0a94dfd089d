/**
 * 回访率 and 满意率 (common/kpi.ts): over closed public/hotline cases of the period, and summed again by the KPI view's
 * roll-up with the same formulas.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../common/kpi.js';
import { rollUpUnits, sumFigures } from '../../renderer/src/kpi/kpi-view-model.js';
import { HOUR, MARCH_APRIL, T1, T2, T2_GRID, bj, fact } from './kpi-fixtures.js';

const facts = [
  fact({ source: 'hotline', callback: 'satisfied' }),
  fact({ source: 'hotline', callback: 'satisfied' }),
  fact({ source: 'public', callback: 'unsatisfied' }),
  fact({ source: 'public', callback: 'unreachable' }),
  // Closed without any call-back: owed but not made.
  fact({ source: 'hotline', callback: null }),
  // Grid workers' reports owe none, whatever is recorded.
  fact({ source: 'grid_worker', callback: null }),
  // Still open (being called back): not yet owed.
  fact({ source: 'hotline', status: 'checking', closedAt: null, callback: 'satisfied' }),
  // Another township.
  fact({ source: 'hotline', gridCode: T2_GRID, unitCode: T2, callback: 'unsatisfied' }),
  // Outside the period.
  fact({ source: 'hotline', reportedAt: bj('2024-06-01 09:00'), closedAt: bj('2024-06-01 09:00') + HOUR }),
];

describe('call-back KPIs', () => {
  it('counts the call-back rate over closed public/hotline cases and satisfaction over calls that reached', () => {
    const { summary } = computeKpis(facts, MARCH_APRIL);
    expect(summary).toMatchObject({ callbackDue: 6, calledBack: 5, callbackReached: 4, callbackSatisfied: 2 });
    expect(summary.callbackRate).toEqual({ value: 5 / 6, numerator: 5, denominator: 6, smallSample: true });
    expect(summary.satisfactionRate).toEqual({ value: 0.5, numerator: 2, denominator: 4, smallSample: true });
  });

  it('cuts by township and sums back to the same figures in the KPI view', () => {
    const report = computeKpis(facts, MARCH_APRIL);
    const t1 = computeKpis(facts, { ...MARCH_APRIL, orgUnit: T1 }).summary;
    expect(t1.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3 });
    const rows = rollUpUnits(report.byUnit);
    expect(rows.find((r) => r.key === T1)?.callbackRate).toMatchObject({ numerator: 4, denominator: 5 });
    const all = sumFigures(report.byUnit);
    expect(all.callbackRate).toEqual(report.summary.callbackRate);
    expect(all.satisfactionRate).toEqual(report.summary.satisfactionRate);
  });
});
