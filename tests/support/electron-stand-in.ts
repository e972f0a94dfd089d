/**
 * A named stand-in for the `electron` module, for tests that run the app's main-process code in plain Node (no
 * Electron binary can be downloaded here; the Playwright `_electron` suite drives the real app where one exists).
 * It records what the app asks of Electron — windows and what they load, protocol handlers, menus, dialogs, quit and
 * exit — and lets a test play the user or the OS: displays, key presses, closing windows, quitting.
 * `utilityProcess.fork` runs the module in Node's `child_process.fork` (utility-process-stand-in.ts); the app's
 * built hub module name maps to its TypeScript source.
 *
 * Use: `vi.mock('electron', async () => (await import('../support/electron-stand-in.js')).electronStandIn)`.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forked, forkWithNode } from './utility-process-stand-in.js';

type Handler = (...args: any[]) => any;

export interface FakeDisplay {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  primary?: boolean;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  getURL(): string {
    return this.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return false;
  }
  /** The user presses a key in the window: true when the app prevented it reaching the page. */
  pressKey(key: string): boolean {
    let prevented = false;
    this.emit('before-input-event', { preventDefault: () => void (prevented = true) }, { type: 'keyDown', key });
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loads: string[] = [];
  destroyed = false;
  focused = 0;
  constructor(readonly options: Record<string, any>) {
    super();
    standIn.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  focus(): void {
    this.focused += 1;
  }
  show(): void {}
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly switches: Array<[string, string | undefined]> = [];
  readonly commandLine = { appendSwitch: (name: string, value?: string) => void this.switches.push([name, value]) };
  sandboxEnabled = false;
  exitCode: number | null = null;
  readonly userData = mkdtempSync(join(tmpdir(), 'grid-electron-userdata-'));
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  getPath(): string {
    return this.userData;
  }
  getAppPath(): string {
    return new URL('../..', import.meta.url).pathname;
  }
  /** As Electron: windows close, then 'will-quit', which a handler may hold up with preventDefault. */
  quit(): void {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => void (prevented = true) });
    if (!prevented) this.exitCode ??= 0;
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.emit('exited', code);
  }
}

/**
 * One stand-in per test process, even across `vi.resetModules()` (vitest keeps the mocked module from the first
 * import, so a fresh copy of this file must hand back the same state); `resetStandIn()` clears it between tests.
 */
const shared = globalThis as { gridElectronStandIn?: { standIn: unknown; electronStandIn: unknown } };

const freshStandIn = () => ({
  app: new FakeApp(),
  windows: [] as FakeBrowserWindow[],
  displays: [] as FakeDisplay[],
  privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  menu: null as { template: any[] } | null,
  errorBoxes: [] as Array<{ title: string; content: string }>,
  messageBoxes: [] as Array<Record<string, unknown>>,
  utilityForks: [] as Array<{ modulePath: string; options: Record<string, any> }>,
  forked,
});

const HUB_SOURCE = new URL('../../main/hub-process/entry.ts', import.meta.url).pathname;

const freshElectron = (standIn: ReturnType<typeof freshStandIn>) => ({
  app: standIn.app,
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: typeof standIn.privilegedSchemes) =>
      void standIn.privilegedSchemes.push(...schemes),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
      protocol: {
        handle: (scheme: string, h: (request: Request) => Response) => void standIn.protocolHandlers.set(scheme, h),
        unhandle: (scheme: string) => void standIn.protocolHandlers.delete(scheme),
      },
    },
  },
  shell: { openExternal: () => Promise.resolve() },
  screen: {
    getAllDisplays: () => standIn.displays,
    getPrimaryDisplay: () => standIn.displays.find((d) => d.primary) ?? standIn.displays[0],
  },
  Menu: {
    buildFromTemplate: (template: any[]) => ({ template }),
    setApplicationMenu: (menu: { template: any[] }) => void (standIn.menu = menu),
  },
  dialog: {
    showErrorBox: (title: string, content: string) => void standIn.errorBoxes.push({ title, content }),
    showMessageBox: (options: Record<string, unknown>) => {
      standIn.messageBoxes.push(options);
      return Promise.resolve({ response: 0 });
    },
  },
  ipcMain: {
    handle: (channel: string, h: Handler) => void standIn.ipcHandlers.set(channel, h),
    removeHandler: (channel: string) => void standIn.ipcHandlers.delete(channel),
  },
  utilityProcess: {
    fork: (modulePath: string, _args: string[], options: Record<string, any>) => {
      standIn.utilityForks.push({ modulePath, options });
      // The app forks its built module (out/main/hub-process.js); from the sources that is the entry's .ts file.
      const child = forkWithNode(modulePath.endsWith('hub-process.js') ? HUB_SOURCE : modulePath, options.env);
      const emitter = new EventEmitter() as EventEmitter & { postMessage(m: unknown): void; kill(): boolean };
      child.onMessage((m) => emitter.emit('message', m));
      child.onExit((code) => emitter.emit('exit', code));
      emitter.postMessage = (m) => child.postMessage(m as { type: 'stop' });
      emitter.kill = () => (child.kill(), true);
      return emitter;
    },
  },
});

shared.gridElectronStandIn ??= (() => {
  const state = freshStandIn();
  return { standIn: state, electronStandIn: freshElectron(state) };
})();
export const standIn = shared.gridElectronStandIn.standIn as ReturnType<typeof freshStandIn>;
export const electronStandIn = shared.gridElectronStandIn.electronStandIn as ReturnType<typeof freshElectron>;

/** Between tests: no windows, handlers, dialogs or listeners left from the last app run. */
export function resetStandIn(): void {
  standIn.app.removeAllListeners();
  standIn.app.exitCode = null;
  standIn.app.isPackaged = false;
  for (const list of [standIn.windows, standIn.displays, standIn.privilegedSchemes, standIn.errorBoxes])
    list.length = 0;
  for (const list of [standIn.messageBoxes, standIn.utilityForks]) list.length = 0;
  standIn.protocolHandlers.clear();
  standIn.ipcHandlers.clear();
  standIn.menu = null;
}
