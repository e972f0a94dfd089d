/**
 * What of a case is searchable by words (issue 15 §1): the description, the place (the names of its grid, village and
 * township), the reporters (name, phone) and the results (the legs' feedback and return reasons, the rating's comment,
 * call-back notes) — as bigram tokens (common/search-text.ts). Pure: the index store feeds it rows.
 */
import type { CaseSnapshot } from '../../common/cases.js';
import { lineageOf } from '../../common/org.js';
import { searchTokens } from '../../common/search-text.js';

export type PlaceNames = ReadonlyMap<string, string>;

/** The names of the grid and the units above it, the county left out (every case of the hub lies in it). */
function placeOf(gridCode: string, names: PlaceNames): string[] {
  return lineageOf(gridCode)
    .slice(1)
    .map((code) => names.get(code) ?? '');
}

export function caseSearchText(gridCode: string, description: string, snapshotJson: string, names: PlaceNames): string {
  const s = JSON.parse(snapshotJson) as Partial<CaseSnapshot>;
  const parts: string[] = [description, ...placeOf(gridCode, names)];
  for (const r of s.reporters ?? []) parts.push(r.name ?? '', r.phone ?? '');
  for (const leg of s.legs ?? []) parts.push(leg.feedback?.result ?? '', leg.returnReason ?? '');
  if (s.rating?.comment) parts.push(s.rating.comment);
  for (const c of s.callbacks ?? []) parts.push(c.note ?? '');
  return parts
    .filter((p) => p !== '')
    .map(searchTokens)
    .join(' ');
}
