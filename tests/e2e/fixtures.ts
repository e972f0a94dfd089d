/**
 * One suite, two hosts. `consolePage()` opens a console: a fresh browser context on the web host (default here,
 * where no Electron binary can be had), or a fresh Electron app via Playwright's `_electron` when GRID_E2E_HOST is
 * 'electron' (or 'auto' and a binary is installed). The tests never know which.
 */
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ELECTRON_BINARY as binary, HOST } from './host.js';
import { join } from 'node:path';

export { HOST };

export const DEMO_PASSWORD = 'Demo@2026';

interface Fixtures {
  consolePage: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  consolePage: async ({ browser, baseURL }, use) => {
    const closers: Array<() => Promise<void>> = [];
    await use(async () => {
      if (HOST === 'electron') {
        const app = await _electron.launch({
          executablePath: binary!,
          args: ['.'],
          env: {
            ...process.env,
            GRID_DATA_DIR: process.env.GRID_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'grid-e2e-app-')),
          },
        });
        closers.push(() => app.close());
        return app.firstWindow();
      }
      const context = await browser.newContext();
      closers.push(() => context.close());
      const page = await context.newPage();
      await page.goto(baseURL!);
      return page;
    });
    for (const close of closers) await close();
  },
});

export { expect };

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A console call's answer as the e2e specs read it, whichever host carries it. */
export type CallAnswer<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: string; params?: Record<string, unknown> } };

/**
 * A console call as the page's own bridge makes it: the preload's `gridCommand.call` in Electron (which returns the
 * value or throws the hub's error), the web host's `/rpc` otherwise (which answers `{ ok, value | error }`).
 */
export function consoleCall<T = unknown>(page: Page, method: string, request: unknown): Promise<CallAnswer<T>> {
  return page.evaluate(
    async ({ method, request }) => {
      const bridge = (globalThis as { gridCommand?: { call(m: string, r: unknown): Promise<unknown> } }).gridCommand;
      if (bridge) {
        try {
          return { ok: true, value: await bridge.call(method, request) };
        } catch (err) {
          const { code = 'unknown', params } = err as { code?: string; params?: Record<string, unknown> };
          return { ok: false, error: { code, ...(params ? { params } : {}) } };
        }
      }
      const response = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(request),
      });
      return response.json();
    },
    { method, request },
  ) as Promise<CallAnswer<T>>;
}
