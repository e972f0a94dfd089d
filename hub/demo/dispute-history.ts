/**
 * How the demo county's disputes ended — the seed's Table 2 (2015–2019), reproduced exactly, and the same shares
 * carried on for every later year. Counting rules in common/dispute-outcomes.ts.
 *
 * Table 2 gives, per year, the disputes settled outside court (non-litigation) and those that went to court
 * (litigation): 27,493 in all, 43.73 % / 56.27 %, 423 judicial confirmations, mediation success 80.77 %. It does not
 * say how many matters were withdrawn or how many lawsuits followed a failed mediation; these are read here as:
 * - withdrawn: 1.5 % of the non-litigation matters (the rest were mediated);
 * - failed mediations: as many as make mediated / (mediated + failed) = 80.77 %; the rest of the litigation went to
 *   court directly.
 */
import type { DisputeOutcomeInput, DisputePath } from '../../common/dispute-outcomes.js';
import type { Rng } from './rng.js';

export interface DisputeYearTarget {
  readonly nonLitigation: number;
  readonly litigation: number;
  readonly judicialConfirmations: number;
}

/** Table 2 of the seed, with the 423 judicial confirmations spread over the years as the caseload grew. */
export const TABLE2: Readonly<Record<number, DisputeYearTarget>> = {
  2015: { nonLitigation: 1_882, litigation: 2_426, judicialConfirmations: 62 },
  2016: { nonLitigation: 2_112, litigation: 2_059, judicialConfirmations: 71 },
  2017: { nonLitigation: 2_583, litigation: 3_108, judicialConfirmations: 89 },
  2018: { nonLitigation: 2_644, litigation: 3_930, judicialConfirmations: 96 },
  2019: { nonLitigation: 2_802, litigation: 3_947, judicialConfirmations: 105 },
};
export const TABLE2_YEARS = [2015, 2016, 2017, 2018, 2019] as const;

export const MEDIATION_SUCCESS = 0.8077;
const WITHDRAWN_SHARE = 0.015;
const NON_LITIGATION_SHARE = 12_023 / 27_493;
const JUDICIAL_CONFIRMATION_SHARE = 423 / 27_493;
/** Video mediation (视频调解) rooms opened in the townships in 2018. */
const VIDEO_MEDIATION_FROM = 2018;

/** The Table 2 figures of a year, or the same shares applied to `total` disputes for any other year. */
export function disputeTarget(year: number, total: number): DisputeYearTarget {
  const table = TABLE2[year];
  if (table) return table;
  const nonLitigation = Math.round(total * NON_LITIGATION_SHARE);
  return {
    nonLitigation,
    litigation: total - nonLitigation,
    judicialConfirmations: Math.round(total * JUDICIAL_CONFIRMATION_SHARE),
  };
}

/** Exactly the target's counts, one outcome per closed dispute, in random order. */
export function disputeOutcomes(year: number, target: DisputeYearTarget, rng: Rng): DisputeOutcomeInput[] {
  const withdrawn = Math.round(target.nonLitigation * WITHDRAWN_SHARE);
  const mediated = target.nonLitigation - withdrawn;
  const failed = Math.min(target.litigation, Math.round((mediated * (1 - MEDIATION_SUCCESS)) / MEDIATION_SUCCESS));
  const mediationPath = (): DisputePath => {
    const x = rng.next();
    if (year >= VIDEO_MEDIATION_FROM && x < 0.13) return 'video_mediation';
    return x < 0.74 ? 'people_mediation' : 'administrative_mediation';
  };
  const out: DisputeOutcomeInput[] = [];
  for (let i = 0; i < mediated; i++) {
    out.push({
      path: i < target.judicialConfirmations ? 'judicial_confirmation' : mediationPath(),
      outcome: 'mediated',
    });
  }
  for (let i = 0; i < withdrawn; i++) out.push({ path: mediationPath(), outcome: 'withdrawn' });
  for (let i = 0; i < failed; i++) out.push({ path: mediationPath(), outcome: 'failed_litigation' });
  for (let i = 0; i < target.litigation - failed; i++) out.push({ path: 'litigation', outcome: 'failed_litigation' });
  return rng.shuffled(out);
}
