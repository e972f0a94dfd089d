/**
 * The KPI formulas on hand-made cases: what a county statistician would recompute by hand from a list of cases.
 */
import { describe, expect, it } from 'vitest';
import { KpiReport, caseFactsOf, computeKpis, rate, type CaseFacts } from '../../common/kpi.js';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { FIXTURES, GRID, T1, legOf, must } from './case-fixtures.js';

const cal = buildWorkCalendar(packageCalendarYears());
const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const HOUR = 3_600_000;
const MARCH = { from: bj('2024-03-01 00:00'), to: bj('2024-04-01 00:00'), asOf: bj('2024-04-10 12:00') };
const T2_GRID = '431099002001001';

let seq = 0;
/** A case reported on 5 March, filed an hour later, due on the 8th; closed on the 7th unless told otherwise. */
function fact(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const reportedAt = bj('2024-03-05 09:00');
  return {
    id: `F${++seq}`,
    status: 'closed',
    grade: 'routine',
    source: 'grid_worker',
    categoryCode: '0201',
    gridCode: GRID,
    handlingLevel: 'township',
    unitCode: T1,
    reportedAt,
    filedAt: reportedAt + HOUR,
    closedAt: bj('2024-03-07 10:00'),
    dueAt: bj('2024-03-08 09:00'),
    reworkCount: 0,
    supervisionCount: 0,
    rating: null,
    ...overrides,
  };
}
const times = (n: number, make: () => CaseFacts) => Array.from({ length: n }, make);
const lateClosed = () => fact({ closedAt: bj('2024-03-12 10:00') });
const openOverdue = () => fact({ status: 'in_progress', closedAt: null });
const openNotDue = () => fact({ status: 'in_progress', closedAt: null, dueAt: bj('2024-04-30 09:00') });

describe('closure and on-time rates', () => {
  const cases = [
    ...times(8, () => fact()),
    ...times(2, lateClosed),
    ...times(3, openOverdue),
    ...times(2, openNotDue),
    fact({ status: 'void', filedAt: null, closedAt: null }),
    fact({ status: 'merged', closedAt: null }),
    fact({ status: 'reported', filedAt: null, closedAt: null, dueAt: null }),
  ];
  const { summary } = computeKpis(cases, MARCH);

  it('counts what was received, filed and closed', () => {
    expect(summary).toMatchObject({
      received: 18,
      filed: 15,
      closed: 10,
      void: 1,
      merged: 1,
      openOverdue: 3,
      closedOnTime: 8,
    });
    expect(summary.closureRate).toEqual({ value: 10 / 15, numerator: 10, denominator: 15, smallSample: true });
  });

  it('counts open overdue cases against the on-time rate, so leaving late cases open cannot look better', () => {
    expect(summary.onTimeRate).toMatchObject({ value: 8 / 13, numerator: 8, denominator: 13 });
    const leftOpen = computeKpis(
      [...times(8, () => fact()), ...times(5, openOverdue), ...times(2, openNotDue)],
      MARCH,
    ).summary;
    expect(leftOpen.onTimeRate.value).toBe(summary.onTimeRate.value);
    expect(leftOpen.closureRate.value!).toBeLessThan(summary.closureRate.value!);
  });

  it('judges state as of the report time: a case closed after asOf is still open', () => {
    const closedLater = fact({ closedAt: bj('2024-04-20 10:00'), dueAt: bj('2024-04-05 09:00') });
    expect(computeKpis([closedLater], MARCH).summary).toMatchObject({ closed: 0, filed: 1, openOverdue: 1 });
  });

  it('treats imported closed cases without a filing time as filed', () => {
    expect(computeKpis([fact({ filedAt: null })], MARCH).summary).toMatchObject({ filed: 1, closed: 1 });
  });
});

describe('rework, grid-level share, supervision, handling time and ratings', () => {
  const cases = [
    fact({ reworkCount: 1 }),
    fact({ reworkCount: 2, status: 'in_progress', closedAt: null, dueAt: bj('2024-04-30 09:00') }),
    fact({ handlingLevel: 'grid', closedAt: bj('2024-03-05 11:00'), dueAt: null }),
    fact({ supervisionCount: 2, status: 'evaluated', rating: 3 }),
    fact({ status: 'evaluated', rating: 5, closedAt: bj('2024-03-06 09:00') }),
    fact({ status: 'dispatched', closedAt: null, dueAt: bj('2024-04-30 09:00') }), // never checked
  ];
  const { summary } = computeKpis(cases, MARCH);

  it('rates rework over cases checked (closed, or sent back at least once)', () => {
    expect(summary.checked).toBe(5);
    expect(summary.reworked).toBe(2);
    expect(summary.reworkRate.value).toBe(2 / 5);
  });

  it('shares closed cases resolved in the grid, sums supervisions, averages handling hours and ratings', () => {
    expect(summary.gridLevelShare).toMatchObject({ numerator: 1, denominator: 4 });
    expect(summary.supervisionCount).toBe(2);
    expect(summary.supervisedCases).toBe(1);
    // Reported 5 March 09:00: closed 7th 10:00 (49 h) ×2, 5th 11:00 (2 h), 6th 09:00 (24 h).
    expect(summary.avgHandlingHours).toBeCloseTo((49 + 2 + 49 + 24) / 4, 10);
    expect(summary.avgRating).toBe(4);
    // A closed case with no deadline counts as on time.
    expect(summary.closedOnTime).toBe(4);
  });
});

describe('small samples and empty denominators', () => {
  it('flags a rate computed on fewer than 20 cases, and gives null rather than 0 when there is nothing to rate', () => {
    expect(
      computeKpis(
        times(20, () => fact()),
        MARCH,
      ).summary.closureRate,
    ).toMatchObject({ value: 1, smallSample: false });
    expect(
      computeKpis(
        times(19, () => fact()),
        MARCH,
      ).summary.closureRate,
    ).toMatchObject({ value: 1, smallSample: true });
    const empty = computeKpis([], MARCH).summary;
    expect(empty.closureRate).toEqual({ value: null, numerator: 0, denominator: 0, smallSample: true });
    expect(empty.avgHandlingHours).toBeNull();
    expect(rate(3, 4)).toEqual({ value: 0.75, numerator: 3, denominator: 4, smallSample: true });
  });
});

describe('cuts and groups', () => {
  const cases = [
    fact({ grade: 'serious', source: 'hotline', categoryCode: '0501', unitCode: 'dept:yingji' }),
    fact({ grade: 'general', source: 'public', categoryCode: '0404' }),
    fact({ categoryCode: '0403', gridCode: T2_GRID, unitCode: '431099002' }),
    fact({ categoryCode: '0202', reportedAt: bj('2024-03-31 23:30') }), // still March in Beijing
    fact({ reportedAt: bj('2024-02-29 23:59') }), // outside the period
  ];

  it('takes the cases reported in the period, in the unit’s subtree or answered for by the department', () => {
    expect(computeKpis(cases, MARCH).summary.received).toBe(4);
    expect(computeKpis(cases, { ...MARCH, orgUnit: T1 }).summary.received).toBe(3);
    expect(computeKpis(cases, { ...MARCH, orgUnit: '431099002' }).summary.received).toBe(1);
    expect(computeKpis(cases, { ...MARCH, orgUnit: 'dept:yingji' }).summary.received).toBe(1);
  });

  it('groups by grade, source, major category, minor type, unit and local month', () => {
    const report = computeKpis(cases, MARCH);
    expect(report.byGrade.map((g) => [g.key, g.received])).toEqual([
      ['routine', 2],
      ['general', 1],
      ['serious', 1],
    ]);
    expect(report.bySource.map((g) => g.key)).toEqual([
      'grid_worker',
      'public',
      'video_patrol',
      'hotline',
      'department',
    ]);
    expect(report.sourceComposition.find((s) => s.source === 'grid_worker')?.share.value).toBe(0.5);
    expect(report.byCategory.map((g) => [g.key, g.received])).toEqual([
      ['02', 1],
      ['04', 2],
      ['05', 1],
    ]);
    expect(report.byType.map((g) => g.key)).toEqual(['0202', '0403', '0404', '0501']);
    expect(report.byUnit.map((g) => [g.key, g.received])).toEqual([
      ['431099001', 2],
      ['431099002', 1],
      ['dept:yingji', 1],
    ]);
    expect(report.byMonth.map((g) => g.key)).toEqual(['2024-03']);
  });

  it('produces a report that matches the API schema', () => {
    const report = computeKpis(cases, { ...MARCH, orgUnit: T1 });
    expect(KpiReport.parse(report)).toEqual(report);
    expect(report).toMatchObject({ from: '2024-02-29T16:00:00.000Z', orgUnit: T1 });
  });
});

describe('facts from a case snapshot', () => {
  it('takes the lead unit, the effective deadline and the rating', () => {
    const facts = caseFactsOf(FIXTURES.evaluated, FIXTURES.evaluated.closedAt!, cal);
    expect(facts).toMatchObject({ status: 'evaluated', unitCode: T1, rating: 5, handlingLevel: 'county' });
    expect(facts.dueAt).toBe(legOf(FIXTURES.evaluated, T1).dueAt);
  });

  it('never counts a case parked on an approved ledger as overdue', () => {
    const parked = must(FIXTURES.ledgerPending, 'county', { type: 'decide_ledger', decision: 'approve' });
    const muchLater = legOf(parked, T1).dueAt! + 30 * 24 * HOUR;
    const facts = caseFactsOf(parked, muchLater, cal);
    expect(facts.dueAt!).toBeGreaterThan(muchLater);
    expect(computeKpis([facts], { from: 0, to: muchLater, asOf: muchLater }).summary.openOverdue).toBe(0);
  });
});
