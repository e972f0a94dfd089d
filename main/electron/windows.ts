/** The console's windows, all created with the same locked-down preferences. */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import type { WallDisplayInfo } from '../../common/wall-schemas.js';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

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
});

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();
  private readonly wallWindows = new Map<number, BrowserWindow>();

  /** The dev server during `electron-vite dev`, else the packaged renderer folder. */
  readonly rendererRoot =
    process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererIndex.replace(/index\.html$/, '')).toString();

  has(contentsId: number): boolean {
    for (const win of this.windows) if (!win.isDestroyed() && win.webContents.id === contentsId) return true;
    return false;
  }

  all(): BrowserWindow[] {
    return [...this.windows].filter((w) => !w.isDestroyed());
  }

  openConsole(): BrowserWindow {
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
    win.on('closed', () => this.windows.delete(win));
    win.once('ready-to-show', () => win.show());
    if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
    else void win.loadFile(rendererIndex);
    return win;
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
   * A frameless full-screen wall window on that monitor (the primary one when unknown), showing `#/wall-display`: the
   * same renderer, preload and preferences as the console, driven by the console's `wall.cast`. One per monitor.
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
    win.once('ready-to-show', () => win.show());
    if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(`${process.env.ELECTRON_RENDERER_URL}#/wall-display`);
    else void win.loadFile(rendererIndex, { hash: '/wall-display' });
    return win;
  }
}
