/**
 * A real PTZ camera over ONVIF (npm `onvif`'s Cam). The camera's ONVIF device service URL and account are stored on
 * the hub (migration 0026, `cameras.onvif_*`); the password is handed to the Cam object and nowhere else: errors are
 * reported by code with the device's message stripped of the URL's credentials (redactSecrets).
 *
 * Steps are RelativeMove translations in the camera's generic space ([-1, 1] pan/tilt, [0, 1] zoom); presets are the
 * camera's own, named "1"…"9" so every console's number keys mean the same preset.
 */
import { Cam } from 'onvif';
import { GridCommandError } from '../../common/errors.js';
import { redactSecrets } from '../logging.js';
import { PAN_STEP, type PtzDriver, type PtzStep } from './ptz-driver.js';

export interface OnvifTarget {
  readonly url: string;
  readonly username: string | null;
  readonly password: string | null;
}

const ZOOM_TRANSLATION = 0.1;
const TIMEOUT_MS = 5000;

const failed = (err: unknown) =>
  new GridCommandError(
    'ptz_failed',
    `the camera refused: ${redactSecrets(err instanceof Error ? err.message : String(err))}`,
  );

export class OnvifPtzDriver implements PtzDriver {
  readonly kind = 'onvif';
  private cam: Promise<Cam> | null = null;

  constructor(private readonly target: OnvifTarget) {}

  position(): null {
    return null; // a status query per answer would double the camera's traffic; the picture shows where it points
  }

  async move(step: PtzStep): Promise<void> {
    const cam = await this.connected();
    await call<unknown>((cb) =>
      cam.relativeMove({ x: step.pan * PAN_STEP, y: -step.tilt * PAN_STEP, zoom: step.zoom * ZOOM_TRANSLATION }, cb),
    );
  }

  async stop(): Promise<void> {
    const cam = await this.connected();
    await call<unknown>((cb) => cam.stop({ panTilt: true, zoom: true }, cb));
  }

  async gotoPreset(preset: number): Promise<void> {
    const cam = await this.connected();
    const token = (await this.presetTokens(cam)).get(preset);
    if (!token) throw new GridCommandError('not_found', `preset ${preset} is not set on this camera`);
    await call<unknown>((cb) => cam.gotoPreset({ preset: token }, cb));
  }

  async setPreset(preset: number): Promise<void> {
    const cam = await this.connected();
    const token = (await this.presetTokens(cam)).get(preset);
    await call<unknown>((cb) =>
      cam.setPreset({ presetName: String(preset), ...(token ? { presetToken: token } : {}) }, cb),
    );
  }

  async presets(): Promise<number[]> {
    const cam = await this.connected();
    return [...(await this.presetTokens(cam)).keys()].sort((a, b) => a - b);
  }

  private async presetTokens(cam: Cam): Promise<Map<number, string>> {
    const byName = await call<Record<string, { $: { token: string } }>>((cb) => cam.getPresets({}, cb));
    const tokens = new Map<number, string>();
    for (const [name, preset] of Object.entries(byName)) {
      const n = Number(name);
      if (Number.isInteger(n) && n >= 1 && n <= 9) tokens.set(n, preset.$.token);
    }
    return tokens;
  }

  /** Connects once (device → media profiles → PTZ service); a failed connect is retried by the next command. */
  private connected(): Promise<Cam> {
    this.cam ??= new Promise<Cam>((resolve, reject) => {
      const url = new URL(this.target.url);
      const cam: Cam = new Cam(
        {
          hostname: url.hostname,
          port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
          path: url.pathname,
          ...(this.target.username ? { username: this.target.username } : {}),
          ...(this.target.password ? { password: this.target.password } : {}),
          timeout: TIMEOUT_MS,
          preserveAddress: true,
        },
        (err) => (err ? reject(failed(err)) : resolve(cam)),
      );
    }).catch((err: unknown) => {
      this.cam = null;
      throw err;
    });
    return this.cam;
  }
}

function call<T>(run: (cb: (err: Error | null, result: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((err, result) => (err ? reject(failed(err)) : resolve(result))));
}
