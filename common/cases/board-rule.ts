/**
 * What is on the board (案件看板) — one definition for the hub's SQL, the console's offline cache and the route:
 * every open case, plus the cases closed since local midnight (so the day's work stays visible until the day ends).
 * Void and merged cases are never on it.
 */
import { CLOSED_STATUSES, OPEN_STATUSES, type CaseStatus } from '../cases.js';
import { compileCalendar, localDayNumber, localMidnightMs, type WorkCalendar } from '../work-calendar.js';

export const BOARD_OPEN_STATUSES: readonly CaseStatus[] = OPEN_STATUSES;
export const BOARD_CLOSED_STATUSES: readonly CaseStatus[] = CLOSED_STATUSES;

/** The status alone may put the case on the board (open, or closed and recent enough). */
export function isBoardStatus(status: CaseStatus): boolean {
  return BOARD_OPEN_STATUSES.includes(status) || BOARD_CLOSED_STATUSES.includes(status);
}

/** Closed cases stay on the board from this instant on: the local (Beijing) midnight that began `now`'s day. */
export function boardClosedSince(now: number, calendar: WorkCalendar): number {
  const compiled = compileCalendar(calendar);
  return localMidnightMs(localDayNumber(now, compiled), compiled);
}

/** Is the case on the board at `closedSince` (from `boardClosedSince`)? */
export function isOnBoard(c: { status: CaseStatus; closedAt?: number | null }, closedSince: number): boolean {
  if (BOARD_OPEN_STATUSES.includes(c.status)) return true;
  return BOARD_CLOSED_STATUSES.includes(c.status) && c.closedAt != null && c.closedAt >= closedSince;
}
