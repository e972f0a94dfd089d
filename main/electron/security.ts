/**
 * App-wide hardening, installed before any window exists: no new windows, no navigation away, no webviews, every
 * permission request (camera, microphone, geolocation, notifications …) denied, a CSP header on everything served.
 */
import { app, session, shell } from 'electron';
import { isExternalWebLink } from '../ipc-sender-policy.js';
import { ELECTRON_CONTENT_SECURITY_POLICY } from '../content-security-policy.js';

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
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CONTENT_SECURITY_POLICY] },
      }),
    );
  });
}
