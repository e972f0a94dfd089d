/** The external media URL template: checked at start, fills ticket URLs, and reads forwarded requests back. */
import { describe, expect, it } from 'vitest';
import {
  checkExternalMediaTemplate,
  externalPathMatcher,
  externalStreamUrl,
} from '../../hub/video-access/external-media.js';
import { hubConfigFromEnv } from '../../hub/config.js';

const TOKEN = 'eyJ2IjoxLCJzaWQiOiJzIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const NGINX = 'http://media.example:8088/live/{token}/{stream}/index.m3u8';

describe('the external media URL template', () => {
  it('refuses templates that could not carry a token or name a stream', () => {
    expect(() => checkExternalMediaTemplate('http://m/live/{stream}/index.m3u8')).toThrow('{token}');
    expect(() => checkExternalMediaTemplate('http://m/live/{token}/index.m3u8')).toThrow('{stream} or {camera}');
    expect(() => checkExternalMediaTemplate('rtmp://m/live/{token}/{stream}')).toThrow('http(s)');
    expect(() => checkExternalMediaTemplate('http://m/{token}/{token}/{stream}')).toThrow('twice');
    expect(checkExternalMediaTemplate(NGINX)).toBe(NGINX);
  });

  it('fills a ticket URL and reads the playlist and its segments back as the same stream', () => {
    const url = externalStreamUrl(NGINX, TOKEN, 'cam-42', 'sub');
    expect(url).toBe(`http://media.example:8088/live/${TOKEN}/cam-42_sub/index.m3u8`);
    const read = externalPathMatcher(NGINX);
    const expected = { token: TOKEN, cameraId: 'cam-42', quality: 'sub' };
    expect(read(new URL(url).pathname)).toEqual(expected);
    expect(read(`/live/${TOKEN}/cam-42_sub/17.ts`)).toEqual(expected);
    expect(read(`/live/${TOKEN}/cam-42_sub/17.ts?x=1`)).toEqual(expected);
    expect(read(`/live/cam-42_sub/index.m3u8`)).toBeNull(); // no token
    expect(read(`/other/${TOKEN}/cam-42_sub/index.m3u8`)).toBeNull();
    expect(read(`/live/${TOKEN}/cam-42_hd/index.m3u8`)).toBeNull(); // not a quality
  });

  it('takes the camera and quality apart when the media server names them so (MediaMTX paths)', () => {
    const template = 'https://mtx.example/{camera}/{quality}/{token}/index.m3u8';
    const url = externalStreamUrl(template, TOKEN, 'cam-7', 'main');
    expect(url).toBe(`https://mtx.example/cam-7/main/${TOKEN}/index.m3u8`);
    expect(externalPathMatcher(template)(`/cam-7/main/${TOKEN}/seg3.mp4`)).toEqual({
      token: TOKEN,
      cameraId: 'cam-7',
      quality: 'main',
    });
  });

  it('is configured with the mode, and the two settings must agree', () => {
    const defaults = { dataDir: '/tmp/grid-x', port: 0 };
    const config = hubConfigFromEnv({ GRID_MEDIA_MODE: 'external', GRID_MEDIA_EXTERNAL_URL: NGINX }, defaults);
    expect(config.mediaMode).toBe('external');
    expect(config.video?.externalMedia).toEqual({ urlTemplate: NGINX });
    expect(() => hubConfigFromEnv({ GRID_MEDIA_MODE: 'external' }, defaults)).toThrow('GRID_MEDIA_EXTERNAL_URL');
    expect(() => hubConfigFromEnv({ GRID_MEDIA_EXTERNAL_URL: NGINX }, defaults)).toThrow('not "external"');
    expect(() =>
      hubConfigFromEnv({ GRID_MEDIA_MODE: 'external', GRID_MEDIA_EXTERNAL_URL: 'http://m/{stream}' }, defaults),
    ).toThrow('{token}');
  });
});
