/**
 * The wall's hls.js settings. Live tiles want little buffer, a short distance to the live edge and no memory kept
 * behind the playhead (a wall runs all night); the hub's answers are handled by the tile (tile-state.ts), so hls.js
 * does not retry the manifest itself. `WALL_LATENCY_SETTINGS` is plain numbers so the bench
 * (bench/wall-latency.ts) runs the same figures against hls.js's defaults.
 */
import {
  XhrLoader,
  type HlsConfig,
  type LoaderCallbacks,
  type LoaderConfig,
  type LoaderConfiguration,
  type LoaderContext,
  type LoaderResponse,
  type PlaylistLoaderConstructor,
  type RetryConfig,
} from 'hls.js';
import { hlsWorkerPath } from './hls-worker.js';
import { WALL_LATENCY_SETTINGS } from './latency-settings.js';
import { rebaseDiscontinuitySequence, withToken } from './tile-state.js';

export { WALL_LATENCY_SETTINGS };

const retry = (maxNumRetry: number, shouldRetry?: RetryConfig['shouldRetry']): RetryConfig => ({
  maxNumRetry,
  retryDelayMs: 1000,
  maxRetryDelayMs: 4000,
  backoff: 'exponential',
  ...(shouldRetry ? { shouldRetry } : {}),
});

/**
 * hls.js retries 5xx and timeouts but not 4xx. A 401 `token_expired` is retried too (twice): the tile refreshes
 * its ticket on the same error, and the retry then carries the new token (xhrSetup swaps it in).
 */
const retryAfterRefresh: RetryConfig['shouldRetry'] = (
  config: RetryConfig | null | undefined,
  count: number,
  _isTimeout: boolean,
  response: LoaderResponse | undefined,
  retryAnyway: boolean,
) => retryAnyway || (response?.code === 401 && count < Math.min(2, config?.maxNumRetry ?? 2));

const policy = (firstByteMs: number, errors: RetryConfig | null): { default: LoaderConfig } => ({
  default: {
    maxTimeToFirstByteMs: firstByteMs,
    maxLoadTimeMs: firstByteMs + 10_000,
    timeoutRetry: retry(1),
    errorRetry: errors,
  },
});

/**
 * A playlist loader that renumbers discontinuities from the first playlist it loads (see
 * rebaseDiscontinuitySequence): one per player, so the numbering stays consistent for that player's life.
 */
export function rebasingPlaylistLoader(): PlaylistLoaderConstructor {
  let base: number | null = null;
  class RebasingPlaylistLoader extends XhrLoader {
    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>) {
      const onSuccess = callbacks.onSuccess;
      super.load(context, config, {
        ...callbacks,
        onSuccess: (response, stats, ctx, details) => {
          if (typeof response.data === 'string') {
            const rebased = rebaseDiscontinuitySequence(response.data, base);
            base = rebased.base;
            response.data = rebased.text;
          }
          onSuccess(response, stats, ctx, details);
        },
      });
    }
  }
  return RebasingPlaylistLoader as unknown as PlaylistLoaderConstructor;
}

/**
 * The full config of one tile's player. `currentToken` is read on every request, so a refreshed ticket applies to
 * the next playlist and segment without reloading anything.
 */
export function wallHlsConfig(currentToken: () => string | null): Partial<HlsConfig> {
  const workerPath = hlsWorkerPath(location.protocol);
  return {
    ...WALL_LATENCY_SETTINGS,
    // Transmuxing off the main thread where the page can start the served worker (hlsWorkerPath).
    ...(workerPath ? { enableWorker: true, workerPath } : { enableWorker: false }),
    lowLatencyMode: false,
    startFragPrefetch: true,
    capLevelToPlayerSize: false,
    // The hub holds a first playlist request up to 8 s while a stream starts; the tile retries the manifest itself.
    manifestLoadPolicy: policy(10_000, null),
    playlistLoadPolicy: policy(10_000, retry(3, retryAfterRefresh)),
    fragLoadPolicy: policy(8000, retry(3, retryAfterRefresh)),
    pLoader: rebasingPlaylistLoader(),
    xhrSetup: (xhr: XMLHttpRequest, url: string) => {
      xhr.open('GET', withToken(url, currentToken()), true);
    },
  };
}
