/** The tile's reading of the hub's answers (docs/video.md table), its backoff, the token swap and the watchdog. */
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifyFailure,
  errorCodeOfBody,
  rebaseDiscontinuitySequence,
  refreshDelay,
  tokenOf,
  watchdog,
  withToken,
} from '../../renderer/src/wall/tile-state.js';

const half = () => 0.5;

describe('tile states from the hub’s answers', () => {
  it('follows the table of docs/video.md', () => {
    const at = (status: number, code?: string, attempt = 0) => classifyFailure({ status, code, attempt }, half);
    expect(at(400, 'reason_required')).toEqual({ kind: 'stop', state: 'reason' });
    expect(at(403, 'forbidden')).toEqual({ kind: 'stop', state: 'forbidden' });
    expect(at(403)).toEqual({ kind: 'stop', state: 'forbidden' });
    expect(at(0, 'forbidden')).toEqual({ kind: 'stop', state: 'forbidden' }); // a refused ticket (console call)
    expect(at(401, 'token_expired')).toEqual({ kind: 'refresh' });
    expect(at(401, 'unauthenticated')).toEqual({ kind: 'stop', state: 'error' });
    expect(at(401, 'stream_token_invalid')).toEqual({ kind: 'refresh' });
    expect(at(401, 'stream_token_invalid', 1)).toEqual({ kind: 'stop', state: 'error' });
    expect(at(503, 'camera_offline')).toMatchObject({ kind: 'retry', state: 'offline' });
    expect(at(503, 'stream_starting')).toMatchObject({ kind: 'retry', state: 'connecting' });
    expect(at(503, 'stream_unavailable', 2)).toEqual({ kind: 'retry', state: 'reconnecting', delayMs: 4000 });
    expect(at(404, 'not_found')).toEqual({ kind: 'ignore' });
    expect(at(0, 'hub_unreachable', 0)).toEqual({ kind: 'retry', state: 'reconnecting', delayMs: 1000 });
    expect(at(0, 'validation_failed')).toEqual({ kind: 'stop', state: 'error' });
  });

  it('backs off exponentially to 30 s, with jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map((n) => backoffDelay(n, half))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(backoffDelay(0, () => 0)).toBe(800);
    expect(backoffDelay(0, () => 1)).toBe(1200);
  });

  it('swaps a refreshed token into later requests of the same stream', () => {
    const url = 'http://127.0.0.1:7300/media/cam-0002/AAAA.BBBB/index.m3u8';
    expect(tokenOf(url)).toBe('AAAA.BBBB');
    expect(withToken('http://127.0.0.1:7300/media/cam-0002/AAAA.BBBB/seg/12.ts', 'CCCC.DDDD')).toBe(
      'http://127.0.0.1:7300/media/cam-0002/CCCC.DDDD/seg/12.ts',
    );
    expect(withToken(url, null)).toBe(url);
  });

  it('refreshes at about 80 % of the ticket’s life', () => {
    const issued = 1_000_000;
    expect(refreshDelay(issued, issued + 300_000, issued)).toBe(240_000);
    expect(refreshDelay(issued, issued + 300_000, issued + 250_000)).toBe(5000); // late: soon, not never
    expect(refreshDelay(issued, issued + 12_000, issued)).toBe(5000);
  });

  it('reads the hub’s error code from text or bytes', () => {
    const body = JSON.stringify({ error: { code: 'token_expired', message: 'x' } });
    expect(errorCodeOfBody(body)).toBe('token_expired');
    expect(errorCodeOfBody(new TextEncoder().encode(body).buffer)).toBe('token_expired');
    expect(errorCodeOfBody({ error: { code: 'forbidden' } })).toBe('forbidden');
    expect(errorCodeOfBody('<html>')).toBeUndefined();
    expect(errorCodeOfBody(undefined)).toBeUndefined();
  });

  it('calls a picture that stopped moving stalled, then rebuilds it', () => {
    expect(watchdog('playing', 1000)).toBe('ok');
    expect(watchdog('playing', 6000)).toBe('stalled');
    expect(watchdog('stalled', 13_000)).toBe('stalled');
    expect(watchdog('stalled', 21_000)).toBe('rebuild');
    expect(watchdog('connecting', 10_000)).toBe('ok');
    expect(watchdog('connecting', 30_000)).toBe('ok');
    expect(watchdog('connecting', 46_000)).toBe('rebuild');
    expect(watchdog('forbidden', 60_000)).toBe('ok');
    // Media waiting in the buffer: the decoder is behind (CPU), not the stream: no rebuild for a minute.
    expect(watchdog('stalled', 30_000, 3.5)).toBe('stalled');
    expect(watchdog('stalled', 61_000, 3.5)).toBe('rebuild');
  });

  it('numbers discontinuities from the first playlist a player sees (hls.js walks them from 0)', () => {
    const at = (n: number) =>
      `#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:897956377\n#EXT-X-DISCONTINUITY-SEQUENCE:${n}\nseg/1.ts\n`;
    const first = rebaseDiscontinuitySequence(at(149659396), null);
    expect(first.text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:0\n');
    expect(first.text).toContain('#EXT-X-MEDIA-SEQUENCE:897956377');
    const later = rebaseDiscontinuitySequence(at(149659398), first.base);
    expect(later.text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:2\n');
    expect(rebaseDiscontinuitySequence('#EXTM3U\nseg/1.ts\n', 5)).toEqual({ text: '#EXTM3U\nseg/1.ts\n', base: 5 });
  });
});
