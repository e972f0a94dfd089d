/**
 * The wall's hls.js settings. Live tiles want little buffer, a short distance to the live edge and no memory kept
 * behind the playhead (a wall runs all night); the hub's answers are handled by the tile (tile-state.ts), so hls.js
 * does not retry the manifest itself. `WALL_LATENCY_SETTINGS` is plain numbers so the bench
 * (bench/wall-latency.ts) can run the same figures against hls.js's defaults.
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
import { rebaseDiscontinuitySequence, withToken } from './tile-state.js';

/** Segments are 2 s and a live playlist lists the last 6 (docs/video.md). */
export const WALL_LATENCY_SETTINGS = {
  /** Start and stay 2 segments behind the live edge (hls.js: 3). */
  liveSyncDurationCount: 2,
  /** More than 4 segments behind (a tab woken up, a slow machine): jump forward (hls.js: never). */
  liveMaxLatencyDurationCount: 4,
  /** Catch up gently by playing a little faster instead of jumping (hls.js: 1, no catching up). */
  maxLiveSyncPlaybackRate: 1.1,
  /** Buffer ahead: a live tile cannot buffer past the edge anyway (hls.js: 30 s / 600 s / 60 MB). */
  maxBufferLength: 6,
  maxMaxBufferLength: 10,
  maxBufferSize: 6 * 1000 * 1000,
  /** Free what was played: memory stays flat however long the wall runs (hls.js: keep everything). */
  backBufferLength: 4,
} as const;

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
  return {
    ...WALL_LATENCY_SETTINGS,
    enableWorker: true,
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
