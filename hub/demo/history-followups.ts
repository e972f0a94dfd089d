/**
 * What followed a case's closing in the demo history, as the old platform's export carries it:
 * - 回访: most closed public and hotline reports were called back before closing; some callers could not be reached
 *   (three attempts, then "cannot be reached"), a few were not satisfied. The KPIs' 回访率 and 满意率 count these.
 * - 逆向考核: the village or community a department's case happened in rated the department afterwards (1–5) for
 *   most such cases; each department has its own standing, so the roll-up by department is not flat.
 * - 重复上报: a few reports were the same matter reported again within the day (another caller, or the grid worker
 *   after a call), merged into the first one at the verifying desk.
 * Drawn from their own random streams (forked per year), so adding these leaves the rest of the history as it was.
 */
import type { ImportLine } from '../../common/case-api.js';
import { needsCallback, type CallbackOutcome } from '../../common/cases/callback.js';
import { DEPARTMENTS, isDepartmentCode } from '../../common/departments.js';
import { DEFAULT_CALLBACK_TRIES } from '../../common/desk-limits.js';
import { createRng, type Rng } from './rng.js';
import { DEMO_SEED } from './seed-demo.js';

/** Closed public/hotline cases called back at all (the rest were closed without, as happened in the old platform). */
export const CALLBACK_SHARE = 0.93;
/** Each attempt reaches the caller with this chance; after DEFAULT_CALLBACK_TRIES failures the caller is unreachable. */
export const REACHED_PER_TRY = 0.8;
/** Reached callers satisfied with how it was handled. */
export const SATISFIED_SHARE = 0.91;
/** Closed department cases the village/community rated. */
export const RATED_SHARE = 0.6;

/** Reports merged into an earlier one as duplicates, per valid event (part of the 1.5 % dropped at intake). */
export const MERGED_SHARE = 0.005;

const HOUR_MS = 3_600_000;
const DUPLICATE_SOURCES = ['public', 'hotline', 'grid_worker'] as const;
const DUPLICATE_WORDS = ['群众再次反映：', '又有群众来电：', '重复上报：'];
/** Scores 1–5 as villages give them: mostly 4 and 5. */
const SCORE_WEIGHTS = [0.03, 0.05, 0.12, 0.35, 0.45] as const;
const NOT_REACHED_NOTES = ['电话无人接听', '关机', '号码停机', '占线'];
const UNSATISFIED_NOTES = ['群众认为问题未彻底解决', '对处理时限不满意', '反映问题仍有反复'];
const LOW_SCORE_NOTES = ['反馈不及时', '处置不彻底', '现场未见人员到场'];

/** Each department's chance that a rating comes out one point lower: the same for every year of the demo. */
const DEPARTMENT_STANDING: ReadonlyMap<string, number> = (() => {
  const rng = createRng(DEMO_SEED).fork('department-standing');
  return new Map(DEPARTMENTS.map((d) => [d.code, rng.range(0, 0.45)]));
})();

/** The closed lines with their call-backs and department ratings added (others unchanged). */
export function withFollowUps(lines: readonly ImportLine[], rng: Rng, today: number): ImportLine[] {
  return lines.map((line) => {
    if (line.status !== 'closed' || line.closedAt === undefined) return line;
    const closedAt = Date.parse(line.closedAt);
    const reportedAt = Date.parse(line.reportedAt);
    let out = line;
    if (needsCallback(line.source) && rng.next() < CALLBACK_SHARE) {
      out = { ...out, callbacks: callbacks(rng, reportedAt, closedAt) };
    }
    if (line.handlingUnit !== undefined && isDepartmentCode(line.handlingUnit) && rng.next() < RATED_SHARE) {
      const at = Math.round(closedAt + rng.range(2, 72) * HOUR_MS);
      if (at < today) out = { ...out, departmentRating: rating(rng, line.handlingUnit, at) };
    }
    return out;
  });
}

/** One round of 回访 just before closing: attempts until one reaches the caller or the tries run out. */
function callbacks(rng: Rng, reportedAt: number, closedAt: number): NonNullable<ImportLine['callbacks']> {
  // Within the last day before closing (or the case's whole life, if shorter), in order, the last at most at closing.
  const from = closedAt - Math.min((closedAt - reportedAt) / 2, 24 * HOUR_MS);
  const outcomes: Array<{ outcome: CallbackOutcome; note?: string }> = [];
  for (let tries = 0; tries < DEFAULT_CALLBACK_TRIES; tries++) {
    if (rng.next() < REACHED_PER_TRY) {
      const satisfied = rng.next() < SATISFIED_SHARE;
      outcomes.push(
        satisfied ? { outcome: 'satisfied' } : { outcome: 'unsatisfied', note: rng.pick(UNSATISFIED_NOTES) },
      );
      break;
    }
    outcomes.push({ outcome: 'not_reached', note: rng.pick(NOT_REACHED_NOTES) });
  }
  const step = (closedAt - from) / outcomes.length;
  return outcomes.map((o, i) => ({
    ...o,
    at: new Date(Math.round(from + step * (i + rng.range(0.2, 1)))).toISOString(),
  }));
}

function rating(rng: Rng, department: string, at: number): NonNullable<ImportLine['departmentRating']> {
  let x = rng.next();
  let score = 1;
  for (const w of SCORE_WEIGHTS) {
    if ((x -= w) < 0) break;
    score += 1;
  }
  score = Math.min(5, score);
  if (rng.next() < (DEPARTMENT_STANDING.get(department) ?? 0)) score = Math.max(1, score - 1);
  return {
    at: new Date(at).toISOString(),
    score,
    ...(score <= 2 ? { note: rng.pick(LOW_SCORE_NOTES) } : {}),
  };
}

/**
 * `count` duplicates of this year's cases: each the same matter at the same place, reported again 10 minutes to a
 * day after the first report (and before today), merged into it.
 */
export function mergedDuplicates(
  lines: readonly ImportLine[],
  rng: Rng,
  count: number,
  externalId: () => string,
  today: number,
): ImportLine[] {
  const candidates = lines.filter((l) => l.status !== 'void' && Date.parse(l.reportedAt) + 2 * HOUR_MS < today);
  return rng
    .shuffled(candidates)
    .slice(0, count)
    .map((first): ImportLine => {
      const at = Math.min(Date.parse(first.reportedAt) + rng.range(0.2, 24) * HOUR_MS, today - 60_000);
      return {
        externalId: externalId(),
        source: rng.pick(DUPLICATE_SOURCES),
        ...(first.categoryCode !== undefined ? { categoryCode: first.categoryCode } : {}),
        grade: first.grade,
        location: first.location,
        description: `${rng.pick(DUPLICATE_WORDS)}${first.description}`,
        status: 'merged',
        reportedAt: new Date(Math.round(at)).toISOString(),
        mergedInto: first.externalId,
      };
    });
}
