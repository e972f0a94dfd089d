/**
 * The dispute-outcome KPIs (DisputeKpis in kpi.ts) from one row per dispute with an outcome — the hub feeds its
 * case_dispute_outcomes rows, tests hand-made ones. Counting rules in dispute-outcomes.ts.
 */
import { DISPUTE_PATHS, isLitigation, type DisputePath, type DisputeResult } from './dispute-outcomes.js';
import { rate, type DisputeKpis, type DisputeYear } from './kpi.js';
import { localMonth } from './work-calendar.js';

export interface DisputeFact {
  readonly reportedAt: number;
  readonly path: DisputePath;
  readonly outcome: DisputeResult;
}

class DisputeTally {
  total = 0;
  litigation = 0;
  judicialConfirmations = 0;
  mediated = 0;
  mediationFailed = 0;
  readonly byPath = new Map<DisputePath, number>(DISPUTE_PATHS.map((p) => [p, 0]));

  add(f: DisputeFact): void {
    this.total++;
    this.byPath.set(f.path, this.byPath.get(f.path)! + 1);
    if (isLitigation(f)) this.litigation++;
    if (f.path === 'judicial_confirmation') this.judicialConfirmations++;
    // Success is judged over the mediations that were decided: a lawsuit filed directly was never mediated.
    if (f.outcome === 'mediated') this.mediated++;
    else if (f.outcome === 'failed_litigation' && f.path !== 'litigation') this.mediationFailed++;
  }

  get nonLitigation(): number {
    return this.total - this.litigation;
  }
  get mediationSuccess() {
    return rate(this.mediated, this.mediated + this.mediationFailed);
  }
}

export function computeDisputeKpis(facts: Iterable<DisputeFact>): DisputeKpis {
  const all = new DisputeTally();
  const years = new Map<number, DisputeTally>();
  for (const f of facts) {
    all.add(f);
    const year = Number(localMonth(f.reportedAt).slice(0, 4));
    let tally = years.get(year);
    if (!tally) years.set(year, (tally = new DisputeTally()));
    tally.add(f);
  }
  const byYear = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, t]): DisputeYear => ({
      year,
      total: t.total,
      nonLitigation: t.nonLitigation,
      litigation: t.litigation,
      judicialConfirmations: t.judicialConfirmations,
      mediationSuccess: t.mediationSuccess,
    }));
  return {
    total: all.total,
    nonLitigation: rate(all.nonLitigation, all.total),
    litigation: rate(all.litigation, all.total),
    judicialConfirmations: all.judicialConfirmations,
    mediationSuccess: all.mediationSuccess,
    byPath: DISPUTE_PATHS.map((path) => ({ path, count: all.byPath.get(path)! })),
    byYear,
  };
}
