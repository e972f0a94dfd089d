/**
 * The multi-host rig shared by tests/e2e/multi-host.netns.spec.ts and bench/remote-console.ts: a county hub in one
 * network namespace, N township console hosts (the web host, its console store) in others, each with its own
 * headless Chromium running inside its namespace. Every process is a child of this one and `close()` stops them
 * all and removes the namespaces, also after a failure half-way.
 */
import Database from 'better-sqlite3';
import { chromium, type Browser } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopology, HUB_ADDRESS, type Topology } from './netns.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const HUB_PORT = 7300;
export const WEB_PORT = 5190;
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export interface ConsoleHost {
  readonly ns: string;
  /** The web host's URL as the Chromium in the same namespace reaches it. */
  readonly url: string;
  readonly browser: Browser;
}

export interface MultiHostRig {
  readonly topology: Topology;
  /** How the requested delay was added: 'netem' on the link, a userspace 'relay' (no netem here), or 'none'. */
  readonly delayBy: 'netem' | 'relay' | 'none';
  readonly hubUrl: string;
  readonly consoles: readonly ConsoleHost[];
  /** Runs a tsx script inside the hub's namespace and returns its stdout (trimmed). */
  runInHub(script: string, args: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/** Waits until a child prints a line matching `ready`; rejects if it exits first or after `timeoutMs`. */
function waitForLine(child: ChildProcess, ready: RegExp, what: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${what} not ready in ${timeoutMs} ms: ${output.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${output.slice(-2000)}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `sourceDb`: a seeded demo hub database (copied with SQLite's backup, so a live one is fine). `hubUrlFor(i)`: the
 * URL console i is configured with (default http://10.77.0.1:7300).
 */
export async function startMultiHostRig(options: {
  towns: number;
  sourceDb: string;
  delayMs?: number;
  hubUrlFor?: (town: number) => string;
  /** Lines of a town's /etc/hosts (inside its namespace only), e.g. the hub's name. */
  hostsFor?: (town: number) => string | undefined;
  /** More addresses of the hub's host besides 10.77.0.1. */
  extraHubAddresses?: readonly string[];
  /** The baseline: one console host inside the hub's own namespace, joined over 127.0.0.1 (`towns` is ignored). */
  loopback?: boolean;
}): Promise<MultiHostRig> {
  const topology = createTopology(options.loopback ? 0 : options.towns, { delayMs: options.delayMs });
  const scratch = mkdtempSync(join(tmpdir(), 'grid-multihost-'));
  const children: ChildProcess[] = [];
  const browsers: Browser[] = [];
  const tsx = (ns: string, script: string, args: readonly string[], env: Record<string, string>) => {
    const child = topology.spawnIn(ns, process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, GRID_LOG_DIR: 'off', GRID_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
    await Promise.all(children.map(stop));
    topology.destroy();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const hubDir = join(scratch, 'hub');
    const source = new Database(options.sourceDb, { readonly: true, fileMustExist: true });
    mkdirSync(hubDir);
    await source.backup(join(hubDir, 'hub.sqlite'));
    source.close();
    const hub = tsx(topology.hubNs, 'tests/support/netns-hub.ts', [], {
      GRID_DATA_DIR: hubDir,
      GRID_HUB_PORT: String(HUB_PORT),
    });
    await waitForLine(hub, /ready \S+/, 'hub');
    const hubUrl = `http://${HUB_ADDRESS}:${HUB_PORT}`;
    for (const address of options.extraHubAddresses ?? []) topology.setHubAddress(address, true);
    // No netem in this kernel: the consoles reach the hub through a relay that holds each chunk (bench/lib).
    const relay = Boolean(options.delayMs && !options.loopback && !topology.netem);
    if (relay) {
      const child = tsx(
        topology.hubNs,
        'bench/lib/delay-relay.ts',
        [String(HUB_PORT + 1), String(HUB_PORT), String(options.delayMs)],
        {},
      );
      await waitForLine(child, /ready/, 'delay relay');
    }
    const consoleHubUrl = relay ? `http://${HUB_ADDRESS}:${HUB_PORT + 1}` : hubUrl;
    const consoles: ConsoleHost[] = [];
    const consoleNamespaces = options.loopback ? [topology.hubNs] : topology.townNs;
    for (const [index, ns] of consoleNamespaces.entries()) {
      const hosts = options.hostsFor?.(index + 1);
      if (hosts) topology.writeHosts(ns, hosts);
      const web = tsx(ns, 'main/web-host/cli.ts', [], {
        GRID_HUB_URL: options.loopback
          ? `http://127.0.0.1:${HUB_PORT}`
          : (options.hubUrlFor?.(index + 1) ?? consoleHubUrl),
        GRID_WEB_PORT: String(WEB_PORT),
        GRID_DATA_DIR: join(scratch, ns),
      });
      await waitForLine(web, /Grid Command web console: \S+/, `console host ${ns}`);
      const browser = await chromium.launch({ executablePath: topology.chromiumIn(ns), args: CHROMIUM_ARGS });
      browsers.push(browser);
      consoles.push({ ns, url: `http://127.0.0.1:${WEB_PORT}`, browser });
    }
    return {
      topology,
      delayBy: !options.delayMs || options.loopback ? 'none' : relay ? 'relay' : 'netem',
      hubUrl,
      consoles,
      async runInHub(script, args) {
        const child = tsx(topology.hubNs, script, args, {});
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        let err = '';
        child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        if (code !== 0) throw new Error(`${script} failed (${code}): ${err.slice(-2000)}`);
        return out.trim();
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
