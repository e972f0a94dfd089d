/**
 * The org tree: county → township/street → village/community → grid.
 *
 * Codes follow GB/T 2260 practice: a 6-digit county code, +3 digits per township, +3 per village and +3 per
 * grid. A unit's code is therefore a prefix of every code below it, which is what makes scope checks a string
 * prefix test (see scope-policy.ts) and lets SQL use `LIKE 'code%'` on an index.
 */

export const ORG_LEVELS = ['county', 'township', 'village', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** What a unit is on the ground; the level says where it sits in the tree. */
export const ORG_UNIT_KINDS = ['county', 'township', 'street', 'village', 'community', 'grid'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const CODE_LENGTH: Readonly<Record<OrgLevel, number>> = {
  county: 6,
  township: 9,
  village: 12,
  grid: 15,
};

const LEVEL_BY_LENGTH = new Map<number, OrgLevel>(ORG_LEVELS.map((level) => [CODE_LENGTH[level], level]));

export const ORG_CODE_PATTERN = /^\d{6}(\d{3}){0,3}$/;

export function isOrgCode(code: string): boolean {
  return ORG_CODE_PATTERN.test(code);
}

/** The level a code belongs to, or null when it is not a well-formed org code. */
export function levelOfCode(code: string): OrgLevel | null {
  if (!isOrgCode(code)) return null;
  return LEVEL_BY_LENGTH.get(code.length) ?? null;
}

export function parentCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === null || level === 'county') return null;
  return code.slice(0, code.length - 3);
}

/** Every code from the county down to `code` itself, top first. */
export function lineageOf(code: string): string[] {
  const lineage: string[] = [];
  for (let c: string | null = code; c !== null; c = parentCode(c)) lineage.unshift(c);
  return lineage;
}

/** True when `code` lies in the subtree rooted at `scopeCode` (a unit is inside its own scope). */
export function isWithinScope(scopeCode: string, code: string): boolean {
  return isOrgCode(scopeCode) && isOrgCode(code) && code.startsWith(scopeCode);
}
