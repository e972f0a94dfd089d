/**
 * Versioned reference data: the taxonomy and the deadline table change only by an administrator's new version (who,
 * when, why), kept for ever in the hub's database (migration 0015; version 1 is the shipped resources/*.json). A
 * version applies to cases entered after it takes effect; each case stores the version it was judged by
 * (`CaseSnapshot.refVersion`) and its names and deadlines keep coming from that version. The working calendar is not
 * versioned: a holiday is a fact about a date, whoever's case it is.
 */
import { z } from 'zod';
import type { CaseSnapshot } from './cases.js';
import type { ReferenceData } from './cases/reference-data.js';
import { DeadlineTable } from './deadline-table.js';
import { allMinors, Taxonomy } from './taxonomy.js';
import { WorkCalendar } from './work-calendar.js';

/** What a case stored before versions existed was judged by. */
export const SEED_REFERENCE_VERSION = 1;

const VersionNumber = z.number().int().positive();

export const ReferenceVersion = z.strictObject({
  version: VersionNumber,
  /** Cases entered at or after this instant take this version (the seed's is 0: it covers all history). */
  effectiveFrom: z.number().int().nonnegative(),
  createdAt: z.number().int().nonnegative(),
  /** The administrator's user id; null for the shipped seed. */
  createdBy: z.string().nullable(),
  reason: z.string(),
  taxonomy: Taxonomy,
  deadlines: DeadlineTable,
});
export type ReferenceVersion = z.infer<typeof ReferenceVersion>;

/** An administrator's edit: the whole new taxonomy and table, the version it was made from, and why. */
export const ReferenceEdit = z.strictObject({
  /** The version the edit started from: if another administrator saved one meanwhile, the edit is refused. */
  basedOn: VersionNumber,
  reason: z.string().trim().min(2).max(500),
  taxonomy: Taxonomy,
  deadlines: DeadlineTable,
});
export type ReferenceEdit = z.infer<typeof ReferenceEdit>;

export const CALENDAR_SOURCES = ['package', 'imported', 'missing'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** One year of the working calendar and where its holidays come from. */
export const CalendarYearInfo = z.strictObject({
  year: z.number().int(),
  source: z.enum(CALENDAR_SOURCES),
  holidays: z.number().int().nonnegative(),
  makeupWorkdays: z.number().int().nonnegative(),
  importedAt: z.number().int().optional(),
  importedBy: z.string().optional(),
  note: z.string().optional(),
});
export type CalendarYearInfo = z.infer<typeof CalendarYearInfo>;

/** Everything a console needs: every version (old cases are named from theirs) and the calendar. */
export const ReferenceSnapshot = z.strictObject({
  versions: z.array(ReferenceVersion).min(1),
  calendar: WorkCalendar,
  calendarYears: z.array(CalendarYearInfo),
});
export type ReferenceSnapshot = z.infer<typeof ReferenceSnapshot>;

export interface EditIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * What the schemas cannot see alone: the edit against the cases that exist. A minor category any case uses must
 * stay (with its code) — retire it instead; the deadline table may only name categories of the new taxonomy, so no
 * limit is left behind for a category that is gone. Structure (codes nest under their major, unique codes and names,
 * positive limits, every grade of the county default) is the zod schemas' part.
 */
export function checkReferenceEdit(edit: ReferenceEdit, usedCategoryCodes: Iterable<string>): EditIssue[] {
  const issues: EditIssue[] = [];
  const minors = new Set(allMinors(edit.taxonomy).map((m) => m.minor.code));
  const majors = new Set(edit.taxonomy.categories.map((m) => m.code));
  for (const code of [...new Set(usedCategoryCodes)].sort()) {
    if (!minors.has(code)) {
      issues.push({ path: 'taxonomy', message: `category ${code} is used by cases: retire it instead of removing it` });
    }
  }
  for (const code of Object.keys(edit.deadlines.categories)) {
    if (!(code.length === 2 ? majors : minors).has(code)) {
      issues.push({
        path: `deadlines.categories.${code}`,
        message: `the deadline table names unknown category ${code}`,
      });
    }
  }
  return issues;
}

/** The versions of a hub, oldest first, with the calendar: which version a case or an instant takes. */
export class ReferenceBook {
  private readonly byNumber: ReadonlyMap<number, ReferenceData>;

  constructor(
    readonly versions: readonly ReferenceVersion[],
    readonly calendar: WorkCalendar,
  ) {
    if (versions.length === 0) throw new Error('a reference book needs at least one version');
    this.byNumber = new Map(
      versions.map((v) => [
        v.version,
        { taxonomy: v.taxonomy, deadlines: v.deadlines, calendar, version: v.version } satisfies ReferenceData,
      ]),
    );
  }

  get latest(): ReferenceVersion {
    return this.versions.at(-1)!;
  }

  /** The version in effect at an instant: the newest that had taken effect by then (the seed before any). */
  effectiveAt(ms: number): ReferenceData {
    let found = this.versions[0]!;
    for (const v of this.versions) if (v.effectiveFrom <= ms) found = v;
    return this.data(found.version);
  }

  /** A version's tables; an unknown number (a case from a restored older database) falls back to the seed's. */
  data(version: number): ReferenceData {
    return this.byNumber.get(version) ?? this.byNumber.get(this.versions[0]!.version)!;
  }

  /** What a case is judged by: the version it was filed under. */
  forCase(c: Pick<CaseSnapshot, 'refVersion'>): ReferenceData {
    return this.data(c.refVersion ?? SEED_REFERENCE_VERSION);
  }
}

export interface ReferenceChange {
  readonly added: string[];
  readonly removed: string[];
  readonly retired: string[];
  readonly reinstated: string[];
  readonly renamed: string[];
  /** Deadline lines ('signFor', 'countyDefault', or a category code) whose limits differ. */
  readonly limits: string[];
}

/** What a new version changes against the one before, by code: the detail of the administrative act's record. */
export function describeReferenceChange(
  before: Pick<ReferenceVersion, 'taxonomy' | 'deadlines'>,
  after: Pick<ReferenceVersion, 'taxonomy' | 'deadlines'>,
): ReferenceChange {
  const items = (t: Taxonomy) =>
    new Map(
      t.categories.flatMap((major) => [
        [major.code, major] as const,
        ...major.minors.map((minor) => [minor.code, minor] as const),
      ]),
    );
  const [old, neu] = [items(before.taxonomy), items(after.taxonomy)];
  const codes = [...new Set([...old.keys(), ...neu.keys()])].sort();
  const pick = (test: (a: TaxonomyItem | undefined, b: TaxonomyItem | undefined) => boolean) =>
    codes.filter((code) => test(old.get(code), neu.get(code)));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const lines = [...new Set([...Object.keys(before.deadlines.categories), ...Object.keys(after.deadlines.categories)])];
  return {
    added: pick((a, b) => !a && !!b),
    removed: pick((a, b) => !!a && !b),
    retired: pick((a, b) => !!a && !!b && !a.retired && !!b.retired),
    reinstated: pick((a, b) => !!a && !!b && !!a.retired && !b.retired),
    renamed: pick((a, b) => !!a && !!b && (a.zh !== b.zh || a.en !== b.en)),
    limits: [
      ...(same(before.deadlines.signFor, after.deadlines.signFor) ? [] : ['signFor']),
      ...(same(before.deadlines.countyDefault, after.deadlines.countyDefault) ? [] : ['countyDefault']),
      ...lines.sort().filter((code) => !same(before.deadlines.categories[code], after.deadlines.categories[code])),
    ],
  };
}

type TaxonomyItem = { readonly zh: string; readonly en: string; readonly retired?: true };
