/**
 * Recording and playback (回放) routes, spread into hubRoutes. Scope is that of live viewing: a camera the caller
 * may not watch live (out of scope and not lent) has no recordings either, and the answer does not say whether it
 * exists. The playlist and segments themselves are served under `/playback/<camera>/<token>/…` (token in the path,
 * like `/media`), outside the JSON contract.
 */
import { z } from 'zod';
import type { ConsoleCall, HubRoute } from './contract.js';
import { Attachment } from './evidence-schemas.js';
import {
  CaseMarks,
  ClipExportRequest,
  PlaybackRequest,
  PlaybackTicket,
  RecordingRangeQuery,
  RecordingSpans,
} from './recording-schemas.js';
import { Empty } from './schemas.js';
import { CameraIdParams } from './video-schemas.js';

export const recordingHubRoutes = {
  /** Recorded spans and gaps of one camera in [from, to]. */
  cameraRecordings: {
    method: 'GET',
    path: '/api/v1/cameras/:id/recordings',
    auth: true,
    body: Empty,
    params: CameraIdParams,
    query: RecordingRangeQuery,
    response: RecordingSpans,
  },
  /** A playback ticket for [from, to]: audited like a live ticket (who, camera, from–to, reason, case). */
  cameraPlayback: {
    method: 'POST',
    path: '/api/v1/cameras/:id/playback',
    auth: true,
    body: PlaybackRequest,
    params: CameraIdParams,
    response: PlaybackTicket,
  },
  /**
   * Cuts [from, to] (≤ 10 min) to an MP4 with the exporter and the export time burnt in, and attaches it to the case
   * (scope-checked on the camera and the case); audited like a playback ticket with `{"export":<attachment id>}`.
   */
  cameraClipExport: {
    method: 'POST',
    path: '/api/v1/cameras/:id/clips',
    auth: true,
    body: ClipExportRequest,
    params: CameraIdParams,
    response: Attachment,
  },
  /**
   * Cases reported within 300 m of the camera in [from, to] (the playback timeline's markers), only those a unit of
   * the caller's scope holds; the camera must be viewable like its recordings.
   */
  cameraCaseMarks: {
    method: 'GET',
    path: '/api/v1/cameras/:id/case-marks',
    auth: true,
    body: Empty,
    params: CameraIdParams,
    query: RecordingRangeQuery,
    response: CaseMarks,
  },
} as const satisfies Record<string, HubRoute>;

const CameraId = z.string().min(1).max(64);

/** The console's recording calls: straight through to the hub (main/recording-calls.ts), which decides who may. */
export const recordingConsoleCalls = {
  'recording.spans': {
    request: z.strictObject({ cameraId: CameraId, range: RecordingRangeQuery }),
    response: RecordingSpans,
  },
  'recording.playback': {
    request: z.strictObject({ cameraId: CameraId, request: PlaybackRequest }),
    response: PlaybackTicket,
  },
  'recording.exportClip': {
    request: z.strictObject({ cameraId: CameraId, clip: ClipExportRequest }),
    response: Attachment,
  },
  'recording.caseMarks': {
    request: z.strictObject({ cameraId: CameraId, range: RecordingRangeQuery }),
    response: CaseMarks,
  },
} as const satisfies Record<string, ConsoleCall>;
