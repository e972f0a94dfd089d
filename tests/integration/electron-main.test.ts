/**
 * The desktop app's main process (main/electron/index.ts) run in plain Node against the named stand-in for the
 * electron module (tests/support/electron-stand-in.ts; no Electron binary can be downloaded here), with the embedded
 * hub in its own process through the stand-in's `utilityProcess.fork` (Node's fork, the real hub entry):
 * a window at once showing the start-up screen, whose status (served on the app's own protocol) advances to ready;
 * then the login in the same window; a packaged build's menu and windows without DevTools; quit waits for the hub
 * process to close; a hub that cannot start is shown in an error dialog with its reason and the log's path.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { StartupStatus } from '../../common/startup-status.js';
import type { standIn as StandIn } from '../support/electron-stand-in.js';

vi.mock('electron', async () => (await import('../support/electron-stand-in.js')).electronStandIn);

const saved = { ...process.env };
let dir = '';
/** A fresh stand-in per test: the module registry is reset so the app's entry runs again from the top. */
let standIn: typeof StandIn;

beforeEach(async () => {
  vi.resetModules();
  const module = await import('../support/electron-stand-in.js');
  module.resetStandIn();
  standIn = module.standIn;
  dir = mkdtempSync(join(tmpdir(), 'grid-electron-main-'));
  copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
  delete process.env.GRID_HUB_URL;
  Object.assign(process.env, { GRID_DATA_DIR: dir, GRID_SIMULATE: '0', GRID_LOG_LEVEL: 'warn' });
  standIn.app.isPackaged = true;
});

afterEach(() => {
  for (const child of standIn.forked.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const status = async (): Promise<StartupStatus> => {
  const answer = await standIn.protocolHandlers.get('gridcommand')!(
    new Request('gridcommand://console/startup-status.json'),
  );
  return (await answer.json()) as StartupStatus;
};

const exited = () => new Promise<number>((resolve) => standIn.app.once('exited', resolve));

async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the main process of the desktop app (stand-in electron, hub in its own process)', () => {
  it('shows the start-up screen at once, moves to the login when the hub is ready, and quits after the hub closed', async () => {
    await import('../../main/electron/index.js');
    // At once: one window, on the app's protocol (never file://), showing the start-up screen.
    const win = await waitFor(() => standIn.windows[0]);
    expect(win.loads).toEqual(['gridcommand://console/index.html#/startup']);
    expect(win.options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
    expect(standIn.privilegedSchemes.map((s) => s.scheme)).toEqual(['gridcommand', 'gridtiles']);
    // The hub runs in a forked process, not in this one.
    expect(standIn.utilityForks).toHaveLength(1);
    expect(standIn.utilityForks[0]!.modulePath).toMatch(/hub-process\.js$/);
    expect(standIn.utilityForks[0]!.options.env.GRID_DATA_DIR).toBe(dir);

    const seen: StartupStatus[] = [];
    await waitFor(async () => {
      seen.push(await status());
      return seen.at(-1)!.phase === 'ready';
    });
    expect(seen[0]!.phase).toBe('starting');
    expect(seen.at(-1)!.steps).toEqual({
      county: { done: 1, total: 1 },
      history: { done: 20, total: 20 },
      clips: null,
    });

    // Then the login in the same window, with the console's IPC bound before it loads.
    await waitFor(() => win.loads.length === 2);
    expect(win.loads[1]).toBe('gridcommand://console/index.html');
    expect(standIn.ipcHandlers.size).toBeGreaterThan(10);
    // A packaged build: no DevTools anywhere in the menu.
    expect(JSON.stringify(standIn.menu!.template)).not.toMatch(/toggleDevTools|reload/i);

    // Quit waits for the hub process to close its database and exit.
    const hub = standIn.forked[0]!;
    const done = exited();
    standIn.app.quit();
    expect(standIn.app.exitCode).toBeNull(); // held until the hub has closed
    expect(await done).toBe(0);
    expect(hub.exitCode).toBe(0); // it closed on `stop`, not killed
    expect(standIn.errorBoxes).toEqual([]);
  }, 120_000);

  it('shows a hub that cannot start in an error dialog with the reason and the log path, then quits', async () => {
    process.env.GRID_DEMO = '0'; // the demo county's published passwords: the hub refuses to start
    const done = exited();
    await import('../../main/electron/index.js');
    expect(await done).toBe(0);
    expect(standIn.errorBoxes).toHaveLength(1);
    const box = standIn.errorBoxes[0]!;
    expect(box.title).toMatch(/hub did not start/);
    expect(box.content).toMatch(/published demo password; refusing to start/);
    expect(box.content).toContain(`Log: ${join(dir, 'logs', 'current.log')}`);
    expect(standIn.protocolHandlers.has('gridcommand')).toBe(false); // quit took the app's protocol down
    expect(standIn.windows[0]!.loads).toEqual(['gridcommand://console/index.html#/startup']); // never the login
  }, 60_000);
});
