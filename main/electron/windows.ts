/**
 * The console's windows, all created with the same locked-down preferences and all showing the renderer from the
 * app's own protocol (app-protocol.ts), never file://.
 */
import { app, BrowserWindow, screen, type WebPreferences } from 'electron';
import type { WallDisplayInfo } from '../../common/wall-schemas.js';
import { fileURLToPath } from 'node:url';
import { APP_ROOT } from './app-protocol.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The one set of locked-down preferences every window of the console gets. */
const webPreferences = (): WebPreferences => ({
  preload: `${here}../preload/index.cjs`,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // A packaged console has no DevTools at all (no menu entry, no shortcut, no openDevTools); development keeps them.
  devTools: !app.isPackaged,
});

/** The start-up screen (renderer/src/startup/): first start's progress until the hub is ready. */
export const STARTUP_HASH = '/startup';

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();
  private readonly wallWindows = new Map<number, BrowserWindow>();
  private readonly startupWindows = new Set<BrowserWindow>();

  /** The dev server during `electron-vite dev`, else the app's own protocol. */
  readonly rendererRoot: string = process.env.ELECTRON_RENDERER_URL
    ? new URL('/', process.env.ELECTRON_RENDERER_URL).toString()
    : APP_ROOT;

  /** The renderer's page, with a hash route (`/wall-display`, `/startup`) or none. */
  pageUrl(hash?: string): string {
    return `${this.rendererRoot}index.html${hash ? `#${hash}` : ''}`;
  }

  has(contentsId: number): boolean {
    for (const win of this.windows) if (!win.isDestroyed() && win.webContents.id === contentsId) return true;
    return false;
  }

  all(): BrowserWindow[] {
    return [...this.windows].filter((w) => !w.isDestroyed());
  }

  /** The console window; `hash` `/startup` shows first start's progress until the hub is ready (then `showLogin`). */
  openConsole(hash?: string): BrowserWindow {
    const win = new BrowserWindow({
      width: 1600,
      height: 960,
      minWidth: 1100,
      minHeight: 700,
      backgroundColor: '#0b1220',
      title: '网格联动指挥台 Grid Command',
      show: false,
      webPreferences: webPreferences(),
    });
    this.windows.add(win);
    win.on('closed', () => {
      this.windows.delete(win);
      this.startupWindows.delete(win);
    });
    win.once('ready-to-show', () => win.show());
    if (hash === STARTUP_HASH) this.startupWindows.add(win);
    void win.loadURL(this.pageUrl(hash));
    return win;
  }

  /** The hub is ready: every console window showing the start-up screen moves on to the login. */
  showLogin(): void {
    for (const win of this.startupWindows) if (!win.isDestroyed()) void win.loadURL(this.pageUrl());
    this.startupWindows.clear();
  }

  /** The monitors a wall display can open on. */
  displays(): WallDisplayInfo[] {
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((d) => ({
      id: d.id,
      // The OS's name for the monitor, or '' when it gives none: the console then words it itself, by position.
      label: d.label,
      width: d.bounds.width,
      height: d.bounds.height,
      primary: d.id === primary,
    }));
  }

  /**
   * A frameless kiosk window filling that monitor (the primary one when unknown), showing `#/wall-display`: the same
   * renderer, preload and preferences as the console, driven by the console's `wall.cast`. One per monitor. Kiosk, so
   * an operator's stray keys cannot leave it; Escape closes it (caught here, before the page, so it works even while
   * the page is still loading or has hung).
   */
  openWall(displayId: number | null): BrowserWindow {
    const display = screen.getAllDisplays().find((d) => d.id === displayId) ?? screen.getPrimaryDisplay();
    const existing = this.wallWindows.get(display.id);
    if (existing && !existing.isDestroyed()) {
      existing.focus();
      return existing;
    }
    const { x, y, width, height } = display.bounds;
    const win = new BrowserWindow({
      x,
      y,
      width,
      height,
      frame: false,
      fullscreen: true,
      kiosk: true,
      backgroundColor: '#000000',
      title: '视频墙 Video wall',
      show: false,
      webPreferences: webPreferences(),
    });
    this.windows.add(win);
    this.wallWindows.set(display.id, win);
    win.on('closed', () => {
      this.windows.delete(win);
      this.wallWindows.delete(display.id);
    });
    win.webContents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') {
        event.preventDefault();
        win.close();
      }
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(this.pageUrl('/wall-display'));
    return win;
  }
}
