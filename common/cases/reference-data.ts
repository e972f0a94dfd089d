/**
 * The county's reference tables as one case or one moment sees them: event taxonomy and deadline defaults of one
 * version (common/reference-versions.ts) with the working-time calendar. common/ never reads files or databases:
 * the hub builds them from its database (hub/reference/), the console from the hub's answer.
 */
import type { DeadlineTable } from '../deadline-table.js';
import type { Taxonomy } from '../taxonomy.js';
import type { WorkCalendar } from '../work-calendar.js';

export interface ReferenceData {
  readonly taxonomy: Taxonomy;
  readonly deadlines: DeadlineTable;
  readonly calendar: WorkCalendar;
  /** The reference version these tables are (common/reference-versions.ts); absent for the shipped files. */
  readonly version?: number;
}
