/**
 * `gridtiles://tiles/<z>/<x>/<y>` and `gridtiles://tiles/metadata.json`: the offline basemap in Electron, where the
 * renderer (served by `gridcommand:`, app-protocol.ts) has no server to ask. The handler only translates; reading tiles is plain Node
 * (main/map/tile-host.ts, shared with the web host's /tiles route).
 *
 * Wiring (main/electron/index.ts): `registerPrivilegedSchemes()` (app-protocol.ts) before the app is ready, then `startTileProtocol()` once
 * ready. Electron's CSP (main/content-security-policy.ts) allows `gridtiles:` for images and fetches.
 */
import { session, type CustomScheme } from 'electron';
import type { MbtilesBasemap } from '../map/mbtiles.js';
import { answerTileRequest } from '../map/tile-host.js';
import { openBasemap } from '../map/tile-route.js';

export const TILE_SCHEME = 'gridtiles';

/** Registered before the app is ready, with the app's own scheme (app-protocol.ts): fetchable from the renderer. */
export function tileSchemePrivileges(): CustomScheme {
  return {
    scheme: TILE_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  };
}

export function serveTiles(basemap: MbtilesBasemap | null): () => void {
  // The console windows use the default session; handling the scheme there is what their fetches reach.
  const { protocol: sessionProtocol } = session.defaultSession;
  sessionProtocol.handle(TILE_SCHEME, (request) => {
    const url = new URL(request.url);
    // gridtiles://tiles/3/6/2 parses as host "tiles", path "/3/6/2"; anything else is refused by the path check.
    const answer = answerTileRequest(basemap, url.host === 'tiles' ? `/tiles${url.pathname}` : url.pathname);
    return new Response(answer.body === null ? null : new Uint8Array(Buffer.from(answer.body)), {
      status: answer.status,
      headers: { ...answer.headers, 'access-control-allow-origin': '*' },
    });
  });
  return () => {
    sessionProtocol.unhandle(TILE_SCHEME);
    basemap?.close();
  };
}

/**
 * Once the app is ready: serves GRID_MBTILES (when set) over `gridtiles:`; returns the stop, or null when no basemap
 * is configured (the map then draws boundaries on a dark ground and asks for no tiles).
 */
export function startTileProtocol(env: NodeJS.ProcessEnv, nativeBinding: string | undefined): (() => void) | null {
  if (!env.GRID_MBTILES) return null;
  return serveTiles(openBasemap(env.GRID_MBTILES, { nativeBinding }));
}
