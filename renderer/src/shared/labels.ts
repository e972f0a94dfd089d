/**
 * Names in the UI language, for every feature: the loop's, role and level wording comes from common/ (one wording for
 * the whole product), category names from the taxonomy, unit names from the org units the console has loaded and the
 * department list.
 */
import { CASE_MOVE_LABELS } from '../../../common/case-moves.js';
import {
  CASE_GRADE_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  type CaseGrade,
  type CaseMoveType,
  type CaseSource,
  type CaseStatus,
} from '../../../common/cases.js';
import { departmentByCode } from '../../../common/departments.js';
import { LEVEL_LABELS, levelOfCode, lineageOf, type OrgLevel } from '../../../common/org.js';
import { ROLE_LABELS, type Role } from '../../../common/roles.js';
import type { OrgUnit } from '../../../common/schemas.js';
import { findMajor, findMinorByCode, majorCodeOf } from '../../../common/taxonomy.js';
import type { Language } from '../i18n/index.js';
import { referenceData } from './reference.js';

type Pair = { readonly zh: string; readonly en: string };
const pick = (pair: Pair, language: Language) => (language === 'en' ? pair.en : pair.zh);

export const statusLabel = (status: CaseStatus, language: Language) => pick(CASE_STATUS_LABELS[status], language);
export const gradeLabel = (grade: CaseGrade, language: Language) => pick(CASE_GRADE_LABELS[grade], language);
export const sourceLabel = (source: CaseSource, language: Language) => pick(CASE_SOURCE_LABELS[source], language);

export const roleLabel = (role: Role, language: Language) => pick(ROLE_LABELS[role], language);
export const levelLabel = (level: OrgLevel, language: Language) => pick(LEVEL_LABELS[level], language);

export const moveLabel = (move: CaseMoveType, language: Language) => pick(CASE_MOVE_LABELS[move], language);

/** The minor category's name ('暴露垃圾'), or the code when the taxonomy does not know it. */
export function categoryLabel(code: string, language: Language): string {
  const match = findMinorByCode(referenceData().taxonomy, code);
  return match ? pick(match.minor, language) : code;
}

export function majorLabel(code: string, language: Language): string {
  const major = findMajor(referenceData().taxonomy, majorCodeOf(code));
  return major ? pick(major, language) : code;
}

export type UnitIndex = ReadonlyMap<string, OrgUnit>;

export function indexUnits(units: readonly OrgUnit[]): UnitIndex {
  return new Map(units.map((unit) => [unit.code, unit]));
}

/** An org unit's name, a department's short name, or the bare code when neither is known. */
export function unitLabel(code: string, units: UnitIndex, language: Language, full = false): string {
  const department = departmentByCode(code);
  if (department) return language === 'en' ? department.en : full ? department.zh : department.short;
  const unit = units.get(code);
  if (unit) return unit.name;
  // Above the user's scope (a township director reading the county's moves): say the level, not digits.
  return levelOfCode(code) === 'county' ? pick(LEVEL_LABELS.county, language) : code;
}

/** Township · village · grid, for a tooltip or the drawer header (the county itself is left out). */
export function unitPath(code: string, units: UnitIndex): string {
  return lineageOf(code)
    .slice(1)
    .map((c) => units.get(c)?.name ?? c)
    .join(' · ');
}
