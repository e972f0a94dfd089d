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

/**
 * A refused call, with the hub's error code (translated by the UI through i18n/error-message.ts) and its detail if
 * any: the offending field, the limit exceeded, the seconds to wait before trying again.
 */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly limit?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** Detail beyond `field` that a refusal carries in its `params` (read defensively: not every service sends it). */
function numberIn(
  error: { params?: Readonly<Record<string, unknown>> },
  key: 'limit' | 'retryAfterSeconds',
): number | undefined {
  const value: unknown = error.params?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Why a call found the session gone: its token expired, or it was ended elsewhere (another window, a restart). */
export type SessionLoss = 'expired' | 'revoked';

let sessionLost: ((loss: SessionLoss) => void) | null = null;

/**
 * Who ends the session when a call answers `unauthenticated` or `token_expired` (the session store registers
 * itself; the bridge cannot import it without a cycle). One place, so no call site handles an expired session.
 */
export function onSessionLost(listener: (loss: SessionLoss) => void): void {
  sessionLost = listener;
}

export async function call<K extends ConsoleCallName>(method: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await api.call(method, request);
  if (!result.ok) {
    const { code, message, field } = result.error;
    // A refused login is the login form's business, never the end of a session.
    if (method !== 'session.login' && (code === 'unauthenticated' || code === 'token_expired')) {
      sessionLost?.(code === 'token_expired' ? 'expired' : 'revoked');
    }
    throw new CallError(
      code,
      message,
      field,
      numberIn(result.error, 'limit'),
      numberIn(result.error, 'retryAfterSeconds'),
    );
  }
  return result.value;
}

export function subscribe<K extends ConsolePushName>(push: K, listener: (payload: PushPayload<K>) => void): () => void {
  return api.subscribe(push, listener);
}
