/**
 * The demo PTZ camera: its position lives on the hub and the media gateway crops the camera's high-resolution demo
 * picture to it (hub/media/demo-ptz-view.ts). Presets are kept per camera in memory: a demo county is re-seeded
 * freely, and a real camera keeps its presets itself (ONVIF).
 */
import type { CameraRecord } from '../cameras/cameras-store.js';
import { clampView, HOME_VIEW, type PtzView } from '../media/demo-ptz-view.js';
import type { MediaGateway } from '../media/media-gateway.js';
import { PAN_STEP, ZOOM_STEP, type PtzDriver, type PtzPosition, type PtzStep } from './ptz-driver.js';

export class DemoPtzDriver implements PtzDriver {
  readonly kind = 'demo';
  private readonly saved = new Map<number, PtzView>();

  constructor(
    private readonly gateway: MediaGateway,
    private readonly camera: CameraRecord,
  ) {}

  position(): PtzPosition {
    return this.gateway.ptzView(this.camera.id);
  }

  async move(step: PtzStep): Promise<void> {
    const v = this.position();
    const zoom = step.zoom === 1 ? v.zoom * ZOOM_STEP : step.zoom === -1 ? v.zoom / ZOOM_STEP : v.zoom;
    await this.aim({
      pan: v.pan + (step.pan * PAN_STEP) / v.zoom,
      tilt: v.tilt + (step.tilt * PAN_STEP) / v.zoom,
      zoom,
    });
  }

  /** A step has already ended when it is applied: nothing keeps moving. */
  async stop(): Promise<void> {}

  async gotoPreset(preset: number): Promise<void> {
    await this.aim(this.saved.get(preset) ?? HOME_VIEW);
  }

  async setPreset(preset: number): Promise<void> {
    this.saved.set(preset, this.position());
  }

  async presets(): Promise<number[]> {
    return [...this.saved.keys()].sort((a, b) => a - b);
  }

  private aim(view: PtzView): Promise<void> {
    return this.gateway.aimDemoPtz(this.camera, clampView(view));
  }
}
