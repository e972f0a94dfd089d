/** Role and level labels come from common (one wording for the whole product); this picks the language. */
import { LEVEL_LABELS, type OrgLevel } from '../../../common/org.js';
import { ROLE_LABELS, type Role } from '../../../common/roles.js';
import type { Language } from './index.js';

export function roleLabel(role: Role, language: Language): string {
  return language === 'en' ? ROLE_LABELS[role].en : ROLE_LABELS[role].zh;
}

export function levelLabel(level: OrgLevel, language: Language): string {
  return language === 'en' ? LEVEL_LABELS[level].en : LEVEL_LABELS[level].zh;
}
