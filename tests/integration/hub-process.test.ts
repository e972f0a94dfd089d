/**
 * The embedded hub in its own process (main/hub-process/), supervised as the desktop app does it — with Node's
 * `child_process.fork` as the named stand-in for Electron's `utilityProcess.fork` (same structured messages; no
 * Electron binary here). The real entry module starts a real hub over a copy of the seeded demo database: it reports
 * its start-up steps and `ready` with a URL that answers; a SIGKILL is reported as a crash and the hub comes back on
 * the same URL; a hub that cannot start rejects with its reason and log path; `stop()` closes it and waits. The
 * restart policy (backoff, limit, reason) is checked with a stand-in hub process that crashes on purpose.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { HubStartFailure, HubSupervisor, type HubCrash } from '../../main/hub-process/supervisor.js';
import type { HubProcessMessage } from '../../main/hub-process/protocol.js';
import { forked, forkWithNode } from '../support/utility-process-stand-in.js';

const ENTRY = new URL('../../main/hub-process/entry.ts', import.meta.url).pathname;
const CRASHING = new URL('../support/crashing-hub.mjs', import.meta.url).pathname;

const dirs: string[] = [];
const supervisors: HubSupervisor[] = [];
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop(5000)));
  for (const child of forked.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding a copy of the seeded demo county, as a second start finds it. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grid-hub-process-'));
  dirs.push(dir);
  copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
  return dir;
}

const hubEnv = (dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  GRID_DATA_DIR: dir,
  GRID_SIMULATE: '0',
  GRID_LOG_LEVEL: 'warn',
  ...extra,
});

async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/api/v1/health`)).status;
  } catch {
    return 0;
  }
}

const waitFor = async (check: () => boolean, timeoutMs = 20_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('the embedded hub in its own process', () => {
  it('reports its start-up steps in order, then ready with a URL that answers; stop() closes it', async () => {
    const dir = dataDir();
    // The history marker removed: the start walks the whole history again (every line already there is skipped),
    // so the process reports each chunk as a first start would.
    const db = new Database(join(dir, 'hub.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'demo_history'").run();
    db.close();
    const steps: Array<Extract<HubProcessMessage, { type: 'progress' }>> = [];
    const supervisor = new HubSupervisor({
      fork: forkWithNode,
      modulePath: ENTRY,
      env: hubEnv(dir),
      listener: { progress: (p) => steps.push(p) },
    });
    supervisors.push(supervisor);
    const url = await supervisor.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await health(url)).toBe(200);

    expect(steps[0]).toMatchObject({ step: 'county', done: 0, total: 1 });
    expect(steps[1]).toMatchObject({ step: 'county', done: 1, total: 1 });
    const history = steps.filter((s) => s.step === 'history').map((s) => s.done);
    expect(history).toEqual(Array.from({ length: 21 }, (_, i) => i)); // 0/20 … 20/20, one per chunk
    expect(steps.filter((s) => s.step === 'history').every((s) => s.total === 20)).toBe(true);

    await supervisor.stop();
    expect(forked[0]!.exitCode).toBe(0); // closed cleanly on `stop`, not killed
    expect(await health(url)).toBe(0);
  }, 300_000); // the whole demo history and its word index are written first: minutes on a loaded 2-core machine

  it('reports a killed hub as a crash and restarts it on the same URL', async () => {
    const crashes: HubCrash[] = [];
    const readies: string[] = [];
    const supervisor = new HubSupervisor({
      fork: forkWithNode,
      modulePath: ENTRY,
      env: hubEnv(dataDir()),
      firstDelayMs: 50,
      listener: { crashed: (c) => crashes.push(c), ready: (u) => readies.push(u) },
    });
    supervisors.push(supervisor);
    const url = await supervisor.start();
    forked[0]!.kill('SIGKILL'); // as the OOM killer would

    await waitFor(() => readies.length === 2, 60_000);
    expect(crashes).toEqual([
      {
        reason: expect.stringMatching(/^the hub process exited with code \d+$/),
        attempt: 1,
        maxRestarts: 5,
        delayMs: 50,
        logPath: join(supervisor['options'].env.GRID_DATA_DIR!, 'logs', 'current.log'),
      },
    ]);
    expect(readies[1]).toBe(url);
    expect(await health(url)).toBe(200);
  }, 90_000);

  it('rejects a hub that cannot start with its reason and the log path (no restart)', async () => {
    const dir = dataDir();
    // Demo passwords in the database and demo mode off: the hub refuses to start.
    const supervisor = new HubSupervisor({
      fork: forkWithNode,
      modulePath: ENTRY,
      env: hubEnv(dir, { GRID_DEMO: '0' }),
    });
    supervisors.push(supervisor);
    const failure = await supervisor.start().then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(HubStartFailure);
    expect((failure as HubStartFailure).reason).toMatch(/published demo password; refusing to start/);
    expect((failure as HubStartFailure).logPath).toBe(join(dir, 'logs', 'current.log'));
    expect(forked).toHaveLength(1);
  }, 60_000);
});

describe('the restart policy of the hub supervisor', () => {
  it('restarts with a doubling delay on the same port, shows the reason, and gives up past the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-crashing-hub-'));
    dirs.push(dir);
    const startLog = join(dir, 'starts.txt');
    writeFileSync(startLog, '');
    const crashes: HubCrash[] = [];
    let gaveUp: HubStartFailure | null = null;
    const supervisor = new HubSupervisor({
      fork: forkWithNode,
      modulePath: CRASHING,
      env: {
        ...process.env,
        START_LOG: startLog,
        CRASH_AFTER_MS: '30',
        CRASH_REASON: 'database disk image is malformed',
      },
      maxRestarts: 3,
      firstDelayMs: 20,
      listener: { crashed: (c) => crashes.push(c), gaveUp: (f) => void (gaveUp = f) },
    });
    supervisors.push(supervisor);
    expect(await supervisor.start()).toBe('http://127.0.0.1:47001');
    await waitFor(() => gaveUp !== null);

    expect(crashes.map((c) => [c.attempt, c.delayMs])).toEqual([
      [1, 20],
      [2, 40],
      [3, 80],
    ]);
    expect(crashes.every((c) => c.reason === 'database disk image is malformed')).toBe(true);
    expect(crashes[0]!.logPath).toBe('/var/log/grid/current.log');
    expect(gaveUp!.reason).toBe('database disk image is malformed (3 restarts did not keep it running)');
    // First start on a free port, every restart on the port the hub first listened on.
    expect(readFileSync(startLog, 'utf8').trim().split('\n')).toEqual(['first', '47001', '47001', '47001']);
  });

  it('counts only crashes within the window: a hub that crashes now and then is always restarted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-crashing-hub-'));
    dirs.push(dir);
    let clock = 0;
    const crashes: HubCrash[] = [];
    let gaveUp = false;
    const supervisor = new HubSupervisor({
      fork: forkWithNode,
      modulePath: CRASHING,
      env: { ...process.env, START_LOG: join(dir, 'starts.txt'), CRASH_AFTER_MS: '30' },
      maxRestarts: 1,
      restartWindowMs: 60_000,
      firstDelayMs: 20,
      now: () => (clock += 61_000), // each crash an hour-ish apart from the last, as far as the policy can tell
      listener: { crashed: (c) => crashes.push(c), gaveUp: () => void (gaveUp = true) },
    });
    supervisors.push(supervisor);
    await supervisor.start();
    await waitFor(() => crashes.length >= 3);
    expect(gaveUp).toBe(false);
    expect(crashes.map((c) => c.attempt)).toEqual(crashes.map(() => 1));
    expect(crashes[0]!.reason).toBe('the hub process exited with code 3');
  });
});
