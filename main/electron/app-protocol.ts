/**
 * `gridcommand://console/…`: the renderer served to Electron windows through a privileged custom protocol instead of
 * file://, so the app runs with the `grantFileProtocolExtraPrivileges` fuse off (electron-builder.yml) and the page
 * has a real origin: `'self'` in the CSP means this scheme and host, not every file on the disk.
 *
 * Files come from the built renderer folder through the same resolver as the web host (main/web-host/static-files.ts:
 * no `..`, no encoded traversal, no absolute paths, no symlink out of the folder), with their MIME type, `nosniff` and
 * the CSP header on every answer; anything else is 404. `/startup-status.json` is the first-start window's progress
 * (main/electron/startup.ts), polled by the renderer's start-up screen.
 */
import { protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { currentContentSecurityPolicy } from './security.js';
import { readStaticFile } from '../web-host/static-files.js';
import { tileSchemePrivileges } from './tile-protocol.js';

export const APP_SCHEME = 'gridcommand';
export const APP_HOST = 'console';
/** Where windows load the renderer from (with `index.html`). */
export const APP_ROOT = `${APP_SCHEME}://${APP_HOST}/`;
export const STARTUP_STATUS_PATH = '/startup-status.json';

/** out/renderer next to out/main (the built layout, inside the asar when packaged). */
export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

/**
 * Before the app is ready, once for all schemes (Electron takes one call): the app scheme is standard (relative URLs,
 * an origin), secure (like https), fetchable, with its own storage; the offline basemap's `gridtiles:` beside it.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: false },
    },
    tileSchemePrivileges(),
  ]);
}

const headers = (contentType: string): Record<string, string> => ({
  'content-type': contentType,
  'x-content-type-options': 'nosniff',
  // Answers of a custom protocol do not pass through the session's onHeadersReceived hook: set the policy here too.
  'content-security-policy': currentContentSecurityPolicy(),
  'cache-control': 'no-store',
});

const notFound = (): Response => new Response('not found', { status: 404, headers: headers('text/plain') });

/** One request of the app scheme → its answer. Plain Node (`Request`/`Response`), tested without Electron. */
export async function answerAppRequest(
  rendererDir: string,
  requestUrl: string,
  startupStatus: () => unknown,
): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (url.pathname === STARTUP_STATUS_PATH) {
    return new Response(JSON.stringify(startupStatus()), { status: 200, headers: headers('application/json') });
  }
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.body), { status: 200, headers: headers(file.contentType) });
}

/** Once the app is ready: serves the renderer on the default session (every console and wall window uses it). */
export function serveApp(rendererDir: string, startupStatus: () => unknown): () => void {
  const { protocol: sessionProtocol } = session.defaultSession;
  sessionProtocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url, startupStatus));
  return () => sessionProtocol.unhandle(APP_SCHEME);
}
