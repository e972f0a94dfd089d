/**
 * hls.js transmuxes in its worker where the page can start it: the worker is a file the renderer's build ships (so
 * the CSP's worker-src 'self' covers it), used on http(s) pages and not on file:// (where Chromium refuses file
 * workers); and the live FLV URL is only derived from a ticket for the hub's own /media.
 */
import { describe, expect, it } from 'vitest';
import { flvUrlOf, tileTransport } from '../../renderer/src/wall/flv-config.js';
import { hlsWorkerPath } from '../../renderer/src/wall/hls-worker.js';

describe('the wall players', () => {
  it('use hls.js’s served worker on http(s) pages and the main thread on file://', () => {
    expect(hlsWorkerPath('http:')).toMatch(/hls\.worker\.js/);
    expect(hlsWorkerPath('https:')).toBe(hlsWorkerPath('http:'));
    expect(hlsWorkerPath('file:')).toBeNull();
  });

  it('play FLV only from the hub’s own media route, HLS for anything else (an external media server)', () => {
    const hub = 'http://10.77.0.1:7300/media/cam-0002/abc.def/index.m3u8';
    // Over a WebSocket, not a never-ending HTTP response (a browser's six connections per host would run out).
    expect(flvUrlOf(hub)).toBe('ws://10.77.0.1:7300/media/cam-0002/abc.def/live.flv');
    expect(flvUrlOf(hub.replace('http:', 'https:'))).toBe('wss://10.77.0.1:7300/media/cam-0002/abc.def/live.flv');
    expect(flvUrlOf('http://media.example:8888/cam-0002/sub/index.m3u8?token=x')).toBeNull();
  });

  it('play FLV on layouts up to 16 tiles with 低延时 on; 25 and 36 tiles, or 低延时 off, play HLS', () => {
    expect([1, 4, 9, 10, 16].map((tiles) => tileTransport(true, tiles))).toEqual([
      'auto',
      'auto',
      'auto',
      'auto',
      'auto',
    ]);
    expect([25, 36].map((tiles) => tileTransport(true, tiles))).toEqual(['hls', 'hls']);
    expect(tileTransport(false, 4)).toBe('hls');
  });
});
