/**
 * Duplicate suggestions (疑似重复): open cases of the same minor category reported within `windowHours` of a case
 * and within `radiusM` metres of it (resources/desk-limits.json), that the caller's scope holds. Shown on the card
 * (a count) and side by side in the drawer of the centre that may merge them; merging itself is the case machine's
 * `merge` move, never done silently.
 */
import type { CaseView } from '../../common/case-api.js';
import { gateMove, type CaseActor } from '../../common/case-rules.js';
import type { DuplicateCounts, DuplicateList, DuplicateSuggestion } from '../../common/contract-desk.js';
import { deskLimits } from '../../node-shared/desk-limits.js';
import type { HubDatabase } from '../db/database.js';
import { boxAround, distanceMetres } from '../org/distance.js';
import { intakeCasesOfScope, openCasesInBox } from './duplicates-store.js';

const HOUR_MS = 3_600_000;
/** More intake cases than a board ever holds: the count pass stops there. */
const COUNT_LIMIT = 2000;

export function duplicateSuggestions(db: HubDatabase, scopeCode: string, c: CaseView): DuplicateList {
  const { radiusM, windowHours } = deskLimits().duplicates;
  const windowMs = windowHours * HOUR_MS;
  const nearby = openCasesInBox(db, {
    categoryCode: c.categoryCode,
    from: c.reportedAt - windowMs,
    to: c.reportedAt + windowMs,
    box: boxAround(c.location, radiusM),
    exceptCaseNo: c.id,
    scopeCode,
  });
  const suggestions: DuplicateSuggestion[] = [];
  for (const other of nearby) {
    // The box holds the circle; the exact distance decides (a point at the box's corner is ~141 m away).
    const distance = distanceMetres(c.location, other.location);
    if (distance > radiusM) continue;
    suggestions.push({
      case: other,
      distanceM: Math.round(distance * 10) / 10,
      hoursApart: Math.round((Math.abs(other.reportedAt - c.reportedAt) / HOUR_MS) * 10) / 10,
    });
  }
  suggestions.sort((a, b) => a.distanceM - b.distanceM || a.case.reportedAt - b.case.reportedAt);
  return { caseId: c.id, radiusM, windowHours, suggestions };
}

/** The card markers: for each case at intake the actor may merge, how many suggestions it has. */
export function duplicateCounts(db: HubDatabase, actor: CaseActor): DuplicateCounts {
  const counts: DuplicateCounts['counts'] = [];
  for (const c of intakeCasesOfScope(db, actor.orgUnitCode, COUNT_LIMIT)) {
    if (gateMove(c, actor, 'merge') !== null) continue;
    const count = duplicateSuggestions(db, actor.orgUnitCode, c).suggestions.length;
    if (count > 0) counts.push({ caseId: c.id, count });
  }
  return { counts };
}
