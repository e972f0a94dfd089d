/**
 * PTZ on the hub: who may steer (common/ptz-policy.ts), one operator at a time (the lock, 60 s after the last
 * command), the driver that reaches the camera, and the audit of every accepted command. A refused command (no
 * permission, not PTZ, locked by someone else) changes nothing and writes nothing.
 */
import { GridCommandError } from '../../common/errors.js';
import { PtzLocks, PTZ_LOCK_MS, steerVerdict, type LockHolder } from '../../common/ptz-policy.js';
import type { PtzCommand, PtzLock, PtzStatus } from '../../common/ptz-schemas.js';
import type { User } from '../../common/schemas.js';
import { parseStreamSource } from '../media/stream-source.js';
import type { HubContext } from '../hub-context.js';
import { getCameraWithSources } from '../video-access/access-facts.js';
import type { CameraRecord } from '../cameras/cameras-store.js';
import { DemoPtzDriver } from './demo-ptz-driver.js';
import { OnvifPtzDriver } from './onvif-ptz-driver.js';
import type { PtzDriver } from './ptz-driver.js';
import { appendPtzAudit, liveLoanOf, onvifTargetOf } from './ptz-store.js';

export interface PtzOptions {
  /** How long a lock outlives its holder's last command (default 60 s). */
  readonly lockMs?: number;
}

const toLock = (h: LockHolder | null, now: number, userId: string): PtzLock | null =>
  h && {
    heldByYou: h.userId === userId,
    userId: h.userId,
    displayName: h.displayName,
    expiresAt: new Date(h.expiresAt).toISOString(),
    secondsLeft: Math.max(0, Math.ceil((h.expiresAt - now) / 1000)),
  };

export class PtzService {
  private readonly locks: PtzLocks;
  /** Per camera, with the ONVIF target it was made for (in memory only): an edited address or account makes a new one. */
  private readonly drivers = new Map<string, { driver: PtzDriver; target: string }>();

  constructor(
    private readonly hub: HubContext,
    options: PtzOptions = {},
  ) {
    this.locks = new PtzLocks(options.lockMs ?? PTZ_LOCK_MS);
  }

  async status(user: User, cameraId: string): Promise<PtzStatus> {
    const { camera, driver } = this.checked(user, cameraId);
    return this.describe(user, camera, driver);
  }

  async command(user: User, cameraId: string, command: PtzCommand): Promise<PtzStatus> {
    const { camera, driver } = this.checked(user, cameraId);
    const now = this.hub.now();
    if (command.action === 'release') {
      if (this.locks.release(camera.id, user.id, now)) {
        await this.audit(user, camera, command.action, {});
      }
      return this.describe(user, camera, driver);
    }
    const taken = this.locks.acquire(camera.id, user, now);
    if (!taken.ok) {
      const seconds = Math.max(1, Math.ceil((taken.holder.expiresAt - now) / 1000));
      throw new GridCommandError(
        'ptz_locked',
        `${taken.holder.displayName} is steering this camera (${seconds} s left)`,
        undefined,
        undefined,
        { holder: taken.holder.displayName, seconds },
      );
    }
    switch (command.action) {
      case 'move':
        await driver.move(command);
        break;
      case 'stop':
        await driver.stop();
        break;
      case 'goto_preset':
        await driver.gotoPreset(command.preset);
        break;
      case 'set_preset':
        await driver.setPreset(command.preset);
        break;
    }
    const { action, ...detail } = command;
    await this.audit(user, camera, action, { ...detail, driver: driver.kind });
    return this.describe(user, camera, driver);
  }

  private audit(user: User, camera: CameraRecord, command: PtzCommand['action'], detail: Record<string, unknown>) {
    const at = this.hub.now();
    return this.hub.writes.run(() => appendPtzAudit(this.hub.db, { at, user, camera, command, detail }));
  }

  private async describe(user: User, camera: CameraRecord, driver: PtzDriver): Promise<PtzStatus> {
    const now = this.hub.now();
    let presets: number[] = [];
    try {
      presets = await driver.presets();
    } catch (err) {
      this.hub.log.warn({ err, cameraId: camera.id }, 'ptz presets unavailable'); // the pad still works
    }
    return {
      cameraId: camera.id,
      driver: driver.kind,
      maySteer: true,
      lock: toLock(this.locks.holder(camera.id, now), now, user.id),
      presets,
      position: driver.position(),
    };
  }

  /** The camera and its driver when `user` may steer it; the refusal's code otherwise. */
  private checked(user: User, cameraId: string): { camera: CameraRecord; driver: PtzDriver } {
    const camera = getCameraWithSources(this.hub.db, cameraId);
    if (!camera) throw new GridCommandError('not_found', 'no such camera');
    const driver = this.driverFor(camera);
    const verdict = steerVerdict(user, {
      cameraOrgUnitCode: camera.orgUnitCode,
      steerable: driver !== null,
      loan: liveLoanOf(this.hub.db, camera.id, user.orgUnitCode, this.hub.now()),
    });
    if (verdict === 'ptz_not_permitted') {
      throw new GridCommandError('ptz_not_permitted', 'you may not steer this camera');
    }
    if (verdict !== 'ok' || !driver) throw new GridCommandError('ptz_not_supported', 'this camera cannot be steered');
    return { camera, driver };
  }

  /** ONVIF when the camera has an ONVIF address; the demo driver for a demo PTZ camera; none otherwise. */
  private driverFor(camera: CameraRecord): PtzDriver | null {
    if (camera.kind !== 'ptz') return null;
    const onvif = onvifTargetOf(this.hub.db, camera.id);
    const target = JSON.stringify(onvif);
    const known = this.drivers.get(camera.id);
    if (known?.target === target) return known.driver;
    const driver = onvif
      ? new OnvifPtzDriver(onvif)
      : parseStreamSource(camera.mainStream).kind === 'demo'
        ? new DemoPtzDriver(this.hub.video.gateway, camera)
        : null;
    if (driver) this.drivers.set(camera.id, { driver, target });
    else this.drivers.delete(camera.id);
    return driver;
  }
}
