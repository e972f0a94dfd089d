/** Fixtures shared by the KPI view-model, chart and CSV tests: Beijing instants, case facts, a sample report. */
import { computeKpis, type CaseFacts, type KpiReport } from '../../common/kpi.js';
import { type ChartLabels } from '../../renderer/src/kpi/kpi-charts.js';

export const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
export const HOUR = 3_600_000;
export const T1 = '431099001';
export const T2 = '431099002';
export const T1_GRID = '431099001001001';
export const T1_VILLAGE = '431099001002';
export const T2_GRID = '431099002201001';

let seq = 0;
export function fact(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const reportedAt = bj('2024-03-05 09:00');
  return {
    id: `F${++seq}`,
    status: 'closed',
    grade: 'routine',
    source: 'grid_worker',
    categoryCode: '0201',
    gridCode: T1_GRID,
    handlingLevel: 'township',
    unitCode: T1,
    reportedAt,
    filedAt: reportedAt + HOUR,
    closedAt: reportedAt + 10 * HOUR,
    dueAt: reportedAt + 24 * HOUR,
    reworkCount: 0,
    supervisionCount: 0,
    rating: null,
    ...overrides,
  };
}

export const MARCH_APRIL = { from: bj('2024-03-01 00:00'), to: bj('2024-05-01 00:00'), asOf: bj('2024-05-10 12:00') };

/** A small county: grid-level cases in two townships, township cases, a department's, one open and late. */
export function sampleReport(): KpiReport {
  const facts: CaseFacts[] = [
    ...Array.from({ length: 6 }, () => fact({ handlingLevel: 'grid', unitCode: T1_GRID, rating: 5 })),
    ...Array.from({ length: 4 }, () => fact({ handlingLevel: 'grid', unitCode: T1_VILLAGE, rating: 3 })),
    ...Array.from({ length: 5 }, () => fact({ unitCode: T1, closedAt: bj('2024-03-08 09:00') })),
    fact({ status: 'in_progress', unitCode: T1, closedAt: null, dueAt: bj('2024-03-06 09:00') }),
    fact({ unitCode: T1, reworkCount: 1, supervisionCount: 2 }),
    ...Array.from({ length: 3 }, () =>
      fact({
        gridCode: T2_GRID,
        unitCode: T2,
        source: 'public',
        reportedAt: bj('2024-04-02 10:00'),
        filedAt: bj('2024-04-02 11:00'),
        closedAt: bj('2024-04-02 20:00'),
        dueAt: bj('2024-04-03 10:00'),
      }),
    ),
    fact({ gridCode: T2_GRID, unitCode: 'dept:gongan', grade: 'serious', categoryCode: '0103', rating: 4 }),
    fact({ gridCode: T2_GRID, unitCode: '431099', grade: 'general', source: 'hotline', categoryCode: '0404' }),
  ];
  return computeKpis(facts, MARCH_APRIL);
}

export const CHART_LABELS: ChartLabels = {
  received: '受理',
  closed: '结案',
  onTimeRate: '按期结案率',
  closureRate: '结案率',
  share: '占比',
  cases: (n) => `${n} 件`,
};
