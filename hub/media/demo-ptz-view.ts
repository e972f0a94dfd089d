/**
 * The demo PTZ camera's picture: its pattern rendered larger than it is sent (the "scene"), and a crop window chosen
 * by the PTZ position, scaled back to the size sent. Pan/tilt ∈ [-1, 1] slide the window across the scene, zoom ∈
 * [1, 4] shrinks it.
 *
 * Why a restart per position and not a live filter command: the npm-shipped ffmpeg (2018) has no zmq filter, and
 * changing crop's size through its runtime command made the following scale emit torn frames when tried here. A
 * fresh encoder with the new crop is the robust path: the media gateway starts it beside the running one, continues
 * the segment numbers and switches when its first segment is on disk (media-gateway.ts), so the tile keeps playing
 * and the picture moves within about one segment plus ffmpeg's start (~1–2 s).
 */
import { even, label, patternSource, x264Args, type Rendition } from './demo-patterns.js';

export interface PtzView {
  readonly pan: number;
  readonly tilt: number;
  readonly zoom: number;
}

export const HOME_VIEW: PtzView = { pan: 0, tilt: 0, zoom: 1 };
export const ZOOM_MAX = 4;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function clampView(v: PtzView): PtzView {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    pan: round(clamp(v.pan, -1, 1)),
    tilt: round(clamp(v.tilt, -1, 1)),
    zoom: round(clamp(v.zoom, 1, ZOOM_MAX)),
  };
}

/** The scene is twice the size sent, capped at 1920 wide so a watched PTZ demo camera stays affordable on 2 cores. */
export function sceneSize(r: Rendition): { width: number; height: number } {
  const factor = Math.max(1.25, Math.min(2, 1920 / r.width));
  return { width: even(r.width * factor), height: even(r.height * factor) };
}

/** The crop window (in scene pixels) of a view. At zoom 1 the window is the size sent, so pan/tilt still move it. */
export function cropWindow(view: PtzView, r: Rendition): { w: number; h: number; x: number; y: number } {
  const scene = sceneSize(r);
  const v = clampView(view);
  const w = even(r.width / v.zoom);
  const h = even(r.height / v.zoom);
  const x = Math.round(((scene.width - w) * (v.pan + 1)) / 2);
  const y = Math.round(((scene.height - h) * (v.tilt + 1)) / 2);
  return { w, h, x: Math.min(x, scene.width - w), y: Math.min(y, scene.height - h) };
}

/** ffmpeg input + codec arguments of a live-encoded demo PTZ camera at `view` (the clock drawn after the crop). */
export function ptzLiveEncodeArgs(
  pattern: number,
  rendition: Rendition,
  fps: number,
  segmentSeconds: number,
  font: string | null,
  view: PtzView,
): string[] {
  const scene = sceneSize(rendition);
  const c = cropWindow(view, rendition);
  const box = `${even(scene.width / 6)}x${even(scene.height / 6)}`;
  const graph = [
    `${patternSource(pattern, scene.width, scene.height, fps)}[bg]`,
    `testsrc2=size=${box}:rate=${fps}[inset]`,
    `[bg][inset]overlay=x='mod(t*${even(scene.width / 8)},W-w)':y='(H-h)/2+(H-h)/3*sin(t*1.3)',` +
      `crop=${c.w}:${c.h}:${c.x}:${c.y},scale=${rendition.width}:${rendition.height}` +
      `${label(font, `PTZ ${pattern}  %{localtime}`, rendition.width)},format=yuv420p[out0]`,
  ].join(';');
  return ['-re', '-f', 'lavfi', '-i', graph, '-map', '0:v', ...x264Args(rendition, fps, segmentSeconds, true)];
}
