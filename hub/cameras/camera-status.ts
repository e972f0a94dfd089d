/**
 * A camera going on- or offline: recorded, then pushed to every console whose scope holds the camera. The media
 * gateway and the demo simulator report through here, so the two never diverge.
 */
import { getCamera, setCameraOnline } from './cameras-store.js';
import type { HubContext } from '../hub-context.js';

/** Returns true when the status changed (and was pushed). */
export function reportCameraStatus(hub: HubContext, cameraId: string, online: boolean): boolean {
  const camera = getCamera(hub.db, cameraId);
  if (!camera || !setCameraOnline(hub.db, cameraId, online)) return false;
  hub.realtime.publishScoped(camera.orgUnitCode, 'camera.status', {
    cameraId,
    orgUnitCode: camera.orgUnitCode,
    online,
    at: new Date(hub.now()).toISOString(),
  });
  return true;
}
