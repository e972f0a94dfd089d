/** The console's windows, all created with the same locked-down preferences. */
import { BrowserWindow } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>();

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
      webPreferences: {
        preload: `${here}../preload/index.cjs`,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    this.windows.add(win);
    win.on('closed', () => this.windows.delete(win));
    win.once('ready-to-show', () => win.show());
    if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
    else void win.loadFile(rendererIndex);
    return win;
  }
}
