/**
 * The verifying desk's thresholds (resources/desk-limits.json, beside the deadline table and the intake limits):
 * what counts as a possible duplicate (same category, within `radiusM` metres and `windowHours` hours of report) and
 * how many unanswered call-back attempts let a public/hotline case close as "cannot be reached". Pure: the hub and the
 * console read the file and validate it with this schema.
 */
import { z } from 'zod';

export const DeskLimits = z.strictObject({
  comment: z.string().optional(),
  duplicates: z.strictObject({
    radiusM: z.number().positive().max(5000),
    windowHours: z
      .number()
      .positive()
      .max(24 * 30),
  }),
  callback: z.strictObject({ tries: z.number().int().min(1).max(10) }),
});
export type DeskLimits = z.infer<typeof DeskLimits>;

/** Used when a caller has no file at hand (the state machine's default); resources/desk-limits.json says the same. */
export const DEFAULT_CALLBACK_TRIES = 3;
