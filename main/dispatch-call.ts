/**
 * The one entry from outside (IPC or the web host's loopback RPC) into the console service: the method must be in
 * the contract, the request must pass its schema, and any failure comes back as data with a code.
 */
import { consoleCalls, type CallResult, type ConsoleCallName } from '../common/contract.js';
import { describeZodIssue, GridCommandError } from '../common/errors.js';
import type { ConsoleService } from './console-service.js';

export function isConsoleCallName(name: string): name is ConsoleCallName {
  return Object.hasOwn(consoleCalls, name);
}

export async function dispatchConsoleCall(
  service: ConsoleService,
  method: string,
  raw: unknown,
): Promise<CallResult<unknown>> {
  if (!isConsoleCallName(method)) {
    return { ok: false, error: { code: 'not_found', message: `unknown call ${method.slice(0, 80)}` } };
  }
  const parsed = consoleCalls[method].request.safeParse(raw ?? {});
  if (!parsed.success) {
    const { message, field } = describeZodIssue(parsed.error.issues);
    return { ok: false, error: { code: 'validation_failed', message, ...(field ? { field } : {}) } };
  }
  try {
    const handler = service.handlers[method] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof GridCommandError) {
      return {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
          ...(err.params ? { params: err.params } : {}),
        },
      };
    }
    return { ok: false, error: { code: 'internal', message: 'console internal error' } };
  }
}
