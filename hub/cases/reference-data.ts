/**
 * The county's reference tables, loaded once and validated: event taxonomy, deadline defaults and the working-time
 * calendar (resources/*.json). Imported as JSON modules so the Electron bundle carries them too.
 */
import deadlinesJson from '../../resources/deadlines.json' with { type: 'json' };
import taxonomyJson from '../../resources/taxonomy.json' with { type: 'json' };
import calendarJson from '../../resources/work-calendar.json' with { type: 'json' };
import { DeadlineTable } from '../../common/deadline-table.js';
import { Taxonomy } from '../../common/taxonomy.js';
import { WorkCalendarFile, calendarFromFile, type WorkCalendar } from '../../common/work-calendar.js';

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
