/**
 * A real hub in its own process (as on a county server), seeded with the demo county in a fresh folder, so the
 * load generator in the bench process does not share the hub's event loop. Reports its memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HubProcess {
  readonly url: string;
  readonly pid: number;
  /** Resident memory of the hub process, MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export async function startHubProcess(port: number, env: Record<string, string> = {}): Promise<HubProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-bench-hub-'));
  const profile = process.env.GRID_BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GRID_BENCH_PROFILE_DIR}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'hub/cli.ts'], {
    env: { ...process.env, GRID_DATA_DIR: dir, GRID_HUB_PORT: String(port), GRID_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    rssMiB() {
      const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : Number.NaN;
};

export async function loginToken(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Points inside the county: the centres of its grids (inside by construction). */
export async function gridPoints(
  url: string,
  token: string,
): Promise<Array<{ lon: number; lat: number; code: string }>> {
  const res = await fetch(`${url}/api/v1/org-units`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await res.json()) as { items: Array<{ code: string; level: string; center: [number, number] }> };
  return items.filter((u) => u.level === 'grid').map((u) => ({ code: u.code, lon: u.center[0], lat: u.center[1] }));
}
