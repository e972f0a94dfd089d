/**
 * Which host the end-to-end suite drives: the web host (default here, where no Electron binary can be had) or the
 * Electron app through Playwright's `_electron` when GRID_E2E_HOST is 'electron' (or 'auto' and a binary is
 * installed). Shared by the fixtures and the Playwright config, which leaves out `*.web-only.spec.ts` in Electron.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
export const ELECTRON_BINARY = wanted === 'web' ? null : electronBinary();
if (wanted === 'electron' && !ELECTRON_BINARY)
  throw new Error('GRID_E2E_HOST=electron but no Electron binary is installed');
export const HOST: 'electron' | 'web' = ELECTRON_BINARY ? 'electron' : 'web';
