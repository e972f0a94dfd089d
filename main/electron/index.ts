/**
 * Electron entry: hardening first, then the hub link (embedded demo hub unless GRID_HUB_URL), one console service
 * shared by every window, the IPC binding, and the console window.
 */
import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_CHROMIUM_SWITCHES } from '../chromium-switches.js';
import { ConsoleService } from '../console-service.js';
import { connectOrEmbedHub, type HubLink } from '../embedded-hub.js';
import { consoleStorePath } from '../local-store/store-path.js';
import { bindConsoleIpc } from './ipc-binding.js';
import { installAppSecurity, setHubOrigins } from './security.js';
import { registerTileScheme, startTileProtocol } from './tile-protocol.js';
import { WindowRegistry } from './windows.js';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build the tests use (see README, "Native
 * module"), so the two never overwrite each other.
 */
function electronSqliteBinding(): string | undefined {
  const candidates = [
    process.env.GRID_SQLITE_BINDING,
    join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p): p is string => typeof p === 'string' && existsSync(p));
}

installAppSecurity();
registerTileScheme(); // before ready: a privileged scheme cannot be added later
// Before the app is ready, so every renderer starts with them.
for (const [name, value] of CONSOLE_CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
if (!app.requestSingleInstanceLock()) app.quit();

let link: HubLink | null = null;
let service: ConsoleService | null = null;
let stopTiles: (() => void) | null = null;

void app.whenReady().then(async () => {
  const nativeBinding = electronSqliteBinding();
  stopTiles = startTileProtocol(process.env, nativeBinding);
  link = await connectOrEmbedHub(process.env, {
    dataDir: process.env.GRID_DATA_DIR ?? join(app.getPath('userData'), 'hub'),
    nativeBinding,
  });
  setHubOrigins([link.hubUrl], (process.env.GRID_MEDIA_URLS ?? '').split(',').filter(Boolean));
  // The console's own store (offline cache + outbox) loads the same Electron-ABI better-sqlite3 as the hub.
  service = new ConsoleService({
    hubUrl: link.hubUrl,
    storePath: consoleStorePath(app.getPath('userData'), link.embedded ? null : link.hubUrl),
    nativeBinding,
  });
  const windows = new WindowRegistry();
  bindConsoleIpc(service, windows);
  windows.openConsole();
  app.on('second-instance', () => windows.all()[0]?.focus());
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  service?.close();
  stopTiles?.();
  void link?.embedded?.close();
});
