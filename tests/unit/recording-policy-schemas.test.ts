/** The shared schemas of recording policies (common/recording-policy-schemas.ts): what the hub and the view accept. */
import { describe, expect, it } from 'vitest';
import { describeZodIssue } from '../../common/errors.js';
import { MAX_EVENT_SECONDS, RemoveRecordingPolicy, SetRecordingPolicy } from '../../common/recording-policy-schemas.js';

const unit = { kind: 'unit', unitCode: '439901001' } as const;
const camera = { kind: 'camera', cameraId: 'cam-43990101001320000001' } as const;
const refusal = (value: unknown) => {
  const parsed = SetRecordingPolicy.safeParse(value);
  expect(parsed.success).toBe(false);
  return describeZodIssue(parsed.error!.issues);
};

describe('SetRecordingPolicy', () => {
  it('accepts continuous and off without seconds, and events with both', () => {
    expect(SetRecordingPolicy.parse({ target: unit, mode: 'continuous' })).toEqual({
      target: unit,
      mode: 'continuous',
    });
    expect(SetRecordingPolicy.parse({ target: camera, mode: 'off' }).mode).toBe('off');
    expect(
      SetRecordingPolicy.parse({ target: camera, mode: 'events', preSeconds: 0, postSeconds: MAX_EVENT_SECONDS }),
    ).toMatchObject({ preSeconds: 0, postSeconds: 3600 });
  });

  it('asks an events policy for both seconds and refuses them on any other', () => {
    expect(refusal({ target: unit, mode: 'events', preSeconds: 30 }).field).toBe('postSeconds');
    expect(refusal({ target: unit, mode: 'events' }).field).toBe('preSeconds');
    expect(refusal({ target: unit, mode: 'continuous', postSeconds: 10 }).field).toBe('postSeconds');
    expect(refusal({ target: unit, mode: 'off', preSeconds: 0 }).field).toBe('preSeconds');
  });

  it('bounds the seconds: whole, 0 to 3600', () => {
    expect(refusal({ target: unit, mode: 'events', preSeconds: -1, postSeconds: 10 }).field).toBe('preSeconds');
    expect(refusal({ target: unit, mode: 'events', preSeconds: 10, postSeconds: 3601 }).field).toBe('postSeconds');
    expect(refusal({ target: unit, mode: 'events', preSeconds: 1.5, postSeconds: 10 }).field).toBe('preSeconds');
    expect(refusal({ target: unit, mode: 'events', preSeconds: '30', postSeconds: 10 }).field).toBe('preSeconds');
  });

  it('refuses an unknown mode, a target that is not a unit or a camera, and extra keys', () => {
    expect(refusal({ target: unit, mode: 'always' }).field).toBe('mode');
    expect(refusal({ target: { kind: 'grid', unitCode: '439901001' }, mode: 'off' }).field).toBe('target.kind');
    expect(refusal({ target: { kind: 'unit', unitCode: '4399' }, mode: 'off' }).field).toBe('target.unitCode');
    expect(refusal({ target: { kind: 'camera', cameraId: '../etc' }, mode: 'off' }).field).toBe('target.cameraId');
    expect(refusal({ target: { kind: 'unit', unitCode: '439901001', cameraId: 'c1' }, mode: 'off' }).field).toBe(
      'target',
    );
    expect(refusal({ target: unit, mode: 'off', note: 'x' }).field).toBeUndefined();
  });
});

describe('RemoveRecordingPolicy', () => {
  it('names one target and nothing else', () => {
    expect(RemoveRecordingPolicy.parse({ target: camera })).toEqual({ target: camera });
    expect(RemoveRecordingPolicy.safeParse({ target: camera, mode: 'off' }).success).toBe(false);
    expect(RemoveRecordingPolicy.safeParse({}).success).toBe(false);
  });
});
