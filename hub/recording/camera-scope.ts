/**
 * Recordings are seen by whoever may watch the camera live: own subtree, or lent by a grant. Unknown and
 * out-of-scope cameras get the same answer, so ids cannot be probed for existence.
 */
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { canViewCamera, roleAllows } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import type { HubContext } from '../hub-context.js';
import { getCameraWithSources, grantedSetFor } from '../video-access/access-facts.js';

const forbidden = () => new GridCommandError('forbidden', 'camera outside your scope');

/** The camera, if the user may watch it live now (own subtree, or lent by a grant); else `forbidden`. */
export function viewableCamera(hub: HubContext, user: User, cameraId: string): CameraRecord {
  const camera = getCameraWithSources(hub.db, cameraId);
  if (!roleAllows(user, 'camera.view') || !camera) throw forbidden();
  const lent = !isWithinScope(user.orgUnitCode, camera.orgUnitCode);
  if (!canViewCamera(user, camera, lent ? grantedSetFor(hub.db, camera.id, user.orgUnitCode, hub.now()) : undefined)) {
    throw forbidden();
  }
  return camera;
}
