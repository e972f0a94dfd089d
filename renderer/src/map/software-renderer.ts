/** Asks WebGL once which renderer draws this window (render-tier.ts says what follows from it). */
import { isSoftwareRenderer } from './render-tier.js';

let software: boolean | null = null;

export function softwareRendering(): boolean {
  if (software === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      software = gl
        ? isSoftwareRenderer(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)))
        : false;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      software = false;
    }
  }
  return software;
}
