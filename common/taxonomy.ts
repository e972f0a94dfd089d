/**
 * The event taxonomy (事件分类): 9 major categories (大类, 2-digit codes) and their minor ones (小类, 4-digit codes =
 * major code + number). resources/taxonomy.json holds it; the hub loads and passes the parsed object in, because
 * common/ never reads files. Every name is unique across the whole taxonomy so that intake can address a category
 * by its exact Chinese name as well as by code.
 */
import { z } from 'zod';

export const TaxonomyMinor = z.strictObject({
  code: z.string().regex(/^\d{4}$/),
  zh: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(80),
  /**
   * Retired (停用): kept so cases filed under it keep their name, but new reports cannot choose it. A category that
   * cases use is retired, never removed (common/reference-versions.ts).
   */
  retired: z.literal(true).optional(),
});
export type TaxonomyMinor = z.infer<typeof TaxonomyMinor>;

export const TaxonomyMajor = z.strictObject({
  code: z.string().regex(/^\d{2}$/),
  zh: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(80),
  /** Retiring a major retires every minor under it. */
  retired: z.literal(true).optional(),
  minors: z.array(TaxonomyMinor).min(1).max(200),
});
export type TaxonomyMajor = z.infer<typeof TaxonomyMajor>;

export const Taxonomy = z
  .strictObject({
    version: z.string(),
    comment: z.string().optional(),
    categories: z.array(TaxonomyMajor).min(1).max(99),
  })
  .superRefine((taxonomy, ctx) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    const claim = (set: Set<string>, value: string, what: string, path: PropertyKey[]) => {
      if (set.has(value))
        ctx.addIssue({
          code: 'custom',
          message: `duplicate ${what}: ${value}`,
          path,
        });
      set.add(value);
    };
    taxonomy.categories.forEach((major, i) => {
      claim(codes, major.code, 'code', ['categories', i, 'code']);
      claim(names, major.zh, 'name', ['categories', i, 'zh']);
      major.minors.forEach((minor, j) => {
        const path = ['categories', i, 'minors', j];
        if (!minor.code.startsWith(major.code)) {
          ctx.addIssue({
            code: 'custom',
            message: `minor code ${minor.code} outside its major ${major.code}`,
            path: [...path, 'code'],
          });
        }
        claim(codes, minor.code, 'code', [...path, 'code']);
        claim(names, minor.zh, 'name', [...path, 'zh']);
      });
    });
  });
export type Taxonomy = z.infer<typeof Taxonomy>;

export interface CategoryMatch {
  readonly major: TaxonomyMajor;
  readonly minor: TaxonomyMinor;
}

interface TaxonomyIndex {
  readonly minorByCode: ReadonlyMap<string, CategoryMatch>;
  readonly minorByName: ReadonlyMap<string, CategoryMatch>;
  readonly majorByCode: ReadonlyMap<string, TaxonomyMajor>;
  readonly majorByName: ReadonlyMap<string, TaxonomyMajor>;
}

const indexes = new WeakMap<Taxonomy, TaxonomyIndex>();

function indexOf(taxonomy: Taxonomy): TaxonomyIndex {
  const cached = indexes.get(taxonomy);
  if (cached) return cached;
  const minorByCode = new Map<string, CategoryMatch>();
  const minorByName = new Map<string, CategoryMatch>();
  for (const major of taxonomy.categories) {
    for (const minor of major.minors) {
      minorByCode.set(minor.code, { major, minor });
      minorByName.set(minor.zh, { major, minor });
    }
  }
  const index: TaxonomyIndex = {
    minorByCode,
    minorByName,
    majorByCode: new Map(taxonomy.categories.map((m) => [m.code, m])),
    majorByName: new Map(taxonomy.categories.map((m) => [m.zh, m])),
  };
  indexes.set(taxonomy, index);
  return index;
}

/** The major category code of a minor code ('0201' → '02'). */
export function majorCodeOf(minorCode: string): string {
  return minorCode.slice(0, 2);
}

export function findMinorByCode(taxonomy: Taxonomy, code: string): CategoryMatch | null {
  return indexOf(taxonomy).minorByCode.get(code) ?? null;
}

/** Exact Chinese name ('房屋租赁纠纷'); only surrounding blanks are forgiven. */
export function findMinorByName(taxonomy: Taxonomy, zhName: string): CategoryMatch | null {
  return indexOf(taxonomy).minorByName.get(zhName.trim()) ?? null;
}

/** A major category by its code ('04') or exact name ('矛盾纠纷调处'). */
export function findMajor(taxonomy: Taxonomy, codeOrName: string): TaxonomyMajor | null {
  const index = indexOf(taxonomy);
  const key = codeOrName.trim();
  return index.majorByCode.get(key) ?? index.majorByName.get(key) ?? null;
}

export function allMinors(taxonomy: Taxonomy): CategoryMatch[] {
  return [...indexOf(taxonomy).minorByCode.values()];
}

export type CategoryResolution =
  | { ok: true; match: CategoryMatch }
  | { ok: false; code: 'validation_failed'; field: 'categoryCode' | 'categoryName'; message: string };

/**
 * What intake needs: the minor category a report names by code and/or exact name. When both are given they must
 * name the same category, so a mistyped code cannot silently win over the name the reporter saw.
 */
export function resolveCategory(
  taxonomy: Taxonomy,
  ref: { categoryCode?: string | undefined; categoryName?: string | undefined },
): CategoryResolution {
  const byCode = ref.categoryCode !== undefined ? findMinorByCode(taxonomy, ref.categoryCode) : undefined;
  const byName = ref.categoryName !== undefined ? findMinorByName(taxonomy, ref.categoryName) : undefined;
  if (byCode === null) {
    return {
      ok: false,
      code: 'validation_failed',
      field: 'categoryCode',
      message: `unknown category code`,
    };
  }
  if (byName === null) {
    return {
      ok: false,
      code: 'validation_failed',
      field: 'categoryName',
      message: `unknown category name`,
    };
  }
  if (byCode && byName && byCode.minor.code !== byName.minor.code) {
    return {
      ok: false,
      code: 'validation_failed',
      field: 'categoryName',
      message: 'category code and name disagree',
    };
  }
  const match = byCode ?? byName;
  if (!match)
    return {
      ok: false,
      code: 'validation_failed',
      field: 'categoryCode',
      message: 'categoryCode or categoryName is required',
    };
  if (isRetired(match)) {
    return {
      ok: false,
      code: 'validation_failed',
      field: byCode ? 'categoryCode' : 'categoryName',
      message: 'this category is retired',
    };
  }
  return { ok: true, match };
}

/** Retired itself or under a retired major: names old cases, takes no new ones. */
export function isRetired(match: CategoryMatch): boolean {
  return match.minor.retired === true || match.major.retired === true;
}
