/**
 * The county's reference tables: event taxonomy, deadline defaults and the working-time calendar. common/ never
 * reads files: the hub and the console load resources/*.json (node-shared/reference-data.ts) and validate them here.
 */
import { DeadlineTable } from '../deadline-table.js';
import { Taxonomy } from '../taxonomy.js';
import { WorkCalendarFile, calendarFromFile, type WorkCalendar } from '../work-calendar.js';

export interface ReferenceData {
  readonly taxonomy: Taxonomy;
  readonly deadlines: DeadlineTable;
  readonly calendar: WorkCalendar;
  /** The reference version these tables are (common/reference-versions.ts); absent for the shipped files. */
  readonly version?: number;
}

/** The three files' contents as read; throws (a zod error naming the bad field) when one does not validate. */
export function parseReferenceData(files: { taxonomy: unknown; deadlines: unknown; calendar: unknown }): ReferenceData {
  return {
    taxonomy: Taxonomy.parse(files.taxonomy),
    deadlines: DeadlineTable.parse(files.deadlines),
    calendar: calendarFromFile(WorkCalendarFile.parse(files.calendar)),
  };
}
