/**
 * The reference data this console last had from its hub (`reference.get`): the offline store's optimistic moves
 * fill deadlines from the version their case was filed under, and the board's cut-off uses the hub's calendar.
 * Before the hub has answered (or when it never has), the shipped tables and the `chinese-days` calendar stand in.
 */
import { ReferenceBook, type ReferenceSnapshot } from '../common/reference-versions.js';
import type { ReferenceData } from '../common/cases/reference-data.js';
import { referenceData } from '../node-shared/reference-data.js';

let book: ReferenceBook | null = null;
let last: ReferenceSnapshot | null = null;

export function rememberReference(snapshot: ReferenceSnapshot): void {
  last = snapshot;
  book = new ReferenceBook(snapshot.versions, snapshot.calendar);
}

/** The last snapshot from the hub, or one built from the shipped tables (version 1) when there is none. */
export function lastReferenceSnapshot(): ReferenceSnapshot {
  if (last) return last;
  const shipped = referenceData();
  return {
    versions: [
      {
        version: 1,
        effectiveFrom: 0,
        createdAt: 0,
        createdBy: null,
        reason: 'shipped',
        taxonomy: shipped.taxonomy,
        deadlines: shipped.deadlines,
      },
    ],
    calendar: shipped.calendar,
    calendarYears: [],
  };
}

export function consoleReferenceForCase(c: { refVersion?: number | undefined }): ReferenceData {
  return book ? book.forCase(c) : referenceData();
}

export function consoleCalendar(): ReferenceData['calendar'] {
  return book ? book.calendar : referenceData().calendar;
}
