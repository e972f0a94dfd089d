/**
 * Names in the UI language, for every feature: the loop's codes (status, grade, source, move, role, level) are
 * i18n keys (the shared and dispatch i18n namespaces, one wording for the whole product), category names come from the
 * taxonomy, unit names from the org units the console has loaded and the department list.
 */
import type { CaseGrade, CaseMoveType, CaseSource, CaseStatus } from '../../../common/cases.js';
import { departmentByCode } from '../../../common/departments.js';
import { levelOfCode, lineageOf, type OrgLevel } from '../../../common/org.js';
import type { Role } from '../../../common/roles.js';
import type { OrgUnit } from '../../../common/schemas.js';
import { findMajor, findMinorByCode, majorCodeOf } from '../../../common/taxonomy.js';
import i18next, { type Language } from '../i18n/index.js';
import { referenceForCase } from './reference.js';

/** Reference data (taxonomy, departments) carries both names itself; it is county data, not catalogue text. */
type Pair = { readonly zh: string; readonly en: string };
const pick = (pair: Pair, language: Language) => (language === 'en' ? pair.en : pair.zh);

export const statusLabel = (status: CaseStatus, lng: Language) => i18next.t(`shared:caseStatus.${status}`, { lng });
export const gradeLabel = (grade: CaseGrade, lng: Language) => i18next.t(`shared:grade.${grade}`, { lng });
export const sourceLabel = (source: CaseSource, lng: Language) => i18next.t(`shared:source.${source}`, { lng });

export const roleLabel = (role: Role, lng: Language) => i18next.t(`shared:role.${role}`, { lng });
export const levelLabel = (level: OrgLevel, lng: Language) => i18next.t(`shared:level.${level}`, { lng });

export const moveLabel = (move: CaseMoveType, lng: Language) => i18next.t(`dispatch:moveType.${move}`, { lng });

/**
 * The minor category's name ('暴露垃圾') in the taxonomy version the case was filed under (`refVersion`: a renamed
 * category keeps its old name on old cases; absent = version 1), or the code when that version does not know it.
 */
export function categoryLabel(code: string, language: Language, refVersion?: number): string {
  const match = findMinorByCode(referenceForCase({ refVersion }).taxonomy, code);
  return match ? pick(match.minor, language) : code;
}

export function majorLabel(code: string, language: Language, refVersion?: number): string {
  const major = findMajor(referenceForCase({ refVersion }).taxonomy, majorCodeOf(code));
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
  return levelOfCode(code) === 'county' ? levelLabel('county', language) : code;
}

/** Township · village · grid, for a tooltip or the drawer header (the county itself is left out). */
export function unitPath(code: string, units: UnitIndex): string {
  return lineageOf(code)
    .slice(1)
    .map((c) => units.get(c)?.name ?? c)
    .join(' · ');
}
