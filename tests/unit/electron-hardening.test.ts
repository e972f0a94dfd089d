/**
 * Electron hardening, checked in Node against a STAND-IN for the electron module (the Electron binary cannot be
 * downloaded on this machine; where it can, the Playwright `_electron` suite drives the real app). The stand-in
 * records what the app registers; the assertions are on the app's own decisions: every new window denied (http(s)
 * sent to the system browser), navigation/redirects/webviews prevented, every permission refused, the CSP header
 * set, console windows created isolated and sandboxed, and the offline basemap served over `gridtiles:`.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fakeElectron = vi.hoisted(() => {
  type Handler = (...args: any[]) => any;
  const appHandlers = new Map<string, Handler>();
  const state = {
    openedExternally: [] as string[],
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    headersHook: null as Handler | null,
    windows: [] as Array<{ options: any }>,
    sandboxEnabled: false,
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: Request) => Response>(),
  };
  class BrowserWindow {
    webContents = { id: 1, on: () => undefined };
    constructor(readonly options: any) {
      state.windows.push({ options });
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    loadURL() {
      return Promise.resolve();
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  return {
    state,
    appHandlers,
    module: {
      app: {
        enableSandbox: () => void (state.sandboxEnabled = true),
        on: (event: string, handler: Handler) => void appHandlers.set(event, handler),
        whenReady: () => Promise.resolve(),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: typeof state.privilegedSchemes) =>
          void state.privilegedSchemes.push(...schemes),
      },
      shell: { openExternal: (url: string) => void state.openedExternally.push(url) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: Handler) => void (state.permissionRequest = h),
          setPermissionCheckHandler: (h: Handler) => void (state.permissionCheck = h),
          webRequest: { onHeadersReceived: (h: Handler) => void (state.headersHook = h) },
          protocol: {
            handle: (scheme: string, h: (request: Request) => Response) => void state.protocolHandlers.set(scheme, h),
            unhandle: (scheme: string) => void state.protocolHandlers.delete(scheme),
          },
        },
      },
      screen: {
        getAllDisplays: () => [],
        getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }),
      },
      BrowserWindow,
    },
  };
});
vi.mock('electron', () => fakeElectron.module);

const { installAppSecurity, setHubOrigins } = await import('../../main/electron/security.js');
const { WindowRegistry } = await import('../../main/electron/windows.js');
const { buildContentSecurityPolicy } = await import('../../main/content-security-policy.js');
const { startTileProtocol, TILE_SCHEME } = await import('../../main/electron/tile-protocol.js');
const { registerPrivilegedSchemes, APP_SCHEME } = await import('../../main/electron/app-protocol.js');

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A web contents as the app sees it in 'web-contents-created'. */
function fakeContents() {
  const listeners = new Map<string, (...args: any[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    contents: {
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      on: (event: string, h: (...args: any[]) => void) => void listeners.set(event, h),
    },
  };
}

describe('Electron hardening (with a stand-in electron module)', () => {
  beforeEach(() => {
    installAppSecurity();
  });

  it('enables the sandbox for every renderer', () => {
    expect(fakeElectron.state.sandboxEnabled).toBe(true);
  });

  it('denies every new window and sends only http(s) links to the system browser', () => {
    const wc = fakeContents();
    fakeElectron.appHandlers.get('web-contents-created')!({}, wc.contents);
    for (const url of [
      'https://www.gov.cn/',
      'http://10.0.0.1/x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
    ]) {
      expect(wc.open(url)).toEqual({ action: 'deny' });
    }
    expect(fakeElectron.state.openedExternally).toEqual(['https://www.gov.cn/', 'http://10.0.0.1/x']);
  });

  it('prevents navigation, redirects and webviews', () => {
    const wc = fakeContents();
    fakeElectron.appHandlers.get('web-contents-created')!({}, wc.contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      wc.listeners.get(event)!({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
  });

  it('refuses every permission request (camera, microphone, geolocation …) and check', async () => {
    await Promise.resolve();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'usb']) {
      const answer = vi.fn();
      fakeElectron.state.permissionRequest!({}, permission, answer);
      expect(answer, permission).toHaveBeenCalledWith(false);
      expect(fakeElectron.state.permissionCheck!({}, permission)).toBe(false);
    }
  });

  it('sends the strict CSP (no unsafe-eval) with every response: the configured hub, gridtiles: only in Electron', async () => {
    await Promise.resolve();
    const policy = setHubOrigins(['http://10.77.0.1:7300']);
    const done = vi.fn();
    fakeElectron.state.headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [policy] } });
    expect(policy).not.toMatch(/unsafe-eval|\*/);
    const directive = (p: string, name: string) => p.split('; ').find((d) => d.startsWith(`${name} `))!;
    expect(directive(policy, 'connect-src').split(' ')).toEqual(
      expect.arrayContaining(['http://10.77.0.1:7300', 'ws://10.77.0.1:7300', `${TILE_SCHEME}:`]),
    );
    expect(directive(policy, 'media-src').split(' ')).toContain('http://10.77.0.1:7300');
    const web = buildContentSecurityPolicy({ hubUrls: ['http://10.77.0.1:7300'], target: 'header' });
    for (const name of ['img-src', 'connect-src']) {
      expect(directive(policy, name).split(' ')).toContain(`${TILE_SCHEME}:`);
      expect(directive(web, name)).not.toContain(TILE_SCHEME);
    }
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
  });

  it('registers gridtiles: as a fetchable scheme and serves GRID_MBTILES over it, only when configured', async () => {
    registerPrivilegedSchemes();
    expect(fakeElectron.state.privilegedSchemes).toContainEqual({
      scheme: TILE_SCHEME,
      privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
    });
    // One registration for both schemes (Electron takes only one call): the app's own renderer scheme beside it.
    expect(fakeElectron.state.privilegedSchemes.map((s) => s.scheme)).toEqual([APP_SCHEME, TILE_SCHEME]);
    expect(startTileProtocol({}, undefined)).toBeNull();
    expect(fakeElectron.state.protocolHandlers.has(TILE_SCHEME)).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'grid-gridtiles-'));
    try {
      const path = join(dir, 'basemap.mbtiles');
      const db = new Database(path);
      db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
        CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);`);
      db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', 'png');
      db.prepare('INSERT INTO tiles VALUES (0, 0, 0, ?)').run(PNG);
      db.close();
      const stop = startTileProtocol({ GRID_MBTILES: path }, undefined)!;
      const handler = fakeElectron.state.protocolHandlers.get(TILE_SCHEME)!;
      const tile = handler(new Request('gridtiles://tiles/0/0/0'));
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await tile.arrayBuffer())).toEqual(PNG);
      expect(handler(new Request('gridtiles://tiles/2/1/1')).status).toBe(204); // no tile there: an empty answer
      expect(handler(new Request('gridtiles://elsewhere/etc/passwd')).status).toBe(400); // not a tile path: refused
      stop();
      expect(fakeElectron.state.protocolHandlers.has(TILE_SCHEME)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates console windows isolated, sandboxed, without Node and without webviews', () => {
    new WindowRegistry().openConsole();
    const prefs = fakeElectron.state.windows.at(-1)!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true, // the stand-in app is not packaged; a packaged one gets devTools: false (electron-startup test)
    });
    expect(prefs.preload).toMatch(/preload\/index\.cjs$/);
  });
});
