/**
 * The console's feature calls that go straight through to the hub with the session's token — the hub checks who may,
 * every time. One module per feature; this gathers them for the console service.
 */
import type { HubClient } from './hub-client.js';
import { adminHandlers } from './admin-calls.js';
import { ptzHandlers } from './ptz-calls.js';
import { recordingHandlers } from './recording-calls.js';
import { referenceHandlers } from './reference-calls.js';
import { rolesHandlers } from './roles-calls.js';
import { searchHandlers } from './search-calls.js';
import { shiftHandlers } from './shift-calls.js';

export function straightThroughHandlers(client: () => HubClient, token: () => string) {
  return {
    // Administration, incl. recording policies (main/admin-calls.ts).
    ...adminHandlers(client, token),
    // Deadline tables and the work calendar; `reference.get` falls back to the last answer offline.
    ...referenceHandlers(client, token),
    // Duty roster, handovers, the hub's alerts.
    ...shiftHandlers(client, token),
    // Village level and departments: ratings of departments, camera loans.
    ...rolesHandlers(client, token),
    // Case search and archive.
    ...searchHandlers(client, token),
    // PTZ on the wall.
    ...ptzHandlers(client, token),
    // Playback, clips, case markers.
    ...recordingHandlers(client, token),
  };
}
