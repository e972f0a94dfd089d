/**
 * The hub as a county runs it: compiled by `build:hub` and started with plain `node` from a foreign working
 * directory on an empty data dir (GRID_DEMO=0); then a seeded hub (cases, users, view-audit rows) backed up by the
 * compiled `backup` command while it keeps taking reports, restored by `restore` into a fresh dir, and a hub started
 * on the restore finds every case, user and audit row that was committed before the backup, and the audit chain
 * verifies with the compiled `audit:verify`.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../hub/server.js';
import { openCaseIn, report } from '../support/cases.js';
import { freePort } from '../support/hub-child.js';
import { api, login } from '../support/test-hub.js';
import { matrixCameras, startVideoTestHub, streamTicket, type VideoTestHub } from '../support/video-test-hub.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';

const root = new URL('../..', import.meta.url).pathname;
const outDir = `out/hub-test-${process.pid}`;
const compiled = (entry: string) => join(root, outDir, `${entry}.js`);
const scratch = mkdtempSync(join(tmpdir(), 'grid-service-'));

/** Runs a compiled entry with plain node (no tsx loader) from a folder outside the repository. */
function runCompiled(entry: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [compiled(entry), ...args], {
    cwd: scratch,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-hub.mjs', '--outdir', outDir], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(join(root, outDir), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('the compiled hub', () => {
  it('starts with plain node on an empty data dir outside demo mode, answers health and ready, stops on SIGTERM', async () => {
    const dataDir = join(scratch, 'empty-hub');
    const port = await freePort();
    const child = spawn(process.execPath, [compiled('cli')], {
      cwd: scratch,
      env: { PATH: process.env.PATH, GRID_DEMO: '0', GRID_DATA_DIR: dataDir, GRID_HUB_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`hub exited (${code}): ${out}`)));
    });
    const hub = { url: `http://127.0.0.1:${port}` };
    const health = await api(hub, 'GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', county: null, demo: false });
    const ready = await api(hub, 'GET', '/api/v1/ready');
    // This year's working calendar comes with chinese-days until the package stops; then an import is due (503).
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const covered = packageCalendarYears().some((y) => y.year === year);
    expect(ready.status).toBe(covered ? 200 : 503);
    if (covered) {
      expect(ready.body.checks.map((c: { name: string; ok: boolean }) => `${c.name}:${c.ok}`)).toEqual([
        'database_writable:true',
        'migrations_current:true',
        'ffmpeg:true',
        'work_calendar:true',
      ]);
    } else {
      expect(ready.body.error.params.failing).toBe('work_calendar');
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'hub.sqlite'))).toBe(true);
  }, 60_000);
});

describe('backup while running, restore into a fresh dir', () => {
  let hub: VideoTestHub;
  let before: { cases: string[]; users: string[]; audit: string[] };
  let backupFile: string;
  let caseId: string;
  const restoredDir = join(scratch, 'restored');

  /** Every case id, user id and audit row (id and hash) of a hub database. */
  function contents(dbPath: string) {
    const db = new Database(dbPath, { readonly: true });
    try {
      const column = (query: string) => db.prepare(query).pluck().all() as string[];
      return {
        cases: column('SELECT id FROM cases ORDER BY id'),
        users: column('SELECT id FROM users ORDER BY id'),
        audit: column(`SELECT id || ':' || hash FROM view_audit ORDER BY id`),
      };
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    hub = await startVideoTestHub();
    const token = await login(hub, 'county.duty');
    caseId = await openCaseIn(hub, token, '431099001');
    const camera = matrixCameras(hub).township;
    expect((await streamTicket(hub, token, camera)).status).toBe(200);
    before = contents(hub.dbPath);
    expect(before.audit.length).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => hub.dispose());

  it('backs up with the compiled command while the hub keeps committing reports', async () => {
    const token = await login(hub, 'town01.director');
    const backupDir = join(scratch, 'backups');
    const backupRun = new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [compiled('cli'), 'backup', '--to', backupDir], {
        cwd: scratch,
        env: { PATH: process.env.PATH, GRID_DATA_DIR: hub.dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => resolve({ code, out }));
    });
    // The hub answers and commits while the copy is taken.
    const place = (await api(hub, 'GET', '/api/v1/org-units', { token })).body.items.find(
      (u: { level: string }) => u.level === 'grid',
    );
    const filed = await report(hub, token, {
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: { lon: place.center[0], lat: place.center[1] },
      description: '备份期间上报',
    });
    expect(filed.status).toBe(201);
    const { code, out } = await backupRun;
    expect(code, out).toBe(0);
    const files = readdirSync(backupDir);
    expect(files).toHaveLength(1); // one self-contained file: no -wal, -shm or .partial left beside it
    expect(files[0]).toMatch(/^hub-\d{8}T\d{6}Z\.sqlite$/);
    backupFile = join(backupDir, files[0]!);
  }, 120_000);

  it('refuses to restore over the running hub, and into a non-empty folder without --force', () => {
    const overRunning = runCompiled('cli', ['restore', backupFile, '--data-dir', hub.dir]);
    expect(overRunning.status).toBe(1);
    expect(overRunning.stderr).toMatch(/a hub \(pid \d+\) is running on/);
    const occupied = join(scratch, 'occupied');
    expect(runCompiled('cli', ['restore', backupFile, '--data-dir', occupied]).status).toBe(0);
    const again = runCompiled('cli', ['restore', backupFile, '--data-dir', occupied]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is not empty; pass --force');
    const forced = runCompiled('cli', ['restore', backupFile, '--data-dir', occupied, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(occupied).some((name) => name.startsWith('hub.sqlite.before-restore-'))).toBe(true);
  }, 120_000);

  it('restores into a fresh dir where a hub finds every case, user and audit row, and the chain verifies', async () => {
    const restored = runCompiled('cli', ['restore', backupFile, '--data-dir', restoredDir]);
    expect(restored.status, restored.stderr).toBe(0);
    const dbPath = join(restoredDir, 'hub.sqlite');
    const after = contents(dbPath);
    const missing = (was: string[], now: string[]) => {
      const present = new Set(now);
      return was.filter((item) => !present.has(item));
    };
    expect(after.users).toEqual(before.users);
    expect(before.cases.length).toBeGreaterThan(80_000); // the demo history and the case filed above
    expect(missing(before.cases, after.cases)).toEqual([]);
    expect(missing(before.audit, after.audit)).toEqual([]);

    const verify = runCompiled('audit-verify', [dbPath]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(new RegExp(`view audit OK: ${after.audit.length} rows`));

    const second = await createHub({ dbPath, demo: true, supervisionIntervalMs: 0 });
    try {
      const token = await login(second, 'county.duty');
      expect((await api(second, 'GET', `/api/v1/cases/${caseId}`, { token })).status).toBe(200);
      const ready = await api(second, 'GET', '/api/v1/ready');
      expect(ready.status).toBe(200);
    } finally {
      await second.close();
    }
  }, 120_000);
});
