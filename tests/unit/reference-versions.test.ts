/**
 * Versioned reference data (common/reference-versions.ts): what an administrator's edit may and may not do, and that a
 * case keeps the taxonomy names and deadline limits of the version it was filed under after a new version.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { completeMove } from '../../common/cases/complete-move.js';
import { DeadlineTable, legDeadline } from '../../common/deadline-table.js';
import {
  checkReferenceEdit,
  describeReferenceChange,
  ReferenceBook,
  ReferenceEdit,
  type ReferenceVersion,
} from '../../common/reference-versions.js';
import { findMinorByCode, resolveCategory, Taxonomy } from '../../common/taxonomy.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { shippedReferenceTables } from '../../node-shared/reference-data.js';
import { GRID, T1 } from './case-fixtures.js';

const shipped = shippedReferenceTables();
const calendar = buildWorkCalendar(packageCalendarYears());
const clone = <T>(value: T): T => structuredClone(value);
const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

function edit(change: (e: { taxonomy: Taxonomy; deadlines: DeadlineTable }) => void) {
  const e = {
    basedOn: 1,
    reason: '县里调整分类与时限',
    taxonomy: clone(shipped.taxonomy),
    deadlines: clone(shipped.deadlines),
  };
  change(e);
  return e;
}

const v1: ReferenceVersion = {
  version: 1,
  effectiveFrom: 0,
  createdAt: 0,
  createdBy: null,
  reason: 'seed',
  ...shipped,
};

describe('the shipped tables as version 1', () => {
  it('are 9 major and 81 minor categories with a limit for every grade', () => {
    expect(shipped.taxonomy.categories).toHaveLength(9);
    expect(shipped.taxonomy.categories.flatMap((m) => m.minors)).toHaveLength(81);
    expect(Object.keys(shipped.deadlines.countyDefault).sort()).toEqual(['general', 'routine', 'serious']);
    expect(
      checkReferenceEdit(
        edit(() => {}),
        ['0201', '0401'],
      ),
    ).toEqual([]);
  });
});

describe('an edit', () => {
  it('is refused by the schemas when its structure is wrong', () => {
    const bad = [
      // A minor whose code lies outside its major: an orphan under the wrong parent.
      edit((e) => void (e.taxonomy.categories[0]!.minors[0]!.code = '0299')),
      // Two categories with one name.
      edit((e) => void (e.taxonomy.categories[0]!.minors[1]!.zh = e.taxonomy.categories[0]!.minors[0]!.zh)),
      // A limit that is not positive.
      edit((e) => void (e.deadlines.countyDefault.routine.amount = 0)),
      // A grade missing from the county default.
      edit((e) => void delete (e.deadlines.countyDefault as Partial<DeadlineTable['countyDefault']>).general),
      // A serious limit in working time.
      edit((e) => void (e.deadlines.countyDefault.serious = { amount: 2, unit: 'working_days' })),
      // An empty major.
      edit((e) => void (e.taxonomy.categories[8]!.minors = [])),
      // No reason given.
      { ...edit(() => {}), reason: ' ' },
    ];
    for (const e of bad) expect(ReferenceEdit.safeParse(e).success, JSON.stringify(e).slice(0, 80)).toBe(false);
  });

  it('may not remove a category that cases use, but may retire it', () => {
    const removed = edit((e) => void e.taxonomy.categories[1]!.minors.splice(0, 1)); // 0201 暴露垃圾
    expect(checkReferenceEdit(ReferenceEdit.parse(removed), ['0201'])).toEqual([
      { path: 'taxonomy', message: 'category 0201 is used by cases: retire it instead of removing it' },
      // Its own line in the deadline table would be left behind too.
      { path: 'deadlines.categories.0201', message: 'the deadline table names unknown category 0201' },
    ]);
    // Unused, it may go (with its deadline line).
    delete removed.deadlines.categories['0201'];
    expect(checkReferenceEdit(ReferenceEdit.parse(removed), ['0401'])).toEqual([]);
    // Retired, it stays for the cases that have it but takes no new report.
    const retired = ReferenceEdit.parse(edit((e) => void (e.taxonomy.categories[1]!.minors[0]!.retired = true)));
    expect(checkReferenceEdit(retired, ['0201'])).toEqual([]);
    expect(findMinorByCode(retired.taxonomy, '0201')?.minor.zh).toBe('暴露垃圾');
    expect(resolveCategory(retired.taxonomy, { categoryCode: '0201' })).toMatchObject({ ok: false });
    expect(resolveCategory(retired.taxonomy, { categoryName: '暴露垃圾' })).toMatchObject({
      ok: false,
      field: 'categoryName',
      message: 'this category is retired',
    });
  });

  it('may not leave a deadline limit for a category that is not in the taxonomy', () => {
    const orphan = ReferenceEdit.parse(
      edit((e) => void (e.deadlines.categories['0998'] = { routine: { amount: 1, unit: 'working_days' } })),
    );
    expect(checkReferenceEdit(orphan, [])).toEqual([
      { path: 'deadlines.categories.0998', message: 'the deadline table names unknown category 0998' },
    ]);
  });
});

describe('a case keeps the version it was filed under', () => {
  const changed = edit((e) => {
    // 0206 违规广告招牌 has no line of its own in v1: it takes its major's 3 working days.
    e.deadlines.categories['0206'] = { routine: { amount: 1, unit: 'working_days' } };
    e.taxonomy.categories[1]!.minors[5]!.zh = '违规户外广告招牌';
  });
  const v2: ReferenceVersion = { ...v1, ...changed, version: 2, effectiveFrom: bj('2025-06-01 00:00'), createdBy: 'u' };
  const book = new ReferenceBook([v1, v2], calendar);

  it('says what the version changed, for the record of the act', () => {
    const next = edit((e) => {
      e.taxonomy.categories[1]!.minors[0]!.retired = true;
      e.taxonomy.categories[1]!.minors.splice(10, 1); // 0211
    });
    expect(describeReferenceChange(v1, v2)).toEqual({
      added: [],
      removed: [],
      retired: [],
      reinstated: [],
      renamed: ['0206'],
      limits: ['0206'],
    });
    expect(describeReferenceChange(v1, next)).toMatchObject({ removed: ['0211'], retired: ['0201'], limits: [] });
  });

  it('takes the version in effect at an instant', () => {
    expect(book.effectiveAt(bj('2025-05-31 23:59')).version).toBe(1);
    expect(book.effectiveAt(bj('2025-06-01 00:00')).version).toBe(2);
    expect(book.forCase({}).version).toBe(1);
    expect(book.forCase({ refVersion: 2 }).version).toBe(2);
  });

  it('names the category and computes the deadline from its own version', () => {
    const dispatchedAt = bj('2025-06-03 09:00'); // a Tuesday
    const args = { categoryCode: '0206', grade: 'routine' as const, dispatchedAt, calendar };
    const old = legDeadline({ ...args, table: book.forCase({ refVersion: 1 }).deadlines });
    const neu = legDeadline({ ...args, table: book.forCase({ refVersion: 2 }).deadlines });
    expect(old.limit).toMatchObject({ amount: 3, unit: 'working_days' });
    expect(neu.limit).toMatchObject({ amount: 1, unit: 'working_days' });
    expect(neu.dueAt).toBe(bj('2025-06-04 09:00'));
    expect(old.dueAt).toBe(bj('2025-06-06 09:00'));
    expect(findMinorByCode(book.forCase({ refVersion: 1 }).taxonomy, '0206')?.minor.zh).toBe('违规广告招牌');
    expect(findMinorByCode(book.forCase({ refVersion: 2 }).taxonomy, '0206')?.minor.zh).toBe('违规户外广告招牌');

    // And so does the dispatch fill-in the hub runs on a move.
    const snapshot = {
      id: 'C1',
      version: 3,
      status: 'filed' as const,
      grade: 'routine' as const,
      source: 'hotline' as const,
      categoryCode: '0206',
      gridCode: GRID,
      handlingLevel: 'township' as const,
      ownerUnitCode: T1,
      legs: [],
      pauses: [],
      supervisions: [],
      reportedAt: dispatchedAt - 3600_000,
      supervisionCount: 0,
      reworkCount: 0,
      reporters: [],
    };
    const draft = { type: 'dispatch' as const, lead: { unitCode: T1 }, assists: [], note: undefined };
    const dueOf = (refVersion?: number) =>
      (
        completeMove(
          draft,
          { ...snapshot, ...(refVersion ? { refVersion } : {}) },
          dispatchedAt,
          book.forCase({ refVersion }),
        ) as {
          lead: { dueAt: number };
        }
      ).lead.dueAt;
    expect(dueOf()).toBe(old.dueAt);
    expect(dueOf(2)).toBe(neu.dueAt);
  });
});
