/**
 * What the demo cameras show: eight ffmpeg lavfi test sources, each with a moving inset so every tile visibly plays,
 * and (when a font exists) a label and a running clock. Built as one filtergraph that also makes the sub stream, so
 * each clip is rendered once for both qualities.
 */
import { filterPath } from './ffmpeg-binary.js';

export interface Rendition {
  readonly width: number;
  readonly height: number;
  readonly kbps: number;
}

export interface PatternSpec {
  readonly fps: number;
  readonly main: Rendition;
  readonly sub: Rendition;
}

export const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Source k (0..7) at w×h; the slow generators (mandelbrot, life) render smaller and scale up. */
export function patternSource(k: number, w: number, h: number, fps: number): string {
  const size = (f: number) => `${even(w * f)}x${even(h * f)}`;
  const sources = [
    `testsrc2=size=${size(1)}:rate=${fps}`,
    `smptehdbars=size=${size(1)}:rate=${fps}`,
    `mandelbrot=size=${size(0.5)}:rate=${fps},scale=${w}:${h}`,
    `life=size=${size(0.25)}:rate=${fps}:mold=10:ratio=0.1:death_color=#C83232:life_color=#00ff00,scale=${w}:${h}:flags=neighbor`,
    `cellauto=size=${size(1)}:rate=${fps}:rule=110`,
    `testsrc=size=${size(1)}:rate=${fps},hue=h=t*30`,
    `rgbtestsrc=size=${size(1)}:rate=${fps}`,
    `pal100bars=size=${size(1)}:rate=${fps},hue=h=90`,
  ];
  return sources[k % sources.length]!;
}

export const DEMO_PATTERN_COUNT = 8;

export function label(font: string | null, text: string, w: number): string {
  if (!font) return '';
  const size = even(w / 28);
  return `,drawtext=fontfile=${filterPath(font)}:text='${text}':x=${size}:y=h-${size * 2}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.55`;
}

/**
 * Filtergraph for pattern k. `both` yields [main] and [sub] (clip encoding renders once for both qualities); `main`
 * yields only [main] at spec.main's size (a live encode renders straight at the size it sends). `clock` draws the
 * wall clock (live-encoded cameras, for latency readings); otherwise the clip's own running time is drawn.
 */
export function patternFiltergraph(
  k: number,
  spec: PatternSpec,
  font: string | null,
  options: { clock: boolean; outputs: 'both' | 'main' },
): string {
  const { width: w, height: h } = spec.main;
  const box = `${even(w / 5)}x${even(h / 5)}`;
  const text = options.clock ? `CAM ${k}  %{localtime}` : `DEMO ${k}  %{pts\\:hms}`;
  const tail =
    options.outputs === 'both' ? `split=2[main][s0];[s0]scale=${spec.sub.width}:${spec.sub.height}[sub]` : 'null[main]';
  return [
    `${patternSource(k, w, h, spec.fps)}[bg]`,
    `testsrc2=size=${box}:rate=${spec.fps}[inset]`,
    `[bg][inset]overlay=x='mod(t*${even(w / 6)},W-w)':y='(H-h)/2+(H-h)/3*sin(t*1.3)'` +
      `${label(font, text, w)},format=yuv420p,${tail}`,
  ].join(';');
}

/** libx264 settings: a keyframe exactly every segment so every segment starts decodable and cuts are clean. */
export function x264Args(r: Rendition, fps: number, segmentSeconds: number, live: boolean): string[] {
  const gop = String(Math.round(fps * segmentSeconds));
  return [
    ...['-c:v', 'libx264', '-preset', 'veryfast', ...(live ? ['-tune', 'zerolatency'] : []), '-profile:v', 'main'],
    ...['-b:v', `${r.kbps}k`, '-maxrate', `${r.kbps}k`, '-bufsize', `${r.kbps * 2}k`],
    ...['-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-pix_fmt', 'yuv420p'],
    // One thread per encode: two cores must still serve the console and the hub.
    ...['-threads', '1'],
  ];
}

/**
 * ffmpeg input + codec arguments of a live-encoded demo camera: the pattern with the wall clock drawn in, rendered
 * straight at the size sent, as a lavfi input read at native rate (so the drawn clock is the time of capture).
 */
export function liveEncodeArgs(
  pattern: number,
  rendition: Rendition,
  fps: number,
  segmentSeconds: number,
  font: string | null,
): string[] {
  const spec = { fps, main: rendition, sub: rendition };
  const graph = patternFiltergraph(pattern, spec, font, { clock: true, outputs: 'main' }).replace(
    /\[main\]$/,
    '[out0]',
  );
  return ['-re', '-f', 'lavfi', '-i', graph, '-map', '0:v', ...x264Args(rendition, fps, segmentSeconds, true)];
}
