/**
 * Recording settings from the environment (README "Recording and playback"):
 * GRID_RECORDING=on|off (default off), GRID_RECORDING_DIR, GRID_RECORDING_CAMERAS (ids given a continuous policy),
 * GRID_RECORDING_RETENTION_DAYS (7), GRID_RECORDING_QUOTA_GB (0: none), GRID_RECORDING_MAX_CAMERAS (2),
 * GRID_RECORDING_SEGMENT_SECONDS (2).
 */
import { resolve } from 'node:path';
import type { RecordingOptions } from './recording-services.js';

function positive(env: NodeJS.ProcessEnv, name: string, allowZero = false): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new Error(`${name} must be a number > 0: ${raw}`);
  return n;
}

export function recordingFromEnv(env: NodeJS.ProcessEnv): RecordingOptions | undefined {
  const mode = env.GRID_RECORDING ?? 'off';
  if (mode !== 'on' && mode !== 'off') throw new Error(`GRID_RECORDING must be "on" or "off": ${mode}`);
  if (mode === 'off') return undefined;
  const quotaGb = positive(env, 'GRID_RECORDING_QUOTA_GB', true);
  const retentionDays = positive(env, 'GRID_RECORDING_RETENTION_DAYS');
  const maxCameras = positive(env, 'GRID_RECORDING_MAX_CAMERAS');
  const segmentSeconds = positive(env, 'GRID_RECORDING_SEGMENT_SECONDS');
  return {
    enabled: true,
    ...(env.GRID_RECORDING_DIR ? { root: resolve(env.GRID_RECORDING_DIR) } : {}),
    cameras: (env.GRID_RECORDING_CAMERAS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    recorder: {
      ...(quotaGb !== undefined ? { quotaBytes: Math.round(quotaGb * 1024 ** 3) } : {}),
      ...(retentionDays !== undefined ? { retentionDays } : {}),
      ...(maxCameras !== undefined ? { maxCameras: Math.floor(maxCameras) } : {}),
      ...(segmentSeconds !== undefined ? { segmentSeconds } : {}),
    },
  };
}
