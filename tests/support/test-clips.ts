/** The tiny demo clips tests play (cached under the OS temp dir, keyed by these parameters, encoded once per machine). */
import type { ClipSpec } from '../../hub/media/demo-clip-library.js';

export const TEST_CLIP_SPEC: ClipSpec = {
  count: 8,
  seconds: 4,
  segmentSeconds: 1,
  fps: 10,
  main: { width: 320, height: 180, kbps: 300 },
  sub: { width: 160, height: 90, kbps: 100 },
};
