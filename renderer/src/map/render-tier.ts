/**
 * Heat settings by renderer. Where WebGL is drawn in software (SwiftShader / llvmpipe: no usable GPU, as in some
 * VMs and on the CI machine), the heat's weight pass — every event splatted as a sprite, milliseconds on a GPU,
 * seconds in software for a million events — gets a coarser weight texture (a quarter of the fragments; the heat
 * is a blur anyway) so filters and playback stay usable. Pure: the DOM probe is in software-renderer.ts.
 */

/** Whether a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(rendererName: string): boolean {
  return /swiftshader|llvmpipe|software|microsoft basic render/i.test(rendererName);
}

/** Heat settings for the renderer at hand: weight texture size (texels a side) and sprite radius (CSS px). */
export function heatSettings(isSoftware: boolean): { weightsTextureSize: number; radiusPixels: number } {
  return isSoftware ? { weightsTextureSize: 512, radiusPixels: 24 } : { weightsTextureSize: 2048, radiusPixels: 28 };
}
