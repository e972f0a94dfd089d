/**
 * Recording policies from the administration view: list, set, remove, explain. Administrators only (checked by the
 * routes). A change and its admin-audit row commit together; after the commit the recorder is told, so a camera
 * starts or stops recording without a restart. Refusals (unknown unit or camera, a retired camera, no such row)
 * are thrown before anything is written.
 */
import { GridCommandError } from '../../common/errors.js';
import type {
  EffectiveRecordingPolicy,
  PolicyTarget,
  RecordingPolicyList,
  RecordingPolicyRow,
  SetRecordingPolicy,
} from '../../common/recording-policy-schemas.js';
import { recordAdminAct, type AdminActor } from '../admin-audit/admin-audit-store.js';
import type { HubContext } from '../hub-context.js';
import {
  cameraNames,
  explainPolicy,
  listPolicyRows,
  policyCamera,
  policyRowOf,
  removePolicyRow,
  unitExists,
} from './policy-store.js';
import { camerasToRecord } from './recorder.js';
import type { RecordingServices } from './recording-services.js';
import { effectivePolicies, setPolicy } from './recording-store.js';

export interface PolicyCaller {
  readonly actor: AdminActor;
  readonly ip: string;
}

/** The capped cameras the view names (the rest are counted): a county may cap hundreds. */
const CAPPED_NAMED = 20;

const targetText = (t: PolicyTarget) => (t.kind === 'camera' ? `camera:${t.cameraId}` : `unit:${t.unitCode}`);

function checkTarget(ctx: HubContext, target: PolicyTarget): void {
  if (target.kind === 'unit') {
    if (!unitExists(ctx.db, target.unitCode)) {
      throw new GridCommandError('unknown_unit', `no unit ${target.unitCode}`, 'target.unitCode', 404);
    }
    return;
  }
  const camera = policyCamera(ctx.db, target.cameraId);
  if (!camera) throw new GridCommandError('not_found', `no camera ${target.cameraId}`, 'target.cameraId');
  if (camera.retired) {
    throw new GridCommandError('conflict', `camera ${target.cameraId} is retired`, 'target.cameraId', 409);
  }
}

export function listRecordingPolicies(ctx: HubContext, recording: RecordingServices): RecordingPolicyList {
  const { settings, recorder } = recording;
  const { record, capped } = camerasToRecord(effectivePolicies(ctx.db), settings.maxCameras);
  const named = capped.slice(0, CAPPED_NAMED);
  const names = cameraNames(ctx.db, named);
  return {
    items: listPolicyRows(ctx.db),
    hub: {
      enabled: settings.enabled,
      retentionDays: settings.retentionDays,
      quotaBytes: settings.quotaBytes,
      maxCameras: settings.maxCameras,
      segmentSeconds: settings.segmentSeconds,
      wanted: record.length + capped.length,
      recording: recorder?.recording.length ?? 0,
      capped: named.map((id) => ({ id, name: names.get(id) ?? id })),
      cappedTotal: capped.length,
    },
  };
}

export async function setRecordingPolicy(
  ctx: HubContext,
  recording: RecordingServices,
  body: SetRecordingPolicy,
  caller: PolicyCaller,
): Promise<RecordingPolicyRow> {
  const { target, mode } = body;
  // Only `events` keeps seconds around a mark (the schema refuses them elsewhere); the others store 0.
  const policy = { mode, preSeconds: body.preSeconds ?? 0, postSeconds: body.postSeconds ?? 0 };
  await ctx.writes.run(() => {
    checkTarget(ctx, target);
    const before = policyRowOf(ctx.db, target);
    const at = ctx.now();
    setPolicy(
      ctx.db,
      target.kind === 'camera' ? { cameraId: target.cameraId } : { unitCode: target.unitCode },
      policy,
      at,
      caller.actor.username,
    );
    recordAdminAct(ctx.db, {
      actor: caller.actor,
      ip: caller.ip,
      action: 'recording_policy.set',
      target: targetText(target),
      detail: {
        ...policy,
        before: before ? { mode: before.mode, preSeconds: before.preSeconds, postSeconds: before.postSeconds } : null,
      },
      at,
    });
  });
  recording.policiesChanged();
  return policyRowOf(ctx.db, target)!;
}

export async function removeRecordingPolicy(
  ctx: HubContext,
  recording: RecordingServices,
  target: PolicyTarget,
  caller: PolicyCaller,
): Promise<{ ok: true }> {
  await ctx.writes.run(() => {
    const before = policyRowOf(ctx.db, target);
    if (!before) throw new GridCommandError('not_found', `no recording policy for ${targetText(target)}`, 'target');
    removePolicyRow(ctx.db, target);
    recordAdminAct(ctx.db, {
      actor: caller.actor,
      ip: caller.ip,
      action: 'recording_policy.removed',
      target: targetText(target),
      detail: { mode: before.mode, preSeconds: before.preSeconds, postSeconds: before.postSeconds },
      at: ctx.now(),
    });
  });
  recording.policiesChanged();
  return { ok: true };
}

/** Which row applies to a camera and why, and what the recorder does with it at this hub now. */
export function explainRecordingPolicy(
  ctx: HubContext,
  recording: RecordingServices,
  cameraId: string,
): EffectiveRecordingPolicy {
  const camera = policyCamera(ctx.db, cameraId);
  if (!camera) throw new GridCommandError('not_found', `no camera ${cameraId}`, 'id');
  const applies = explainPolicy(ctx.db, cameraId);
  const mode = applies?.mode ?? 'off';
  const status = ((): EffectiveRecordingPolicy['status'] => {
    if (camera.retired) return 'retired';
    if (mode === 'off') return 'not_recorded';
    if (!recording.recorder) return 'hub_off';
    if (recording.recorder.recording.includes(cameraId)) return 'recording';
    const { capped } = camerasToRecord(effectivePolicies(ctx.db), recording.settings.maxCameras);
    return capped.includes(cameraId) ? 'capped' : 'starting';
  })();
  return {
    cameraId,
    cameraName: camera.name,
    cameraCode: camera.code,
    mode,
    preSeconds: applies?.preSeconds ?? 0,
    postSeconds: applies?.postSeconds ?? 0,
    source: applies?.source ?? 'none',
    sourceUnit: applies?.unit ?? null,
    status,
  };
}
