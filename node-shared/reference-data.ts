/**
 * The county's shipped reference tables (resources/*.json), validated by common/. Imported as JSON modules so the
 * Electron bundle carries them too. The hub seeds its version 1 from the taxonomy and deadline table (migration
 * 0015) and from then on reads its versions from its database (hub/reference/); the console's offline store uses
 * these until it has the hub's. The working calendar comes from the `chinese-days` package plus imported years
 * (node-shared/chinese-days-calendar.ts), no longer from a hand-kept file.
 */
import deadlinesJson from '../resources/deadlines.json' with { type: 'json' };
import taxonomyJson from '../resources/taxonomy.json' with { type: 'json' };
import type { ReferenceData } from '../common/cases/reference-data.js';
import { buildWorkCalendar } from '../common/calendar-years.js';
import { DeadlineTable } from '../common/deadline-table.js';
import { Taxonomy } from '../common/taxonomy.js';
import { packageCalendarYears } from './chinese-days-calendar.js';

export type { ReferenceData };

let shipped: Pick<ReferenceData, 'taxonomy' | 'deadlines'> | null = null;

/** The shipped taxonomy and deadline table, parsed (throws a zod error naming the bad field). */
export function shippedReferenceTables(): Pick<ReferenceData, 'taxonomy' | 'deadlines'> {
  shipped ??= { taxonomy: Taxonomy.parse(taxonomyJson), deadlines: DeadlineTable.parse(deadlinesJson) };
  return shipped;
}

let loaded: ReferenceData | null = null;

/** The shipped tables (version 1) with the package's calendar: the console's fallback before the hub answers. */
export function referenceData(): ReferenceData {
  loaded ??= { ...shippedReferenceTables(), calendar: buildWorkCalendar(packageCalendarYears()), version: 1 };
  return loaded;
}
