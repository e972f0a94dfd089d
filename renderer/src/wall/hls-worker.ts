// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- Vite's ?url type must reach the Node typecheck of the unit tests too
/// <reference path="./hls-worker.d.ts" />
/**
 * hls.js's transmuxing worker, a file the renderer's build ships beside its scripts (Vite copies it), so the CSP's
 * `worker-src 'self'` covers it with no blob: code. hls.js's ES module build carries no inline worker; without a
 * `workerPath` it would transmux on the main thread. A page loaded from file:// (Electron's embedded hub) cannot
 * start a worker from a file, so there it stays on the main thread.
 */
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';

export function hlsWorkerPath(protocol: string): string | null {
  return protocol === 'http:' || protocol === 'https:' ? hlsWorkerUrl : null;
}
