/** The console's recording calls (common/contract-recording.ts) against the hub: straight through; the hub decides. */
import type { CallRequest, CallResponse } from '../common/contract.js';
import type { recordingConsoleCalls } from '../common/contract-recording.js';
import type { HubClient } from './hub-client.js';

type RecordingCallName = keyof typeof recordingConsoleCalls;
type RecordingHandlers = { [K in RecordingCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function recordingHandlers(client: () => HubClient, token: () => string): RecordingHandlers {
  return {
    'recording.spans': async ({ cameraId, range }) =>
      client().call('cameraRecordings', { token: token(), params: { id: cameraId }, query: range }),
    'recording.playback': async ({ cameraId, request }) =>
      client().call('cameraPlayback', { token: token(), params: { id: cameraId }, body: request }),
    'recording.exportClip': async ({ cameraId, clip }) =>
      client().call('cameraClipExport', { token: token(), params: { id: cameraId }, body: clip }),
    'recording.caseMarks': async ({ cameraId, range }) =>
      client().call('cameraCaseMarks', { token: token(), params: { id: cameraId }, query: range }),
  };
}
