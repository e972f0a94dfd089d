/** onvif 0.8 ships no types; this is the part of its Cam class hub/ptz/onvif-ptz-driver.ts uses. */
declare module 'onvif' {
  type Callback<T = unknown> = (err: Error | null, result: T) => void;
  interface Vector {
    x?: number;
    y?: number;
    zoom?: number;
  }
  interface CamOptions {
    hostname: string;
    port?: number;
    path?: string;
    username?: string;
    password?: string;
    timeout?: number;
    autoconnect?: boolean;
    preserveAddress?: boolean;
  }
  export class Cam {
    constructor(options: CamOptions, callback?: Callback);
    connect(callback: Callback): void;
    relativeMove(options: Vector, callback: Callback): void;
    continuousMove(options: Vector, callback: Callback): void;
    stop(options: { panTilt?: boolean; zoom?: boolean }, callback: Callback): void;
    gotoPreset(options: { preset: string }, callback: Callback): void;
    setPreset(options: { presetName: string; presetToken?: string }, callback: Callback): void;
    getPresets(options: object, callback: Callback<Record<string, { $: { token: string } }>>): void;
  }
}
