/**
 * Electron hardening, checked in Node against a STAND-IN for the electron module (the Electron binary cannot be
 * downloaded on this machine; where it can, the Playwright `_electron` suite drives the real app). The stand-in
 * records what the app registers; the assertions are on the app's own decisions: every new window denied (http(s)
 * sent to the system browser), navigation/redirects/webviews prevented, every permission refused, the CSP header
 * set, and console windows created isolated and sandboxed.
 */
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
      shell: { openExternal: (url: string) => void state.openedExternally.push(url) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (h: Handler) => void (state.permissionRequest = h),
          setPermissionCheckHandler: (h: Handler) => void (state.permissionCheck = h),
          webRequest: { onHeadersReceived: (h: Handler) => void (state.headersHook = h) },
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

const { installAppSecurity } = await import('../../main/electron/security.js');
const { WindowRegistry } = await import('../../main/electron/windows.js');
const { CONTENT_SECURITY_POLICY } = await import('../../main/content-security-policy.js');

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

  it('sends the strict CSP (no unsafe-eval) with every response', async () => {
    await Promise.resolve();
    const done = vi.fn();
    fakeElectron.state.headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
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
    });
    expect(prefs.preload).toMatch(/preload\/index\.cjs$/);
  });
});
