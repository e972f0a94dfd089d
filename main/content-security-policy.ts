/**
 * The console's Content-Security-Policy, sent by the web host and by Electron's session. No 'unsafe-eval'; inline
 * styles only because Ant Design injects its CSS at run time. Media and sockets may reach loopback (hub, streams).
 * renderer/index.html carries the same policy as a meta tag for file:// loads; a test keeps the two equal.
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
