/**
 * The hub's reference data, read from its database (migration 0015): every version of the taxonomy and deadline
 * table, and the working calendar (the `chinese-days` package's years, overridden by imported ones). Held in memory
 * and rebuilt after each administrative write; intake takes the version in effect, moves the case's own.
 */
import type { ReferenceData } from '../../common/cases/reference-data.js';
import {
  buildWorkCalendar,
  calendarYearInfos,
  mergeCalendarYears,
  type SourcedYear,
} from '../../common/calendar-years.js';
import { DeadlineTable } from '../../common/deadline-table.js';
import {
  ReferenceBook,
  type CalendarYearInfo,
  type ReferenceSnapshot,
  type ReferenceVersion,
} from '../../common/reference-versions.js';
import { Taxonomy } from '../../common/taxonomy.js';
import type { WorkCalendar } from '../../common/work-calendar.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import type { HubDatabase } from '../db/database.js';
import { listCalendarYearRows, listReferenceVersionRows } from './reference-store.js';

const BEIJING_OFFSET_MS = 8 * 3600_000;
export const beijingYearOf = (ms: number): number => new Date(ms + BEIJING_OFFSET_MS).getUTCFullYear();

export class ReferenceSource {
  private book!: ReferenceBook;
  private years!: SourcedYear[];

  constructor(private readonly db: HubDatabase) {
    this.reload();
  }

  /** Re-reads the tables: after a new version or a calendar import (inside the write, so a refusal leaves it). */
  reload(): void {
    const versions = listReferenceVersionRows(this.db).map((row): ReferenceVersion => ({
      version: row.version,
      effectiveFrom: row.effective_from,
      createdAt: row.created_at,
      createdBy: row.created_by,
      reason: row.reason,
      // Validated on the way in; parsed again so a hand-edited row fails at start, naming the field.
      taxonomy: Taxonomy.parse(JSON.parse(row.taxonomy)),
      deadlines: DeadlineTable.parse(JSON.parse(row.deadlines)),
    }));
    const imported = listCalendarYearRows(this.db).map((row): SourcedYear => ({
      year: row.year,
      holidays: JSON.parse(row.holidays) as string[],
      makeupWorkdays: JSON.parse(row.makeup_workdays) as string[],
      source: 'imported',
      importedAt: row.imported_at,
      importedBy: row.imported_by,
      ...(row.note ? { note: row.note } : {}),
    }));
    this.years = mergeCalendarYears(packageCalendarYears(), imported);
    this.book = new ReferenceBook(versions, buildWorkCalendar(this.years));
  }

  get calendar(): WorkCalendar {
    return this.book.calendar;
  }

  get versions(): readonly ReferenceVersion[] {
    return this.book.versions;
  }

  get latestVersion(): ReferenceVersion {
    return this.book.latest;
  }

  /** The version new cases take now. */
  latest(): ReferenceData {
    return this.book.data(this.book.latest.version);
  }

  /** The version in effect at an instant: intake uses now, a history import the line's report time. */
  effectiveAt(ms: number): ReferenceData {
    return this.book.effectiveAt(ms);
  }

  /** The version a stored case is judged by. */
  forCase(c: { refVersion?: number | undefined }): ReferenceData {
    return this.book.forCase(c);
  }

  /** Every year from the package's first to next year, with its source or `missing`. */
  calendarYears(now: number): CalendarYearInfo[] {
    return calendarYearInfos(this.years, this.years[0]?.year ?? beijingYearOf(now), beijingYearOf(now) + 1);
  }

  snapshot(now: number): ReferenceSnapshot {
    return { versions: [...this.book.versions], calendar: this.book.calendar, calendarYears: this.calendarYears(now) };
  }
}
