/**
 * One suite, two hosts. `consolePage()` opens a console: a fresh browser context on the web host (default here,
 * where no Electron binary can be had), or a fresh Electron app via Playwright's `_electron` when GRID_E2E_HOST is
 * 'electron' (or 'auto' and a binary is installed). The tests never know which.
 */
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const wanted = process.env.GRID_E2E_HOST ?? 'auto';
const binary = wanted === 'web' ? null : electronBinary();
if (wanted === 'electron' && !binary) throw new Error('GRID_E2E_HOST=electron but no Electron binary is installed');
export const HOST: 'electron' | 'web' = binary ? 'electron' : 'web';

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
