/**
 * Recording as the hub runs it (hub/server.ts): the recordings folder, the recorder when enabled, and the
 * continuous policies GRID_RECORDING_CAMERAS asks for at start (a demo; a county sets policies in the administration
 * view, hub/recording/policy-admin.ts, which tells the recorder through `policiesChanged`).
 */
import type { FastifyBaseLogger } from 'fastify';
import { join } from 'node:path';
import type { HubDatabase } from '../db/database.js';
import { Recorder, type RecorderOptions } from './recorder.js';
import { effectivePolicies, setPolicy } from './recording-store.js';

export interface RecordingOptions {
  /** Off unless asked for: a recording camera is an ffmpeg running all the time. */
  readonly enabled?: boolean;
  /** Default `<data dir>/recordings`. */
  readonly root?: string;
  /** Cameras given a continuous policy at start (when they have no policy of their own). */
  readonly cameras?: readonly string[];
  readonly recorder?: Partial<Omit<RecorderOptions, 'root' | 'ffmpegPath'>>;
}

/** The recorder's settings in force (the administration view shows them read-only; never the folder's path). */
export interface RecordingSettings {
  readonly enabled: boolean;
  readonly retentionDays: number;
  readonly quotaBytes: number;
  readonly maxCameras: number;
  readonly segmentSeconds: number;
}

export interface RecordingServices {
  readonly root: string;
  readonly recorder: Recorder | null;
  readonly settings: RecordingSettings;
  /** A policy row changed: the recorder starts and stops cameras now (no restart, no waiting for its timer). */
  policiesChanged(): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const RECORDING_DEFAULTS = {
  segmentSeconds: 2,
  retentionDays: 7,
  quotaBytes: 0,
  maxCameras: 2,
  demoRendition: { width: 640, height: 360, kbps: 500 },
  demoFps: 15,
} as const;

export function createRecordingServices(
  deps: { db: HubDatabase; now: () => number; log: FastifyBaseLogger; dataDir: string },
  ffmpegPath: () => Promise<string>,
  options: RecordingOptions = {},
): RecordingServices {
  const root = options.root ?? join(deps.dataDir, 'recordings');
  const recorder = options.enabled
    ? new Recorder(
        { db: deps.db, now: deps.now, log: deps.log },
        { ...RECORDING_DEFAULTS, ...options.recorder, root, ffmpegPath },
      )
    : null;
  const tuned = { ...RECORDING_DEFAULTS, ...options.recorder };
  return {
    root,
    recorder,
    settings: {
      enabled: recorder !== null,
      retentionDays: tuned.retentionDays,
      quotaBytes: tuned.quotaBytes,
      maxCameras: tuned.maxCameras,
      segmentSeconds: tuned.segmentSeconds,
    },
    policiesChanged() {
      // The tick logs its own failures; nothing here for the caller to wait on or handle.
      void recorder?.policiesChanged();
    },
    async start() {
      if (!recorder) return;
      const have = effectivePolicies(deps.db);
      for (const id of options.cameras ?? []) {
        if (have.has(id)) continue;
        try {
          setPolicy(deps.db, { cameraId: id }, { mode: 'continuous', preSeconds: 0, postSeconds: 0 }, deps.now());
        } catch (err) {
          deps.log.warn({ err, cameraId: id }, 'GRID_RECORDING_CAMERAS names an unknown camera');
        }
      }
      await recorder.start();
    },
    async close() {
      await recorder?.stop();
    },
  };
}
