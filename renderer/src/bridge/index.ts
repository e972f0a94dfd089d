/**
 * The renderer's one way to the console service: `window.gridCommand` from the Electron preload, or the web
 * bridge when the same UI runs in a plain browser against `npm run web`.
 */
import type {
  CallRequest,
  CallResponse,
  ConsoleCallName,
  ConsolePushName,
  GridCommandApi,
  PushPayload,
} from '../../../common/contract.js';
import { createWebBridge } from './web-bridge.js';

declare global {
  interface Window {
    gridCommand?: GridCommandApi;
  }
}

const api: GridCommandApi = window.gridCommand ?? createWebBridge();

/** A refused call, with the hub's error code (translated by the UI) and the offending field if any. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

export async function call<K extends ConsoleCallName>(method: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await api.call(method, request);
  if (!result.ok) throw new CallError(result.error.code, result.error.message, result.error.field);
  return result.value;
}

export function subscribe<K extends ConsolePushName>(push: K, listener: (payload: PushPayload<K>) => void): () => void {
  return api.subscribe(push, listener);
}
