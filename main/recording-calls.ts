/** The console's recording calls (common/contract-recording.ts) against the hub: straight through; the hub decides. */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { recordingConsoleCalls } from '../common/contract-recording.js';
import { HubClient } from './hub-client.js';

/**
 * An export waits for the hub's ffmpeg to cut and re-encode up to ten minutes of footage with the watermark, then the
 * evidence store's checks: minutes on a busy hub, far beyond the ordinary calls' 10 s.
 */
const EXPORT_TIMEOUT_MS = 5 * 60_000;

type RecordingCallName = keyof typeof recordingConsoleCalls;
type RecordingHandlers = { [K in RecordingCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function recordingHandlers(client: () => HubClient, token: () => string): RecordingHandlers {
  return {
    'recording.spans': async ({ cameraId, range }) =>
      client().call('cameraRecordings', { token: token(), params: { id: cameraId }, query: range }),
    'recording.playback': async ({ cameraId, request }) =>
      client().call('cameraPlayback', { token: token(), params: { id: cameraId }, body: request }),
    'recording.exportClip': async ({ cameraId, clip }) =>
      new HubClient(client().baseUrl, EXPORT_TIMEOUT_MS).call('cameraClipExport', {
        token: token(),
        params: { id: cameraId },
        body: clip,
      }),
    'recording.caseMarks': async ({ cameraId, range }) =>
      client().call('cameraCaseMarks', { token: token(), params: { id: cameraId }, query: range }),
  };
}
