/**
 * The county's reference tables (resources/*.json), loaded once and validated by common/cases/reference-data.ts.
 * Imported as JSON modules so the Electron bundle carries them too; used by the hub and by the console's offline
 * store alike.
 */
import deadlinesJson from '../resources/deadlines.json' with { type: 'json' };
import taxonomyJson from '../resources/taxonomy.json' with { type: 'json' };
import calendarJson from '../resources/work-calendar.json' with { type: 'json' };
import { parseReferenceData, type ReferenceData } from '../common/cases/reference-data.js';

export type { ReferenceData };

let loaded: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  loaded ??= parseReferenceData({ taxonomy: taxonomyJson, deadlines: deadlinesJson, calendar: calendarJson });
  return loaded;
}
