/**
 * The console's Content-Security-Policy, built in ONE place for the three places that send it: the web host's
 * header, Electron's session header and the renderer's meta tag (rewritten by whoever serves index.html). No
 * 'unsafe-eval'; inline styles only because Ant Design injects its CSS at run time.
 *
 * The renderer reaches the hub itself for video (the ticket's playlist URL is at the hub's origin, or at the media
 * server's) and, in Electron, for sockets; so the policy names exactly those origins — the configured hub URL(s)
 * as http(s) and the matching ws(s), the media server's and the map tile server's — and never a wildcard: a
 * console joined to a county hub at 10.77.0.1 must play its wall, and nothing else may be reached.
 */

export interface CspSources {
  /** The hub(s) the console is joined to (GRID_HUB_URL, or the embedded hub's URL): http(s) + ws(s) origins. */
  readonly hubUrls: readonly string[];
  /** Media servers that hand out playlists and segments (an external MediaMTX/ZLMediaKit, the hub's public URL). */
  readonly mediaUrls?: readonly string[];
  /** Tile servers the map loads images from (none by default: the offline basemap comes from the host itself). */
  readonly tileUrls?: readonly string[];
  /** Extra schemes the app registers (Electron's `gridtiles`, an app scheme), allowed for images and fetches. */
  readonly appSchemes?: readonly string[];
  /**
   * 'header': the full policy. 'meta': without `frame-ancestors`, which a browser ignores in a meta tag (and logs
   * an error about on every load); the headers carry it.
   */
  readonly target: 'header' | 'meta';
}

/** `https://hub.example:7300/x` → `https://hub.example:7300`; refuses anything but an http(s) URL with a host. */
function originOf(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a URL for the Content-Security-Policy: ${url}`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname || url.includes('*')) {
    throw new Error(`only http(s) origins go into the Content-Security-Policy: ${url}`);
  }
  return parsed;
}

const httpOrigin = (url: string) => originOf(url).origin;
/** The socket origin that goes with a hub origin: ws for http, wss for https (same host and port). */
const socketOrigin = (url: string) => {
  const parsed = originOf(url);
  return `${parsed.protocol === 'https:' ? 'wss:' : 'ws:'}//${parsed.host}`;
};

const unique = (items: readonly string[]) => [...new Set(items)];

export function buildContentSecurityPolicy(sources: CspSources): string {
  const schemes = unique(sources.appSchemes ?? []).map((scheme) => {
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) throw new Error(`not a URL scheme: ${scheme}`);
    return `${scheme}:`;
  });
  const hubs = unique(sources.hubUrls.map(httpOrigin));
  const sockets = unique(sources.hubUrls.map(socketOrigin));
  const media = unique([...hubs, ...(sources.mediaUrls ?? []).map(httpOrigin)]);
  const tiles = unique((sources.tileUrls ?? []).map(httpOrigin));
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...tiles, ...schemes].join(' '),
    ['media-src', "'self'", 'blob:', ...media].join(' '),
    // hls.js fetches playlists and segments (connect-src), then feeds blob: media to the <video>.
    ['connect-src', "'self'", ...unique([...media, ...sockets, ...tiles]), ...schemes].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    ...(sources.target === 'header' ? ["frame-ancestors 'none'"] : []),
  ];
  return directives.join('; ');
}

/**
 * The policy renderer/index.html carries as built, for a page nobody rewrites (today: Electron's file:// load of
 * the embedded hub, whose port is chosen at start). It names loopback at any port — the one place a port wildcard
 * remains, and only for loopback; every host that serves index.html replaces it with the exact policy
 * (`withMetaPolicy`).
 */
export const STATIC_META_CONTENT_SECURITY_POLICY = buildContentSecurityPolicy({
  hubUrls: [],
  appSchemes: ['gridtiles'],
  target: 'meta',
})
  .split('; ')
  .map((directive) =>
    directive.startsWith('media-src ')
      ? `${directive} http://127.0.0.1:*`
      : directive.startsWith('connect-src ')
        ? directive.replace(/^connect-src 'self'/, "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*")
        : directive,
  )
  .join('; ');

const META_TAG = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i;

/**
 * index.html with its meta tag's policy replaced (a page and its header policy both apply, so the built tag's
 * loopback-only policy would still block a remote hub). A page without the tag is served as it is: the header
 * that goes with it carries the policy.
 */
export function withMetaPolicy(html: string, policy: string): string {
  if (policy.includes('"')) throw new Error('a policy cannot contain a double quote');
  return html.replace(META_TAG, (_match, open: string, close: string) => `${open}${policy}${close}`);
}
