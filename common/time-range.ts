/**
 * The one range every instant on the wire must fall in: from 2000-01-01 to 2100-01-01 (exclusive), Beijing time.
 *
 * Why bounded at all: an instant outside it is never a real case time, and each kind of out-of-range value broke
 * something — an instant before 1970 is a negative epoch the stored case could not be read back with, and a
 * deadline in year 9999 made the working-time clock walk millennia. Why these ends: the old platform's history
 * goes back to 2017 and must import; nothing the hub handles is due after 2099. Epoch-millisecond numbers and ISO
 * 8601 strings get the same ends, so a value accepted in one form is accepted in the other.
 */
import { z } from 'zod';

/** 2000-01-01T00:00:00+08:00. */
export const TIME_MIN_MS = Date.UTC(1999, 11, 31, 16);
/** 2100-01-01T00:00:00+08:00, exclusive. */
export const TIME_MAX_MS = Date.UTC(2099, 11, 31, 16);

const RANGE_MESSAGE = 'time must be between 2000-01-01 and 2100-01-01 (Beijing time)';

export const inTimeRange = (ms: number): boolean => Number.isFinite(ms) && ms >= TIME_MIN_MS && ms < TIME_MAX_MS;

/** An instant as epoch milliseconds (UTC), inside the range. */
export const Timestamp = z
  .number()
  .int()
  .min(TIME_MIN_MS, RANGE_MESSAGE)
  .max(TIME_MAX_MS - 1, RANGE_MESSAGE);

/** An ISO 8601 date-time with its offset, inside the range. */
export const BoundedDateTime = z.iso
  .datetime({ offset: true, message: 'time must be ISO 8601 with an offset' })
  .refine((value) => inTimeRange(Date.parse(value)), RANGE_MESSAGE);

/** A bare date (YYYY-MM-DD) is Beijing midnight; the hub reads both forms with `instantOf`. */
export const BoundedDateOrTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'time must be an ISO 8601 date or date-time' })
  .refine((value) => inTimeRange(instantOf(value)), RANGE_MESSAGE);

/** Epoch milliseconds of a BoundedDateOrTime value: a bare date is midnight in Beijing. */
export function instantOf(value: string): number {
  return value.length === 10 ? Date.parse(`${value}T00:00:00+08:00`) : Date.parse(value);
}
