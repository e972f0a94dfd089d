/**
 * PTZ commands and the state a console shows (issue 16 §3). One shape for every driver (demo, ONVIF): the hub turns
 * a command into the driver's own call. Pan and tilt are steps of -1, 0 or 1 (an arrow key, a pad button): the driver
 * decides how far a step goes, so a console cannot send a camera to an arbitrary spot in one command.
 */
import { z } from 'zod';

export const PTZ_PRESET_MAX = 9; // number keys 1–9 on the focused tile
export const PtzPreset = z.number().int().min(1).max(PTZ_PRESET_MAX);

const Step = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

export const PtzCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('move'), pan: Step, tilt: Step, zoom: Step }),
  z.strictObject({ action: z.literal('stop') }),
  z.strictObject({ action: z.literal('goto_preset'), preset: PtzPreset }),
  z.strictObject({ action: z.literal('set_preset'), preset: PtzPreset }),
  /** Give the lock back before it times out. */
  z.strictObject({ action: z.literal('release') }),
]);
export type PtzCommand = z.infer<typeof PtzCommand>;
export type PtzAction = PtzCommand['action'];
export const PTZ_ACTIONS = ['move', 'stop', 'goto_preset', 'set_preset', 'release'] as const;

export const PtzLock = z.strictObject({
  userId: z.string(),
  displayName: z.string(),
  /** When the lock lapses unless its holder sends another command. */
  expiresAt: z.string(),
  /** Whole seconds left at the time of the answer (the console counts down from it). */
  secondsLeft: z.number().int().nonnegative(),
  /** The asking user holds it. */
  heldByYou: z.boolean(),
});
export type PtzLock = z.infer<typeof PtzLock>;

export const PtzStatus = z.strictObject({
  cameraId: z.string(),
  driver: z.enum(['demo', 'onvif']),
  /** Whether the asking user may steer it (scope, or a loan that allows steering). */
  maySteer: z.boolean(),
  lock: PtzLock.nullable(),
  /** Preset numbers that are set. */
  presets: z.array(PtzPreset),
  /** Where the camera points, when the driver knows (the demo driver always does): pan, tilt ∈ [-1,1], zoom ∈ [1,4]. */
  position: z.strictObject({ pan: z.number(), tilt: z.number(), zoom: z.number() }).nullable(),
});
export type PtzStatus = z.infer<typeof PtzStatus>;

export const PtzAuditEntry = z.strictObject({
  at: z.string(),
  username: z.string(),
  userDisplayName: z.string(),
  cameraId: z.string(),
  cameraName: z.string(),
  command: z.enum(PTZ_ACTIONS),
  detail: z.record(z.string(), z.unknown()),
});
export type PtzAuditEntry = z.infer<typeof PtzAuditEntry>;
export const PtzAuditList = z.strictObject({ items: z.array(PtzAuditEntry) });
export const PtzAuditQuery = z.strictObject({ cameraId: z.string().min(1).max(64) });
