/**
 * A console service with its own store file against a test hub, and the few calls the offline tests make: the
 * contract's own entry (dispatchConsoleCall), so validation and error shapes are the renderer's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsolePushName } from '../../common/contract.js';
import { ConsoleService } from '../../main/console-service.js';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';
import { until } from './hub-restart.js';
import { DEMO_PASSWORD } from './test-hub.js';

export interface TestConsole {
  readonly service: ConsoleService;
  readonly pushes: Array<{ push: ConsolePushName; payload: any }>;
  call(method: string, request?: unknown): Promise<any>;
  /** The answer's value, or a thrown error with the refusal's code. */
  value(method: string, request?: unknown): Promise<any>;
  login(username: string): Promise<any>;
}

export function storeDir(): { dir: string; storePath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'grid-console-store-'));
  return { dir, storePath: join(dir, 'console.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openConsole(hubUrl: string, storePath: string | undefined): TestConsole {
  const service = new ConsoleService({ hubUrl, storePath, healthIntervalMs: 200 });
  const pushes: TestConsole['pushes'] = [];
  service.onPush((push, payload) => pushes.push({ push, payload }));
  const call = (method: string, request: unknown = {}) => dispatchConsoleCall(service, method, request) as Promise<any>;
  const value = async (method: string, request: unknown = {}) => {
    const result = await call(method, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  return {
    service,
    pushes,
    call,
    value,
    async login(username: string) {
      const user = await value('session.login', { username, password: DEMO_PASSWORD });
      await until(() => service.connection.state === 'online', 20_000, `${username} online`);
      return user;
    },
  };
}

export const waitOffline = (c: TestConsole) =>
  until(() => c.service.connection.state === 'offline', 20_000, 'console offline');
export const waitOnline = (c: TestConsole) =>
  until(() => c.service.connection.state === 'online', 30_000, 'console online');
