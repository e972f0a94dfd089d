/**
 * The console's Content-Security-Policy, sent by the web host and by Electron's session. No 'unsafe-eval'; inline
 * styles only because Ant Design injects its CSS at run time. Media and sockets may reach loopback (hub, streams).
 * renderer/index.html carries it as a meta tag for file:// loads (META_CONTENT_SECURITY_POLICY); a test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: http://127.0.0.1:*",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Electron's header: the same policy, plus the offline basemap's `gridtiles:` scheme (main/electron/tile-protocol.ts)
 * for tile images and deck.gl's fetches. Only there: a browser on the web host gets its tiles from /tiles ('self').
 */
export const ELECTRON_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .map((directive) => (/^(img-src|connect-src) /.test(directive) ? `${directive} gridtiles:` : directive))
  .join('; ');

/**
 * The meta tag in renderer/index.html: Electron's policy without `frame-ancestors`, which browsers ignore (and warn
 * about on every load) when it comes in a meta tag; the headers carry it. The meta tag applies under file:// in
 * Electron as well as in the browser, so it must allow `gridtiles:` too (harmless where the scheme does not exist).
 */
export const META_CONTENT_SECURITY_POLICY = ELECTRON_CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors '))
  .join('; ');
