/**
 * The KPI view's pure model: Beijing periods, how rates and durations read, and the per-unit roll-up to townships
 * and departments (consistent with common/kpi.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  beijingDate,
  customPeriod,
  formatCount,
  formatFraction,
  formatRate,
  formatRating,
  HISTORY_PERIOD,
  lastDayOf,
  monthsOf,
  periodOfReport,
  presetPeriod,
  ratePercent,
  rollUpKey,
  rollUpUnits,
  smallSampleRates,
  splitDuration,
  sumFigures,
  unitSortValue,
  type UnitRow,
} from '../../renderer/src/kpi/kpi-view-model.js';
import { bj, T1, T2, T1_GRID, T1_VILLAGE, sampleReport } from './kpi-fixtures.js';

describe('periods on Beijing dates', () => {
  // 00:30 on 1 February in Beijing is still 31 January in UTC: the Beijing month counts.
  const now = bj('2026-02-01 00:30');

  it('names the Beijing date of an instant', () => {
    expect(beijingDate(now)).toBe('2026-02-01');
    expect(beijingDate(bj('2026-01-31 23:59'))).toBe('2026-01-31');
  });

  it('computes the presets with an exclusive end', () => {
    expect(presetPeriod('thisMonth', now)).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(presetPeriod('lastMonth', now)).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(presetPeriod('thisYear', now)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(presetPeriod('history', now)).toEqual({ from: '2017-01-01', to: '2021-01-01' });
    // Last month from January is December of the year before; this month in December ends on 1 January.
    expect(presetPeriod('lastMonth', bj('2026-01-15 12:00'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(presetPeriod('thisMonth', bj('2025-12-31 23:00'))).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('takes a custom range as first and last day, in either order', () => {
    expect(customPeriod('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(customPeriod('2024-02-29', '2024-02-01')).toEqual({ from: '2024-02-01', to: '2024-03-01' });
    expect(customPeriod('2024-05-05', '2024-05-05')).toEqual({ from: '2024-05-05', to: '2024-05-06' });
    expect(lastDayOf({ from: '2024-02-01', to: '2024-03-01' })).toBe('2024-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(() => addDays('31/12/2020', 1)).toThrow(RangeError);
  });

  it('lists every month of the period', () => {
    const history = monthsOf(HISTORY_PERIOD);
    expect(history).toHaveLength(48);
    expect(history[0]).toBe('2017-01');
    expect(history.at(-1)).toBe('2020-12');
    expect(monthsOf({ from: '2026-11-01', to: '2026-12-01' })).toEqual(['2026-11']);
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsOf(HISTORY_PERIOD, 12)).toHaveLength(12);
  });

  it('reads the period back from a report (the hub echoes UTC instants)', () => {
    expect(periodOfReport({ from: '2016-12-31T16:00:00.000Z', to: '2020-12-31T16:00:00.000Z' })).toEqual(
      HISTORY_PERIOD,
    );
  });
});

describe('figures as people read them', () => {
  it('formats rates with one decimal, never rounding up to 100 % or down to 0 %', () => {
    expect(formatRate({ value: 83_880 / 84_200, numerator: 83_880, denominator: 84_200 })).toBe('99.6%');
    expect(formatRate({ value: 1, numerator: 5, denominator: 5 })).toBe('100.0%');
    expect(formatRate({ value: 0, numerator: 0, denominator: 5 })).toBe('0.0%');
    expect(formatRate({ value: 83_999 / 84_000, numerator: 83_999, denominator: 84_000 })).toBe('>99.9%');
    expect(formatRate({ value: 1 / 10_000, numerator: 1, denominator: 10_000 })).toBe('<0.1%');
    expect(formatRate({ value: null, numerator: 0, denominator: 0 })).toBe('—');
    expect(formatRate({ value: 0.9739, numerator: 9739, denominator: 10_000 })).toBe('97.4%');
  });

  it('formats counts and fractions with thousands separators', () => {
    expect(formatCount(84_200)).toBe('84,200');
    expect(formatCount(84_200, 'en')).toBe('84,200');
    expect(formatFraction({ numerator: 83_880, denominator: 84_200 })).toBe('83,880 / 84,200');
  });

  it('gives the percentage a chart plots', () => {
    expect(ratePercent({ value: 0.93768 })).toBe(93.8);
    expect(ratePercent({ value: null })).toBeNull();
    expect(ratePercent(undefined)).toBeNull();
  });

  it('splits handling time into minutes, hours or days and hours', () => {
    expect(splitDuration(0.5)).toEqual({ unit: 'minutes', minutes: 30 });
    expect(splitDuration(5.24)).toEqual({ unit: 'hours', hours: 5.2 });
    expect(splitDuration(47.97)).toEqual({ unit: 'days', days: 2, hours: 0 });
    expect(splitDuration(78.474)).toEqual({ unit: 'days', days: 3, hours: 6 });
    expect(splitDuration(71.6)).toEqual({ unit: 'days', days: 3, hours: 0 });
    expect(splitDuration(-1)).toEqual({ unit: 'minutes', minutes: 0 });
  });

  it('formats the mean rating', () => {
    expect(formatRating(4.26)).toBe('4.3');
    expect(formatRating(null)).toBe('—');
  });
});

describe('the per-unit table', () => {
  it('rolls grids and villages into their township, keeps the county centre and departments apart', () => {
    expect(rollUpKey(T1_GRID)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey(T1_VILLAGE)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey(T1)).toEqual({ key: T1, kind: 'township' });
    expect(rollUpKey('431099')).toEqual({ key: '431099', kind: 'county' });
    expect(rollUpKey('dept:gongan')).toEqual({ key: 'dept:gongan', kind: 'department' });
    expect(rollUpKey('dept:unknown')).toEqual({ key: 'dept:unknown', kind: 'other' });
  });

  it('adds up to the report and orders townships, the county centre, then departments', () => {
    const report = sampleReport();
    const rows = rollUpUnits(report.byUnit);
    expect(rows.map((r) => [r.key, r.kind])).toEqual([
      [T1, 'township'],
      [T2, 'township'],
      ['431099', 'county'],
      ['dept:gongan', 'department'],
    ]);
    const t1 = rows[0]!;
    expect(t1.received).toBe(17);
    expect(t1.closed).toBe(16);
    expect(t1.openOverdue).toBe(1);
    expect(t1.closedAtGridLevel).toBe(10);
    expect(t1.closureRate).toEqual({ value: 16 / 17, numerator: 16, denominator: 17, smallSample: true });
    expect(t1.gridLevelShare).toMatchObject({ numerator: 10, denominator: 16 });
    expect(t1.supervisionCount).toBe(2);
    // Ratings of the grid (5) and the village (3), weighted by their closed cases (6 and 4): 4.2, approximately.
    expect(t1.avgRating).toBeCloseTo(4.2, 10);
    expect(t1.ratingApprox).toBe(true);
    expect(rows[3]!.avgRating).toBe(4);
    expect(rows[3]!.ratingApprox).toBe(false);

    for (const k of ['received', 'filed', 'closed', 'openOverdue', 'closedOnTime', 'supervisionCount'] as const)
      expect(rows.reduce((n, r) => n + r[k], 0)).toBe(report.summary[k]);
    const all = sumFigures(report.byUnit);
    expect(all.closureRate).toEqual(report.summary.closureRate);
    expect(all.onTimeRate).toEqual(report.summary.onTimeRate);
    expect(all.reworkRate).toEqual(report.summary.reworkRate);
    expect(all.gridLevelShare).toEqual(report.summary.gridLevelShare);
    expect(all.avgHandlingHours).toBeCloseTo(report.summary.avgHandlingHours!, 10);
  });

  it('recomputes exactly what common/kpi.ts computes for one group', () => {
    const report = sampleReport();
    for (const group of report.byUnit) {
      const { key: _key, ...figures } = group;
      const { ratingApprox, ...sum } = sumFigures([group]);
      expect(ratingApprox).toBe(false);
      if (figures.avgHandlingHours === null) expect(sum.avgHandlingHours).toBeNull();
      else expect(sum.avgHandlingHours).toBeCloseTo(figures.avgHandlingHours, 10);
      expect({ ...sum, avgHandlingHours: 0 }).toEqual({ ...figures, avgHandlingHours: 0 });
    }
  });

  it('lists the rates resting on fewer than 20 cases', () => {
    const [t1] = rollUpUnits(sampleReport().byUnit);
    expect(smallSampleRates(t1!)).toEqual(['closureRate', 'onTimeRate', 'reworkRate', 'gridLevelShare']);
  });

  it('sorts rates and means without a value below every real value', () => {
    const report = sampleReport();
    const [t1, , county] = rollUpUnits(report.byUnit) as [UnitRow, UnitRow, UnitRow];
    expect(unitSortValue(t1, 'closureRate')).toBeCloseTo(16 / 17);
    expect(unitSortValue(county, 'avgRating')).toBe(-1);
    expect(unitSortValue(t1, 'received')).toBe(17);
  });
});
