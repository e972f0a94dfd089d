/**
 * The one CSP builder (main/content-security-policy.ts): a console joined to a hub elsewhere may reach exactly that
 * hub (http(s) and ws(s)), its media and tile servers — never a wildcard — and the meta tag never carries
 * frame-ancestors. The failure it fixes: with GRID_HUB_URL=http://10.77.0.1:7300 the fixed policy allowed media and
 * sockets only from 127.0.0.1, so every playlist request was blocked and each tile stayed "reconnecting".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  STATIC_META_CONTENT_SECURITY_POLICY,
  withMetaPolicy,
} from '../../main/content-security-policy.js';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('the Content-Security-Policy builder', () => {
  it('allows a remote hub over http + ws, and nothing else outside the page', () => {
    const policy = buildContentSecurityPolicy({ hubUrls: ['http://10.77.0.1:7300/'], target: 'header' });
    expect(directive(policy, 'media-src')).toEqual(["'self'", 'blob:', 'http://10.77.0.1:7300']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://10.77.0.1:7300', 'ws://10.77.0.1:7300']);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/\*|unsafe-eval|127\.0\.0\.1/);
  });

  it('pairs https with wss, keeps default ports implicit, and adds media and tile servers where they belong', () => {
    const policy = buildContentSecurityPolicy({
      hubUrls: ['https://county-hub.example', 'https://county-hub.example:8443/api'],
      mediaUrls: ['https://media.example:8889'],
      tileUrls: ['https://tiles.example'],
      target: 'header',
    });
    expect(directive(policy, 'connect-src')).toEqual([
      "'self'",
      'https://county-hub.example',
      'https://county-hub.example:8443',
      'https://media.example:8889',
      'wss://county-hub.example',
      'wss://county-hub.example:8443',
      'https://tiles.example',
    ]);
    expect(directive(policy, 'media-src')).toEqual([
      "'self'",
      'blob:',
      'https://county-hub.example',
      'https://county-hub.example:8443',
      'https://media.example:8889',
    ]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example']);
  });

  it('adds app schemes (gridtiles:, an app protocol) to images and fetches only', () => {
    const policy = buildContentSecurityPolicy({ hubUrls: [], appSchemes: ['gridtiles', 'grid-app'], target: 'header' });
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'gridtiles:', 'grid-app:']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'gridtiles:', 'grid-app:']);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
  });

  it('leaves frame-ancestors out of the meta tag (a browser logs an error for it there) and only that', () => {
    const sources = { hubUrls: ['http://10.77.0.1:7300'] };
    const header = buildContentSecurityPolicy({ ...sources, target: 'header' }).split('; ');
    const meta = buildContentSecurityPolicy({ ...sources, target: 'meta' }).split('; ');
    expect(meta).not.toContainEqual(expect.stringMatching(/^frame-ancestors/));
    expect(header.filter((d) => !d.startsWith('frame-ancestors'))).toEqual(meta);
  });

  it('refuses wildcards, other schemes and non-URLs instead of writing them into the policy', () => {
    for (const bad of ['*', 'http://*.example', 'http://10.77.0.1:*', 'javascript:alert(1)', 'file:///etc', 'hub']) {
      expect(() => buildContentSecurityPolicy({ hubUrls: [bad], target: 'header' }), bad).toThrow();
      expect(() => buildContentSecurityPolicy({ hubUrls: [], mediaUrls: [bad], target: 'header' }), bad).toThrow();
    }
    expect(() => buildContentSecurityPolicy({ hubUrls: [], appSchemes: ['x y'], target: 'meta' })).toThrow();
  });

  it('lets the wall play: hls.js’s worker served by the page, FLV fetched from the hub and fed to MSE', () => {
    const policy = buildContentSecurityPolicy({ hubUrls: ['http://10.77.0.1:7300'], target: 'header' });
    // hlsWorkerPath() (renderer/src/wall/hls-config.ts) is a file of the page's own origin: 'self' covers it.
    expect(directive(policy, 'worker-src')).toContain("'self'");
    expect(directive(policy, 'worker-src')).not.toContain('http://10.77.0.1:7300'); // never a worker from the hub
    expect(directive(policy, 'script-src')).toEqual(["'self'"]); // and still no eval for it
    // mpegts.js fetches /media/<camera>/<token>/live.flv from the hub and plays it through a blob: MediaSource.
    expect(directive(policy, 'connect-src')).toContain('http://10.77.0.1:7300');
    expect(directive(policy, 'media-src')).toEqual(expect.arrayContaining(['blob:']));
  });

  it('is what the built renderer carries, and what hosts write over it', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(STATIC_META_CONTENT_SECURITY_POLICY);
    const remote = buildContentSecurityPolicy({ hubUrls: ['http://10.77.0.1:7300'], target: 'meta' });
    const served = withMetaPolicy(html, remote);
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(served)?.[1]).toBe(remote);
    expect(withMetaPolicy('<html></html>', remote)).toBe('<html></html>');
    expect(() => withMetaPolicy(html, `${remote}; img-src "x"`)).toThrow(/double quote/);
  });
});
