/**
 * How a dispute (矛盾纠纷, major category 04) ended — the seed's Table 2. Recorded on the case when it is handled
 * (feedback, on-the-spot handling) or checked, and carried by the old platform's NDJSON import.
 *
 * - `path` 化解途径: 人民调解 people's mediation, 行政调解 administrative mediation, 视频调解 video mediation,
 *   司法确认 judicial confirmation of a mediated agreement, 诉讼 litigation (the dispute went to court directly).
 * - `outcome` 结果: `mediated` (an agreement), `failed_litigation` (mediation failed, the parties went to court; also
 *   the only outcome of the litigation path), `withdrawn` (the party dropped the matter).
 *
 * Counting (the seed's Table 2 read this way, docs/glossary.md):
 * - litigation 诉讼 = every dispute that ended in court (`failed_litigation`); non-litigation 非诉讼 = the rest
 *   (mediated or withdrawn: settled outside court);
 * - judicial confirmations 司法确认 = mediated agreements confirmed by a court (path `judicial_confirmation`);
 * - mediation success rate 调解成功率 = mediated / (mediated + failed), over the mediation paths (withdrawn matters
 *   and direct litigation were never decided by a mediation).
 */
import { z } from 'zod';
import { Timestamp } from './time-range.js';
import { majorCodeOf } from './taxonomy.js';

export const DISPUTE_PATHS = [
  'people_mediation',
  'administrative_mediation',
  'video_mediation',
  'judicial_confirmation',
  'litigation',
] as const;
export const DisputePath = z.enum(DISPUTE_PATHS);
export type DisputePath = z.infer<typeof DisputePath>;

export const DISPUTE_RESULTS = ['mediated', 'failed_litigation', 'withdrawn'] as const;
export const DisputeResult = z.enum(DISPUTE_RESULTS);
export type DisputeResult = z.infer<typeof DisputeResult>;

/** The major category whose cases carry an outcome (矛盾纠纷调处). */
export const DISPUTE_MAJOR_CODE = '04';
export const isDisputeCategory = (categoryCode: string): boolean => majorCodeOf(categoryCode) === DISPUTE_MAJOR_CODE;

/** A path and an outcome that fit together: a court confirms only an agreement; a lawsuit always ends in court. */
function consistent(o: { path: DisputePath; outcome: DisputeResult }): boolean {
  if (o.path === 'judicial_confirmation') return o.outcome === 'mediated';
  if (o.path === 'litigation') return o.outcome === 'failed_litigation';
  return true;
}
const CONSISTENCY = {
  message: 'judicial confirmation needs a mediated outcome; litigation ends in court',
  path: ['outcome'],
};

/** What a move or an import line says about the outcome. */
export const DisputeOutcomeInput = z
  .strictObject({ path: DisputePath, outcome: DisputeResult })
  .refine(consistent, CONSISTENCY);
export type DisputeOutcomeInput = z.infer<typeof DisputeOutcomeInput>;

/** As the case snapshot keeps it: with the moment it was recorded. */
export const DisputeOutcome = z
  .strictObject({ path: DisputePath, outcome: DisputeResult, at: Timestamp })
  .refine(consistent, CONSISTENCY);
export type DisputeOutcome = z.infer<typeof DisputeOutcome>;

export const isLitigation = (o: { outcome: DisputeResult }): boolean => o.outcome === 'failed_litigation';
