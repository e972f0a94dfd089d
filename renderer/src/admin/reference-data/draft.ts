/**
 * The reference-data editor's draft: the latest version's taxonomy and deadline table, changed in place by the
 * tables' inputs and sent whole as a new version. Pure helpers, so the editors stay thin; the hub validates it all
 * again with the same schemas (common/reference-versions.ts).
 */
import type { DeadlineTable } from '../../../../common/deadline-table.js';
import type { CaseGrade } from '../../../../common/cases.js';
import type { DeadlineLimit } from '../../../../common/sla-clock.js';
import type { Taxonomy, TaxonomyMajor, TaxonomyMinor } from '../../../../common/taxonomy.js';

export interface Draft {
  readonly taxonomy: Taxonomy;
  readonly deadlines: DeadlineTable;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The next free 2-digit major code ('10' after '09'); null when all 99 are used. */
export function nextMajorCode(taxonomy: Taxonomy): string | null {
  const used = new Set(taxonomy.categories.map((m) => m.code));
  for (let n = 1; n <= 99; n++) if (!used.has(pad(n, 2))) return pad(n, 2);
  return null;
}

/** The next free minor code under a major, never reusing a number ('0212' after '0211'; '0999' stays apart). */
export function nextMinorCode(major: TaxonomyMajor): string | null {
  const numbers = major.minors.map((m) => Number(m.code.slice(2))).filter((n) => n < 99);
  const next = (numbers.length ? Math.max(...numbers) : 0) + 1;
  return next < 99 ? `${major.code}${pad(next, 2)}` : null;
}

function mapMajor(draft: Draft, code: string, change: (m: TaxonomyMajor) => TaxonomyMajor): Draft {
  return {
    ...draft,
    taxonomy: {
      ...draft.taxonomy,
      categories: draft.taxonomy.categories.map((m) => (m.code === code ? change(m) : m)),
    },
  };
}

export function addMajor(draft: Draft, name: string): Draft {
  const code = nextMajorCode(draft.taxonomy);
  if (!code) return draft;
  const major: TaxonomyMajor = { code, zh: `${name}${code}`, en: `New ${code}`, minors: [] };
  const withMinor = { ...major, minors: [{ code: `${code}01`, zh: `${name}${code}01`, en: `New ${code}01` }] };
  return { ...draft, taxonomy: { ...draft.taxonomy, categories: [...draft.taxonomy.categories, withMinor] } };
}

export function addMinor(draft: Draft, majorCode: string, name: string): Draft {
  return mapMajor(draft, majorCode, (major) => {
    const code = nextMinorCode(major);
    return code ? { ...major, minors: [...major.minors, { code, zh: `${name}${code}`, en: `New ${code}` }] } : major;
  });
}

type Editable = Partial<Pick<TaxonomyMinor, 'zh' | 'en'>> & { retired?: boolean };

const applyEdit = <T extends { retired?: true }>(item: T, edit: Editable): T => {
  const { retired, ...names } = edit;
  const next = { ...item, ...names };
  if (retired === undefined) return next;
  const { retired: _old, ...rest } = next;
  return (retired ? { ...rest, retired: true } : rest) as T;
};

export function editMajor(draft: Draft, code: string, edit: Editable): Draft {
  return mapMajor(draft, code, (major) => applyEdit(major, edit));
}

export function editMinor(draft: Draft, code: string, edit: Editable): Draft {
  return mapMajor(draft, code.slice(0, 2), (major) => ({
    ...major,
    minors: major.minors.map((m) => (m.code === code ? applyEdit(m, edit) : m)),
  }));
}

/** Removes a minor (and its own deadline line); the hub refuses it if cases use it (`category_in_use`). */
export function removeMinor(draft: Draft, code: string): Draft {
  const next = mapMajor(draft, code.slice(0, 2), (major) => ({
    ...major,
    minors: major.minors.filter((m) => m.code !== code),
  }));
  const { [code]: _gone, ...categories } = next.deadlines.categories;
  return { ...next, deadlines: { ...next.deadlines, categories } };
}

export type LimitRow = 'signFor' | 'countyDefault' | string;

/** Sets (or, with null, clears) one limit: the sign-for limit, a county default or a category's line. */
export function setLimit(draft: Draft, row: LimitRow, grade: CaseGrade | null, limit: DeadlineLimit | null): Draft {
  const d = draft.deadlines;
  if (row === 'signFor') return limit ? { ...draft, deadlines: { ...d, signFor: limit } } : draft;
  if (row === 'countyDefault') {
    return limit && grade
      ? { ...draft, deadlines: { ...d, countyDefault: { ...d.countyDefault, [grade]: limit } } }
      : draft;
  }
  if (!grade) return draft;
  const { [grade]: _old, ...line } = d.categories[row] ?? {};
  return {
    ...draft,
    deadlines: { ...d, categories: { ...d.categories, [row]: limit ? { ...line, [grade]: limit } : line } },
  };
}

export function addOverride(draft: Draft, code: string, name: string): Draft {
  if (draft.deadlines.categories[code]) return draft;
  return {
    ...draft,
    deadlines: { ...draft.deadlines, categories: { ...draft.deadlines.categories, [code]: { name } } },
  };
}

export function removeOverride(draft: Draft, code: string): Draft {
  const { [code]: _gone, ...categories } = draft.deadlines.categories;
  return { ...draft, deadlines: { ...draft.deadlines, categories } };
}
