/**
 * The desktop app's renderer protocol, wall windows and menu, in plain Node against the named stand-in for the
 * electron module (tests/support/electron-stand-in.ts; no Electron binary can be downloaded here):
 * `gridcommand://console/…` serves the built renderer with its MIME types and the CSP, and nothing outside it —
 * no `..`, encoded traversal, absolute paths, NUL bytes or symbolic links out of the folder; wall windows (V10) open
 * one per monitor, kiosk and full screen on that monitor's bounds, and close with Escape; a packaged app has no
 * DevTools in its menu or windows.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStandIn, standIn, type FakeBrowserWindow } from '../support/electron-stand-in.js';

vi.mock('electron', async () => (await import('../support/electron-stand-in.js')).electronStandIn);

const { answerAppRequest, serveApp, APP_SCHEME } = await import('../../main/electron/app-protocol.js');
const { WindowRegistry } = await import('../../main/electron/windows.js');
const { appMenuTemplate } = await import('../../main/electron/app-menu.js');
const { currentContentSecurityPolicy } = await import('../../main/electron/security.js');

const base = mkdtempSync(join(tmpdir(), 'grid-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(root, 'favicon.svg'), '<svg/>');
writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link-out.js'));
symlinkSync(base, join(root, 'dir-out'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const status = { phase: 'starting' };
/** What the app got from `new BrowserWindow(…)` is the stand-in's window. */
const fake = (win: unknown) => win as FakeBrowserWindow;
const get = (url: string) => answerAppRequest(root, url, () => status);

describe('the gridcommand: protocol', () => {
  it('serves the renderer with its MIME type, nosniff and the CSP', async () => {
    for (const [path, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
      ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['/favicon.svg', 'image/svg+xml'],
    ]) {
      const answer = await get(`gridcommand://console${path}`);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-type'), path).toBe(type);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toBe(currentContentSecurityPolicy());
    }
    expect(await (await get('gridcommand://console/index.html?x=1#/wall-display')).text()).toContain('console');
  });

  it('answers 404 for missing files and for everything that would leave the renderer folder', async () => {
    for (const url of [
      'gridcommand://console/missing.js',
      'gridcommand://console/assets', // a folder, not a file
      'gridcommand://console/../secret.txt',
      'gridcommand://console/%2e%2e/secret.txt',
      'gridcommand://console/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'gridcommand://console/..%2fsecret.txt',
      'gridcommand://console/%2fetc%2fpasswd',
      `gridcommand://console/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'gridcommand://console/index.html%00.js',
      'gridcommand://console/%E0%A4%A', // malformed escape
      'gridcommand://console/assets/link-out.js', // a symlink inside pointing out
      'gridcommand://console/dir-out/secret.txt', // through a symlinked folder
      'gridcommand://other-host/index.html',
      'gridtiles://console/index.html',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text(), url).not.toContain('outside the renderer');
    }
  });

  it('serves the start-up status as JSON, and is handled on the default session until stopped', async () => {
    const answer = await get('gridcommand://console/startup-status.json');
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({ phase: 'starting' });
    const stop = serveApp(root, () => ({ phase: 'ready' }));
    const handler = standIn.protocolHandlers.get(APP_SCHEME)!;
    expect((await handler(new Request('gridcommand://console/index.html'))).status).toBe(200);
    stop();
    expect(standIn.protocolHandlers.has(APP_SCHEME)).toBe(false);
  });
});

describe('wall windows on several monitors (V10)', () => {
  beforeEach(() => {
    resetStandIn();
    standIn.displays.push(
      { id: 10, label: 'DELL U2720Q', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, primary: true },
      { id: 11, label: '', bounds: { x: 2560, y: 0, width: 1920, height: 1080 } },
      { id: 12, label: 'Wall 2', bounds: { x: 4480, y: 0, width: 1920, height: 1080 } },
    );
  });

  it('lists the displays with the primary marked', () => {
    expect(new WindowRegistry().displays()).toEqual([
      { id: 10, label: 'DELL U2720Q', width: 2560, height: 1440, primary: true },
      { id: 11, label: '', width: 1920, height: 1080, primary: false },
      { id: 12, label: 'Wall 2', width: 1920, height: 1080, primary: false },
    ]);
  });

  it('opens one kiosk, full-screen, frameless window per display on its bounds, showing the wall display', () => {
    const windows = new WindowRegistry();
    const second = fake(windows.openWall(11));
    const third = fake(windows.openWall(12));
    expect(second.options).toMatchObject({ x: 2560, y: 0, width: 1920, height: 1080, kiosk: true, fullscreen: true });
    expect(second.options.frame).toBe(false);
    expect(third.options).toMatchObject({ x: 4480, kiosk: true });
    expect(second.loads).toEqual(['gridcommand://console/index.html#/wall-display']);
    expect(second.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    // Asked again for the same monitor: the same window, focused, not a second one.
    expect(fake(windows.openWall(11))).toBe(second);
    expect(standIn.windows).toHaveLength(2);
    // An unknown monitor (unplugged since the list was shown): the primary one.
    expect(fake(windows.openWall(99)).options).toMatchObject({ x: 0, width: 2560 });
  });

  it('closes a wall window with Escape, before the page sees the key, and lets it open again', () => {
    const windows = new WindowRegistry();
    const wall = fake(windows.openWall(11));
    expect(wall.webContents.pressKey('a')).toBe(false);
    expect(wall.destroyed).toBe(false);
    expect(wall.webContents.pressKey('Escape')).toBe(true);
    expect(wall.destroyed).toBe(true);
    expect(windows.has(wall.webContents.id)).toBe(false);
    expect(fake(windows.openWall(11))).not.toBe(wall);
  });
});

describe('DevTools', () => {
  it('are absent from the menu and the windows of a packaged build, present in development', async () => {
    const roles = (packaged: boolean) =>
      JSON.stringify(appMenuTemplate(packaged))
        .match(/"role":"(\w+)"/g)!
        .map((r) => r.slice(8, -1));
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('viewMenu'); // Electron's default View menu carries Toggle Developer Tools
    expect(roles(false)).toContain('toggleDevTools');

    resetStandIn();
    standIn.app.isPackaged = true;
    vi.resetModules();
    const packaged = await import('../../main/electron/windows.js');
    expect(fake(new packaged.WindowRegistry().openConsole()).options.webPreferences.devTools).toBe(false);
  });
});
