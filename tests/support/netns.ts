/**
 * Real hosts on one machine: Linux network namespaces joined by veth pairs to a bridge in the hub's namespace
 * (iproute2; needs root). The hub's namespace holds br0 at 10.77.0.1/24; town i is 10.77.0.(10+i) on its own veth.
 * Cutting a town is `ip link set <its veth> down` on the hub side: packets vanish, no connection is closed — as a
 * pulled cable or a dead WAN link. Optional netem delay on each town's link (the bench's "one hop, 20 ms").
 *
 * Names carry the creating process's pid, so parallel runs never meet; `destroy()` removes everything it made and
 * is safe to call twice (tests call it in afterAll, the bench in finally).
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IP = process.env.GRID_IP_PATH ?? '/usr/sbin/ip';
export const HUB_ADDRESS = '10.77.0.1';
export const townAddress = (i: number) => `10.77.0.${10 + i}`;

const ip = (...args: string[]) => execFileSync(IP, args, { stdio: 'pipe', encoding: 'utf8' });

/** Null when namespaces can be made here; else why not, in one line. */
export function netnsUnavailable(): string | null {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not running as root';
  const probe = `gcprobe${process.pid}`;
  try {
    ip('netns', 'add', probe);
  } catch (err) {
    const message = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
    return `ip netns add failed: ${message.split('\n')[0]}`;
  }
  try {
    ip('netns', 'del', probe);
  } catch {
    /* made, so usable; nothing left to clean */
  }
  return null;
}

/** Adds netem delay on the town's side of its link; false where the kernel has no netem (the caller falls back). */
function addNetemDelay(ns: string, delayMs: number): boolean {
  try {
    execFileSync(
      IP,
      ['netns', 'exec', ns, 'tc', 'qdisc', 'add', 'dev', 'eth0', 'root', 'netem', 'delay', `${delayMs}ms`],
      {
        stdio: 'pipe',
      },
    );
    return true;
  } catch (err) {
    if (/qdisc kind is unknown|No such file/i.test(String((err as { stderr?: Buffer }).stderr ?? ''))) return false;
    throw err;
  }
}

export interface Topology {
  readonly hubNs: string;
  /** Whether the requested delay is on the links as a netem qdisc (false: this kernel has no netem). */
  readonly netem: boolean;
  readonly townNs: readonly string[];
  /** Cut town i's link (1-based) on the hub's side, or bring it back. */
  setLink(town: number, up: boolean): void;
  /** Spawns a command inside a namespace. */
  spawnIn(ns: string, command: string, args: readonly string[], options?: SpawnOptions): ChildProcess;
  /** A Chromium executable that runs inside the namespace (for Playwright's chromium.launch executablePath). */
  chromiumIn(ns: string): string;
  /** Adds or removes an address of the hub's host (a DHCP change, a failover): the hub listens on 0.0.0.0. */
  setHubAddress(address: string, present: boolean): void;
  /** A hosts file for the namespace (`ip netns exec` binds /etc/netns/<ns>/hosts over /etc/hosts). */
  writeHosts(ns: string, lines: string): void;
  destroy(): void;
}

export function createTopology(towns: number, options: { delayMs?: number } = {}): Topology {
  const tag = `gc${process.pid}`;
  const hubNs = `${tag}h`;
  const townNs = Array.from({ length: towns }, (_, i) => `${tag}t${i + 1}`);
  const veth = (i: number) => `${tag}v${i}`;
  const scratch = mkdtempSync(join(tmpdir(), 'grid-netns-'));
  let destroyed = false;
  let netem = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    for (const ns of [hubNs, ...townNs]) {
      try {
        ip('netns', 'del', ns); // deleting a namespace removes its veth ends and the pair with them
      } catch {
        /* never made */
      }
      rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    ip('netns', 'add', hubNs);
    ip('-n', hubNs, 'link', 'set', 'lo', 'up');
    ip('-n', hubNs, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', hubNs, 'addr', 'add', `${HUB_ADDRESS}/24`, 'dev', 'br0');
    ip('-n', hubNs, 'link', 'set', 'br0', 'up');
    townNs.forEach((ns, index) => {
      const i = index + 1;
      ip('netns', 'add', ns);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', hubNs, 'link', 'add', veth(i), 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns);
      ip('-n', hubNs, 'link', 'set', veth(i), 'master', 'br0', 'up');
      ip('-n', ns, 'addr', 'add', `${townAddress(i)}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      if (options.delayMs) netem = addNetemDelay(ns, options.delayMs);
    });
  } catch (err) {
    destroy();
    throw err;
  }
  return {
    hubNs,
    netem,
    townNs,
    setHubAddress: (address, present) =>
      void ip('-n', hubNs, 'addr', present ? 'add' : 'del', `${address}/24`, 'dev', 'br0'),
    setLink: (town, up) => void ip('-n', hubNs, 'link', 'set', veth(town), up ? 'up' : 'down'),
    spawnIn: (ns, command, args, spawnOptions = {}) => spawn(IP, ['netns', 'exec', ns, command, ...args], spawnOptions),
    chromiumIn(ns) {
      const path = join(scratch, `chromium-${ns}`);
      const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
      writeFileSync(path, `#!/bin/sh\nexec ${IP} netns exec ${ns} ${chromium} "$@"\n`);
      chmodSync(path, 0o755);
      return path;
    },
    writeHosts(ns, lines) {
      // Rewritten in place (same inode): a process already inside the namespace sees the bind-mounted file change.
      mkdirSync(`/etc/netns/${ns}`, { recursive: true });
      writeFileSync(`/etc/netns/${ns}/hosts`, `127.0.0.1 localhost\n${lines}\n`);
    },
    destroy,
  };
}
