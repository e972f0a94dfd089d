/**
 * Electron entry: hardening and the app's own protocols first; then a window at once — the start-up screen while the
 * embedded hub starts in its own process (or straight the login when GRID_HUB_URL names a county hub) — one console
 * service shared by every window, the IPC binding, and a quit that waits for the hub and the local store to close.
 */
import { app, dialog, utilityProcess } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_CHROMIUM_SWITCHES } from '../chromium-switches.js';
import { ConsoleService } from '../console-service.js';
import { connectOrEmbedHub } from '../embedded-hub.js';
import { StartupTracker } from '../hub-process/startup-status.js';
import { HubStartFailure, HubSupervisor, type ForkHub } from '../hub-process/supervisor.js';
import { consoleStorePath } from '../local-store/store-path.js';
import { installAppMenu } from './app-menu.js';
import { BUILT_RENDERER_DIR, registerPrivilegedSchemes, serveApp } from './app-protocol.js';
import { bindConsoleIpc } from './ipc-binding.js';
import { installAppSecurity, setHubOrigins } from './security.js';
import { startTileProtocol } from './tile-protocol.js';
import { STARTUP_HASH, WindowRegistry } from './windows.js';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build the tests use (see README, "Native
 * module"), so the two never overwrite each other.
 */
function electronSqliteBinding(): string | undefined {
  const candidates = [
    process.env.GRID_SQLITE_BINDING,
    join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
    // Packaged: extraResources (electron-builder.yml); unset outside a packaged app.
    process.resourcesPath ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : undefined,
  ];
  return candidates.find((p): p is string => typeof p === 'string' && existsSync(p));
}

/** The hub process's module, built next to this one (electron.vite.config.ts). */
export const HUB_PROCESS_MODULE = fileURLToPath(new URL('./hub-process.js', import.meta.url));

/** Electron's utility process, adapted to what the supervisor uses (the tests adapt Node's fork the same way). */
const forkUtilityProcess: ForkHub = (modulePath, env) => {
  const child = utilityProcess.fork(modulePath, [], { env, serviceName: 'Grid Command hub', stdio: 'inherit' });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  };
};

const logLine = (logPath: string | null) => (logPath ? `\n\nLog: ${logPath}` : '');

function showStartFailure(failure: HubStartFailure): void {
  dialog.showErrorBox('Grid Command: the hub did not start', `${failure.reason}${logLine(failure.logPath)}`);
}

installAppSecurity();
registerPrivilegedSchemes(); // before ready: a privileged scheme cannot be added later
// Before the app is ready, so every renderer starts with them.
for (const [name, value] of CONSOLE_CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
if (!app.requestSingleInstanceLock()) app.quit();

const startup = new StartupTracker();
let supervisor: HubSupervisor | null = null;
let service: ConsoleService | null = null;
const stops: Array<() => void> = [];

void app.whenReady().then(async () => {
  installAppMenu(app.isPackaged);
  const nativeBinding = electronSqliteBinding();
  stops.push(serveApp(BUILT_RENDERER_DIR, () => startup.current()));
  const stopTiles = startTileProtocol(process.env, nativeBinding);
  if (stopTiles) stops.push(stopTiles);
  const windows = new WindowRegistry();
  app.on('second-instance', () => windows.all()[0]?.focus());

  let hubUrl: string;
  if (process.env.GRID_HUB_URL) {
    hubUrl = (await connectOrEmbedHub(process.env, { dataDir: '' })).hubUrl;
  } else {
    // The window comes up at once with the start-up screen; the hub seeds, imports and encodes in its own process.
    windows.openConsole(STARTUP_HASH);
    supervisor = new HubSupervisor({
      fork: forkUtilityProcess,
      modulePath: HUB_PROCESS_MODULE,
      env: {
        ...process.env,
        GRID_DATA_DIR: process.env.GRID_DATA_DIR ?? join(app.getPath('userData'), 'hub'),
        ...(nativeBinding ? { GRID_SQLITE_BINDING: nativeBinding } : {}),
      },
      listener: startup.listener({
        crashed: (crash) =>
          void dialog.showMessageBox({
            type: 'warning',
            title: 'Grid Command',
            message: `The embedded hub stopped: ${crash.reason}`,
            detail: `Restarting it in ${Math.ceil(crash.delayMs / 1000)} s (attempt ${crash.attempt} of ${crash.maxRestarts}); the console works from its local store meanwhile.${logLine(crash.logPath)}`,
          }),
        gaveUp: showStartFailure,
      }),
    });
    try {
      hubUrl = await supervisor.start();
    } catch (err) {
      const failure = err instanceof HubStartFailure ? err : new HubStartFailure(String(err), null);
      startup.failed(failure);
      showStartFailure(failure);
      app.quit();
      return;
    }
  }
  // The CSP of every later answer names exactly this hub (and any media servers), never a wildcard.
  setHubOrigins([hubUrl], (process.env.GRID_MEDIA_URLS ?? '').split(',').filter(Boolean));
  // The console's own store (offline cache + outbox) loads the same Electron-ABI better-sqlite3 as the hub.
  service = new ConsoleService({
    hubUrl,
    storePath: consoleStorePath(app.getPath('userData'), supervisor ? null : hubUrl),
    nativeBinding,
  });
  bindConsoleIpc(service, windows);
  if (supervisor) windows.showLogin();
  else windows.openConsole();
});

app.on('window-all-closed', () => app.quit());

let quitting: Promise<void> | null = null;
/** Quit waits for the local store to close and the hub process to close its database and exit, then exits. */
app.on('will-quit', (event) => {
  if (quitting) return;
  event.preventDefault();
  quitting = (async () => {
    try {
      service?.close();
    } catch (err) {
      console.error(`Grid Command: closing the local store failed: ${String(err)}`);
    }
    await supervisor?.stop();
    for (const stop of stops) stop();
  })().finally(() => app.exit(0));
});
