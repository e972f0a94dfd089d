/**
 * Beijing-time arithmetic for the roster (pure, no DOM): a command room's days and weeks are Beijing's whatever
 * the console machine's time zone is, and a shift typed as "2030-01-07 08:00" means 08:00 in Beijing.
 */
const DAY = 24 * 3600_000;
const BEIJING_OFFSET = 8 * 3600_000;

/** Midnight in Beijing that begins the day holding `ms`. */
export function beijingDayStart(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
}

/** Monday 00:00 in Beijing of the week holding `ms`. */
export function beijingWeekStart(ms: number): number {
  const day = beijingDayStart(ms);
  const weekday = (Math.floor((day + BEIJING_OFFSET) / DAY) + 3) % 7; // 1970-01-01 was a Thursday: Monday = 0
  return day - weekday * DAY;
}

/** The seven day starts of the week beginning `weekStart`. */
export function weekDays(weekStart: number): number[] {
  return Array.from({ length: 7 }, (_, i) => weekStart + i * DAY);
}

/** "2030-01-07" of a Beijing day. */
export function beijingDate(ms: number): string {
  return new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** "08:00" in Beijing. */
export function beijingClock(ms: number): string {
  return new Date(ms + BEIJING_OFFSET).toISOString().slice(11, 16);
}

/** A shift typed as a Beijing date, start time and length in hours, as the ISO times the hub takes. */
export function shiftTimes(date: string, start: string, hours: number): { startsAt: string; endsAt: string } {
  const startsAt = Date.parse(`${date}T${start}:00+08:00`);
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + hours * 3600_000).toISOString() };
}

/** Shifts touching the Beijing day that begins at `dayStart`. */
export function shiftsOfDay<S extends { startsAt: number; endsAt: number }>(
  shifts: readonly S[],
  dayStart: number,
): S[] {
  return shifts.filter((s) => s.startsAt < dayStart + DAY && s.endsAt > dayStart);
}

export const DAY_MS = DAY;
