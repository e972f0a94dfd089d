/**
 * Chromium for the long wall benches, measured without a debugger holding on to the page.
 *
 * Playwright enables DevTools' Network domain on every page it drives, and while a session has it enabled Chromium
 * keeps a copy of every response for that session (`Network.getResponseBody`; up to 200 MB, plus a record and replay
 * data per request). A wall makes ~16 requests a second, so a page driven by Playwright grows by the debugger's
 * copies alone — a memory-infra dump of a 12-minute run showed 11,243 `NetworkResourcesData::ResourceData` and
 * 11,071 `XHRReplayData` objects in the page's Blink heap, and 150 MiB of 160 KiB buffers. A console in a command
 * room has no debugger attached.
 *
 * So Chromium is started here on its own (the e2e suite's flags, the Electron console's own switches, a 1920×1080
 * window), Playwright connects over CDP only to sign in and fill the wall and then disconnects (which ends its
 * sessions and frees what they kept), and the samples are taken through `CdpClient`, a minimal DevTools client that
 * never enables Network, Page or Runtime.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { consoleChromiumArgs } from '../../main/chromium-switches.js';
import { CHROMIUM_ARGS } from '../../playwright.config.js';
import {
  fillWall,
  playableCameras,
  signInToWall,
  stateSummary,
  tileFacts,
  waitUntil,
  type WebConsole,
} from './wall-bench.js';

export interface DetachedChromium {
  /** `http://127.0.0.1:<port>`, for `chromium.connectOverCDP`. */
  readonly endpoint: string;
  /** Playwright on the browser's default context; disconnect with `browser.close()` (the pages stay open). */
  connect(): Promise<{ browser: Browser; page: Page }>;
  /** A raw DevTools connection to the first page whose URL starts with `urlPrefix`. */
  attach(urlPrefix: string): Promise<CdpClient>;
  /** A raw DevTools connection to the browser itself (tracing, memory dumps). */
  attachBrowser(): Promise<CdpClient>;
  close(): Promise<void>;
}

export async function launchDetachedChromium(): Promise<DetachedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'grid-bench-chromium-'));
  const args = process.argv.includes('--gpu') ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu') : CHROMIUM_ARGS;
  // The switches the Electron console starts its renderers with (main/chromium-switches.ts), unless asked to run
  // as a plain browser would (`--browser-defaults`: what the web host gets).
  const consoleArgs = process.argv.includes('--browser-defaults') ? [] : consoleChromiumArgs();
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      ...args,
      ...consoleArgs,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--window-size=1920,1080',
      '--lang=zh-CN',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  const started = Date.now();
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (Date.now() - started > 30_000 || child.exitCode !== null) throw new Error('Chromium did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    async connect() {
      const browser = await chromium.connectOverCDP(endpoint);
      const context = browser.contexts()[0];
      if (!context) throw new Error('Chromium has no default context');
      const page = context.pages()[0] ?? (await context.newPage());
      return { browser, page };
    },
    async attach(urlPrefix: string) {
      const targets = (await (await fetch(`${endpoint}/json/list`)).json()) as Array<{
        type: string;
        url: string;
        webSocketDebuggerUrl: string;
      }>;
      const target = targets.find((t) => t.type === 'page' && t.url.startsWith(urlPrefix));
      if (!target) throw new Error(`no page at ${urlPrefix}`);
      return CdpClient.open(target.webSocketDebuggerUrl);
    },
    async attachBrowser() {
      const version = (await (await fetch(`${endpoint}/json/version`)).json()) as { webSocketDebuggerUrl: string };
      return CdpClient.open(version.webSocketDebuggerUrl);
    },
    async close() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      // Chromium's helpers may still be writing into the profile for a moment after the browser exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/**
 * Signs in as the county's wall operator, fills a `tiles` layout with the county seat's cameras and waits until all
 * of them play. Returns Playwright's connection: `close()` it to leave the page playing with no debugger attached.
 */
export async function startPlayingWall(chrome: DetachedChromium, web: WebConsole, tiles: number): Promise<Browser> {
  const { browser, page } = await chrome.connect();
  await signInToWall(page, web.url, 'county.wall');
  await fillWall(page, String(tiles), playableCameras(web.dataDir, tiles));
  await waitUntil(
    async () => (await tileFacts(page)).filter((t) => t.state === 'playing').length >= tiles,
    180_000,
    `${tiles} tiles playing`,
    () => stateSummary(page),
  );
  return browser;
}

/** One DevTools connection to one target: commands in, answers and events out. */
export class CdpClient {
  private nextId = 1;
  private readonly listeners = new Map<string, Array<(params: unknown) => void>>();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      if (message.method) for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('DevTools connection closed'));
      this.pending.clear();
    });
  }

  static open(url: string): Promise<CdpClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
      socket.once('open', () => resolve(new CdpClient(socket)));
      socket.once('error', reject);
    });
  }

  on(method: string, listener: (params: unknown) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** An expression evaluated in the page's main world, its JSON value returned. */
  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.send<{ result: { value: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (answer.exceptionDetails) throw new Error(`page threw: ${answer.exceptionDetails.text}`);
    return answer.result.value;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
