/** Names for the map's filter options and hover facts, in the UI language (taxonomy from the bundled reference). */
import { CASE_GRADES, CASE_SOURCES, CASE_STATUSES } from '../../../common/cases.js';
import { gradeLabel, sourceLabel, statusLabel } from '../base/labels.js';
import { referenceData } from '../base/reference.js';
import type { Language } from '../i18n/index.js';

export function majorName(code: string, language: Language): string {
  const major = referenceData().taxonomy.categories.find((m) => m.code === code);
  if (major) return language === 'en' ? major.en : major.zh;
  return language === 'en' ? 'Unknown' : '未知';
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function filterOptions(language: Language) {
  return {
    grades: CASE_GRADES.map((value): Option => ({ value, label: gradeLabel(value, language) })),
    majors: referenceData().taxonomy.categories.map((m): Option => ({
      value: m.code,
      label: majorName(m.code, language),
    })),
    statuses: CASE_STATUSES.map((value): Option => ({ value, label: statusLabel(value, language) })),
    sources: CASE_SOURCES.map((value): Option => ({ value, label: sourceLabel(value, language) })),
  };
}
