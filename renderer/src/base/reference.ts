/**
 * The county's reference data as the hub keeps it (hub/reference/): every version of the taxonomy and deadline
 * table — a case is named and its deadline previewed from the version it was filed under (`referenceForCase`) — and
 * the working calendar (the `chinese-days` package plus imported years) that drives the live countdowns. Loaded at
 * sign-in and after an administrator's change (`loadReference`).
 *
 * Until it has arrived, the shipped tables (version 1, bundled: Vite inlines the JSON) name categories, and the
 * calendar covers no year: a deadline previewed then is counted Monday–Friday and flagged provisional, never shown
 * as exact.
 */
import { useSyncExternalStore } from 'react';
import deadlinesJson from '../../../resources/deadlines.json';
import taxonomyJson from '../../../resources/taxonomy.json';
import type { ReferenceData } from '../../../common/cases/reference-data.js';
import { DeadlineTable } from '../../../common/deadline-table.js';
import { ReferenceBook, type ReferenceSnapshot } from '../../../common/reference-versions.js';
import { Taxonomy } from '../../../common/taxonomy.js';
import { CHINA_UTC_OFFSET_MINUTES, DEFAULT_WORKING_HOURS } from '../../../common/work-calendar.js';
import { call } from '../bridge/index.js';

export type { ReferenceData };

let book: ReferenceBook | null = null;
let snapshot: ReferenceSnapshot | null = null;
let revision = 0;
const listeners = new Set<() => void>();

function shippedBook(): ReferenceBook {
  const seed = {
    version: 1,
    effectiveFrom: 0,
    createdAt: 0,
    createdBy: null,
    reason: 'shipped',
    taxonomy: Taxonomy.parse(taxonomyJson),
    deadlines: DeadlineTable.parse(deadlinesJson),
  };
  const calendar = {
    utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES,
    workingHours: DEFAULT_WORKING_HOURS,
    holidays: [],
    makeupWorkdays: [],
    coveredYears: [],
  };
  return new ReferenceBook([seed], calendar);
}

function currentBook(): ReferenceBook {
  book ??= shippedBook();
  return book;
}

/** Replaces what the console knows (the hub's answer to `reference.get`, or a version just saved). */
export function setReferenceSnapshot(next: ReferenceSnapshot): void {
  snapshot = next;
  book = new ReferenceBook(next.versions, next.calendar);
  revision++;
  listeners.forEach((listener) => listener());
}

/** Asks the hub for its reference data; a failure keeps what the console had (the caller may say so). */
export async function loadReference(): Promise<ReferenceSnapshot> {
  const next = await call('reference.get', {});
  setReferenceSnapshot(next);
  return next;
}

/** The latest version: what a new report or a filter offers. */
export function referenceData(): ReferenceData {
  const b = currentBook();
  return b.data(b.latest.version);
}

/** The version a case is judged by: its category's name and its deadline limits. */
export function referenceForCase(c: { refVersion?: number | undefined }): ReferenceData {
  return currentBook().forCase(c);
}

/** The hub's snapshot, once loaded (the admin view's versions and calendar years). */
export function referenceSnapshot(): ReferenceSnapshot | null {
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders a component when the reference data changes; returns a number that changes with it. */
export function useReferenceRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
