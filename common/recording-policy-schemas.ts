/**
 * Recording policies as the county administrator sets them (administration view → 录像策略): per unit or per camera,
 * `continuous`, `events` (keep `preSeconds` before to `postSeconds` after a mark) or `off`. A camera's own row wins
 * over its nearest unit's. The hub stores what this validates (hub/recording/policy-admin.ts); the same bounds are
 * CHECKs in the table (migration 0028), so SQL and the API can never disagree on what a policy may be.
 */
import { z } from 'zod';
import { OrgCode } from './schemas.js';

export const RECORDING_MODES = ['continuous', 'events', 'off'] as const;
export type RecordingModeName = (typeof RECORDING_MODES)[number];

/** An hour either side of a mark at most (the table's CHECK): longer is what `continuous` is for. */
export const MAX_EVENT_SECONDS = 3600;
const EventSeconds = z.number().int('whole seconds').min(0).max(MAX_EVENT_SECONDS, 'at most 3600 seconds');

export const RecordingCameraId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a camera id');

/** Whom a policy row is for: a unit (and every camera under it without a nearer row) or one camera. */
export const PolicyTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), unitCode: OrgCode }),
  z.strictObject({ kind: z.literal('camera'), cameraId: RecordingCameraId }),
]);
export type PolicyTarget = z.infer<typeof PolicyTarget>;

/**
 * A row to set (replaces the target's row if it has one). The seconds belong to `events` only: required there,
 * refused elsewhere, so a "continuous, 30 s before" that would mean nothing is never stored.
 */
export const SetRecordingPolicy = z
  .strictObject({
    target: PolicyTarget,
    mode: z.enum(RECORDING_MODES),
    preSeconds: EventSeconds.optional(),
    postSeconds: EventSeconds.optional(),
  })
  .superRefine((v, ctx) => {
    for (const key of ['preSeconds', 'postSeconds'] as const) {
      if (v.mode === 'events' && v[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'an events policy needs seconds before and after' });
      }
      if (v.mode !== 'events' && v[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'only an events policy keeps seconds around a mark' });
      }
    }
  });
export type SetRecordingPolicy = z.input<typeof SetRecordingPolicy>;

export const RemoveRecordingPolicy = z.strictObject({ target: PolicyTarget });
export type RemoveRecordingPolicy = z.infer<typeof RemoveRecordingPolicy>;

export const RecordingPolicyRow = z.strictObject({
  target: PolicyTarget,
  /** The unit's or the camera's name, and its code (GB/T 2260 unit code, GB/T 28181 camera code). */
  name: z.string(),
  code: z.string(),
  mode: z.enum(RECORDING_MODES),
  preSeconds: z.number().int(),
  postSeconds: z.number().int(),
  updatedAt: z.string(),
  /** Username of the administrator; null: set by the hub at start (GRID_RECORDING_CAMERAS) or by SQL. */
  updatedBy: z.string().nullable(),
});
export type RecordingPolicyRow = z.infer<typeof RecordingPolicyRow>;

/**
 * The recorder's settings in force at this hub (environment, read-only here): never the folder's path. `wanted` is
 * how many cameras their policy says to record; beyond `maxCameras` the rest (`capped`, first ones named) do not.
 */
export const RecordingHubSettings = z.strictObject({
  enabled: z.boolean(),
  retentionDays: z.number(),
  /** 0: no quota. */
  quotaBytes: z.number().int().nonnegative(),
  maxCameras: z.number().int().positive(),
  segmentSeconds: z.number(),
  wanted: z.number().int().nonnegative(),
  recording: z.number().int().nonnegative(),
  capped: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  cappedTotal: z.number().int().nonnegative(),
});
export type RecordingHubSettings = z.infer<typeof RecordingHubSettings>;

export const RecordingPolicyList = z.strictObject({ items: z.array(RecordingPolicyRow), hub: RecordingHubSettings });
export type RecordingPolicyList = z.infer<typeof RecordingPolicyList>;

/**
 * What applies to one camera and why: its own row (`camera`), its nearest unit's (`unit`, named), or none (not
 * recorded). `status` is what the recorder does with it at this hub right now.
 */
export const RECORDING_STATUSES = ['recording', 'starting', 'capped', 'not_recorded', 'hub_off', 'retired'] as const;
export const EffectiveRecordingPolicy = z.strictObject({
  cameraId: z.string(),
  cameraName: z.string(),
  cameraCode: z.string(),
  mode: z.enum(RECORDING_MODES),
  preSeconds: z.number().int(),
  postSeconds: z.number().int(),
  source: z.enum(['camera', 'unit', 'none']),
  sourceUnit: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
  status: z.enum(RECORDING_STATUSES),
});
export type EffectiveRecordingPolicy = z.infer<typeof EffectiveRecordingPolicy>;

export const EffectivePolicyParams = z.strictObject({ id: RecordingCameraId });
