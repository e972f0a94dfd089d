/**
 * A real hub in its own process (as on a county server), seeded with the demo county in a fresh folder, so the
 * load generator in the bench process does not share the hub's event loop. Reports its memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HubProcess {
  readonly url: string;
  /** The hub's data folder (hub.sqlite inside), e.g. to seed bench-only users through the store functions. */
  readonly dataDir: string;
  readonly pid: number;
  /** Resident memory of the hub process, MiB. */
  rssMiB(): number;
  /** CPU seconds the hub process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startHubProcess(
  port: number,
  env: Record<string, string> = {},
  options: { settle?: boolean } = {},
): Promise<HubProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-bench-hub-'));
  const profile = process.env.GRID_BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GRID_BENCH_PROFILE_DIR}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'hub/cli.ts'], {
    env: {
      ...process.env,
      GRID_DATA_DIR: dir,
      GRID_MEDIA_CACHE: join(tmpdir(), 'grid-bench-media-cache'),
      GRID_HUB_PORT: String(port),
      GRID_DEMO: '1',
      ...env,
    },
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
  // A bench that does not measure the hub's own work can skip the wait for its warm-up.
  if (options.settle !== false) await settled();
  return {
    url,
    dataDir: dir,
    pid: child.pid!,
    rssMiB() {
      const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuSeconds() {
      const stat = existsSync(`/proc/${child.pid}/stat`) ? readFileSync(`/proc/${child.pid}/stat`, 'utf8') : '';
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100; // utime + stime, 100 ticks a second
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds the whole machine has been busy so far (every core, from /proc/stat). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return (ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / 100; // clock ticks; 100 a second on Linux
}

/**
 * Waits until the freshly seeded hub has finished its one-time start-up work — the map chunk warm-up (84,200
 * history cases packed in the background from 4 s after the hub listens) and, on a machine's first run, the demo
 * cameras' clips encoded by ffmpeg (about a minute; kept in a shared cache for later runs) — so that the benches
 * measure the hub's steady state, as a county server runs it: six seconds in a row with the machine under 15 % of
 * a core.
 */
async function settled(timeoutMs = 240_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  let last = machineBusySeconds();
  while (quiet < 6 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = machineBusySeconds();
    quiet = now - last < 0.15 ? quiet + 1 : 0;
    last = now;
  }
}

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : Number.NaN;
};

/**
 * Signs a user in. `from` is a loopback address to connect from (any of 127.0.0.0/8): the hub rate-limits logins
 * per address, and 50 consoles signing in within seconds are 50 machines in a county, not one.
 */
export function loginToken(url: string, username: string, from?: string): Promise<string> {
  const body = JSON.stringify({ username, password: 'Demo@2026' });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1/auth/login`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        ...(from ? { localAddress: from } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const token = (JSON.parse(text) as { token?: string }).token;
          if (res.statusCode === 200 && token) resolve(token);
          else reject(new Error(`login ${username} from ${from ?? 'default'}: ${res.statusCode} ${text}`));
        });
      },
    );
    req.once('error', reject);
    req.end(body);
  });
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
