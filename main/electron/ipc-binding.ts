/**
 * The IPC binding of the console contract: one handler per contract method, each checking its sender before the
 * request reaches `dispatchConsoleCall` (which validates it with the contract's schema). The only file in main that
 * touches ipcMain.
 */
import { ipcMain } from 'electron';
import { consoleCalls, type ConsoleCallName } from '../../common/contract.js';
import { IPC_PUSH_CHANNEL, ipcCallChannel } from '../../common/contract-names.js';
import type { ConsoleService } from '../console-service.js';
import { dispatchConsoleCall } from '../dispatch-call.js';
import { isTrustedSender } from '../ipc-sender-policy.js';
import type { WindowRegistry } from './windows.js';
import { systemPdfViewer } from './paper-viewer.js';

export function bindConsoleIpc(service: ConsoleService, windows: WindowRegistry): () => void {
  const names = Object.keys(consoleCalls) as ConsoleCallName[];
  for (const name of names) {
    ipcMain.handle(ipcCallChannel(name), (event, request: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        {
          isMainFrame: frame !== null && frame === event.sender.mainFrame,
          isKnownWindow: windows.has(event.sender.id),
          url: frame?.url ?? '',
        },
        windows.rendererRoot,
      );
      if (!trusted) return { ok: false, error: { code: 'forbidden', message: 'untrusted IPC sender' } };
      return dispatchConsoleCall(service, name, request);
    });
  }
  // Wall displays: `wall.displays` / `wall.openDisplay` open full-screen wall windows on this machine's monitors.
  service.setWallDisplayHost({ displays: () => windows.displays(), openWall: (id) => void windows.openWall(id) });
  // Papers (`paper.open`) open in the system's PDF viewer, from which they print.
  service.setPaperViewer(systemPdfViewer());
  const stopPushes = service.onPush((push, payload) => {
    for (const win of windows.all()) win.webContents.send(IPC_PUSH_CHANNEL, { push, payload });
  });
  return () => {
    stopPushes();
    service.setWallDisplayHost(null);
    service.setPaperViewer(null);
    for (const name of names) ipcMain.removeHandler(ipcCallChannel(name));
  };
}
