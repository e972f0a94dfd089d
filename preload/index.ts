/**
 * The preload: exposes exactly the console contract as `window.gridCommand`, nothing else. Method and push names
 * outside the contract are refused here already; requests are validated again in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CONSOLE_CALL_NAMES, CONSOLE_PUSH_NAMES, IPC_PUSH_CHANNEL, ipcCallChannel } from '../common/contract-names.js';

const callNames = new Set<string>(CONSOLE_CALL_NAMES);
const pushNames = new Set<string>(CONSOLE_PUSH_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_PUSH_CHANNEL, (_event, message: { push: string; payload: unknown }) => {
  listeners.get(message.push)?.forEach((listener) => listener(message.payload));
});

contextBridge.exposeInMainWorld('gridCommand', {
  call(method: string, request: unknown): Promise<unknown> {
    if (!callNames.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'not_found', message: `unknown call ${String(method)}` } });
    }
    return ipcRenderer.invoke(ipcCallChannel(method), request);
  },
  subscribe(push: string, listener: (payload: unknown) => void): () => void {
    if (!pushNames.has(push) || typeof listener !== 'function') throw new Error(`unknown push ${String(push)}`);
    const set = listeners.get(push) ?? new Set();
    listeners.set(push, set);
    set.add(listener);
    return () => void set.delete(listener);
  },
});
