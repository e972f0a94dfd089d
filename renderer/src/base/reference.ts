/**
 * The county's reference tables, bundled with the renderer (Vite inlines the JSON) and validated with the same
 * schemas the hub uses: category names for the cards, and the deadline table and working calendar that drive the
 * live countdowns and the deadline preview of a dispatch. Parsed once, on first use.
 */
import deadlinesJson from '../../../resources/deadlines.json';
import taxonomyJson from '../../../resources/taxonomy.json';
import calendarJson from '../../../resources/work-calendar.json';
import { DeadlineTable } from '../../../common/deadline-table.js';
import { Taxonomy } from '../../../common/taxonomy.js';
import { WorkCalendarFile, calendarFromFile, type WorkCalendar } from '../../../common/work-calendar.js';

export interface ReferenceData {
  readonly taxonomy: Taxonomy;
  readonly deadlines: DeadlineTable;
  readonly calendar: WorkCalendar;
}

let loaded: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  loaded ??= {
    taxonomy: Taxonomy.parse(taxonomyJson),
    deadlines: DeadlineTable.parse(deadlinesJson),
    calendar: calendarFromFile(WorkCalendarFile.parse(calendarJson)),
  };
  return loaded;
}
