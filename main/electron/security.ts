/**
 * App-wide hardening, installed before any window exists: no new windows, no navigation away, no webviews, every
 * permission request (camera, microphone, geolocation, notifications …) denied, a CSP header on everything served.
 */
import { app, session, shell } from 'electron';
import { isExternalWebLink } from '../ipc-sender-policy.js';
import { buildContentSecurityPolicy } from '../content-security-policy.js';
import { TILE_SCHEME } from './tile-protocol.js';

/**
 * The policy sent with every response; the hub link is known only once the app is ready (an embedded hub picks its
 * port then), so until `setHubOrigins` the app may reach no hub at all.
 */
let policy = electronPolicy([]);

function electronPolicy(hubUrls: readonly string[], mediaUrls: readonly string[] = []): string {
  return buildContentSecurityPolicy({ hubUrls, mediaUrls, appSchemes: [TILE_SCHEME], target: 'header' });
}

/** Names the hub (GRID_HUB_URL or the embedded one) and any media servers in the CSP of every later response. */
export function setHubOrigins(hubUrls: readonly string[], mediaUrls: readonly string[] = []): string {
  policy = electronPolicy(hubUrls, mediaUrls);
  return policy;
}

/** The policy in force now: the app protocol's answers carry it too (they bypass the session's header hook). */
export function currentContentSecurityPolicy(): string {
  return policy;
}

export function installAppSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
      }),
    );
  });
}
