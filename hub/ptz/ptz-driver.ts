/**
 * One driver interface for every PTZ camera. The service (ptz-service.ts) checks permission, lock and audit; a driver
 * only turns a checked command into the camera's own calls. Pan/tilt/zoom steps are -1, 0 or 1.
 */
export interface PtzStep {
  readonly pan: -1 | 0 | 1;
  readonly tilt: -1 | 0 | 1;
  readonly zoom: -1 | 0 | 1;
}

export interface PtzPosition {
  readonly pan: number;
  readonly tilt: number;
  readonly zoom: number;
}

export interface PtzDriver {
  readonly kind: 'demo' | 'onvif';
  move(step: PtzStep): Promise<void>;
  stop(): Promise<void>;
  gotoPreset(preset: number): Promise<void>;
  setPreset(preset: number): Promise<void>;
  /** Preset numbers (1–9) that are set. */
  presets(): Promise<number[]>;
  /** Where the camera points, when the driver knows. */
  position(): PtzPosition | null;
}

/** How far one step goes, as a share of the full pan/tilt range (divided by the zoom: zoomed in, steps are finer). */
export const PAN_STEP = 0.2;
/** One zoom step multiplies or divides the zoom by this. */
export const ZOOM_STEP = 1.5;
