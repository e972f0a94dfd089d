/**
 * Runs the embedded hub in its own process and keeps it running: the first start resolves with the hub's URL (or
 * rejects with the reason and the log's path, for the app's error dialog); a crash afterwards is reported with its
 * reason and the process restarted after a doubling delay, on the same port so the console's URL stays valid — up
 * to `maxRestarts` within `restartWindowMs`, after which it gives up and says why. `stop()` asks the hub to close and
 * waits for the process to exit (killing it if it does not within the timeout).
 *
 * The process comes from `fork`: Electron's `utilityProcess.fork` in the app, Node's `child_process.fork` in the
 * tests (tests/support/utility-process-stand-in.ts); both adapt to `HubChild`.
 */
import { parseHubProcessMessage, type HubProcessMessage, type MainToHubMessage } from './protocol.js';

/** The part of a forked process the supervisor uses (Electron's UtilityProcess and Node's ChildProcess adapt). */
export interface HubChild {
  postMessage(message: MainToHubMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `code` as the process ended; a crash is non-zero. */
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export type ForkHub = (modulePath: string, env: NodeJS.ProcessEnv) => HubChild;

export interface HubCrash {
  readonly reason: string;
  /** 1 for the first restart within the window. */
  readonly attempt: number;
  readonly maxRestarts: number;
  readonly delayMs: number;
  readonly logPath: string | null;
}

export interface SupervisorListener {
  progress?(message: Extract<HubProcessMessage, { type: 'progress' }>): void;
  /** The hub (re)started and listens at `url`. */
  ready?(url: string): void;
  crashed?(crash: HubCrash): void;
  /** Too many crashes: no further restart. */
  gaveUp?(failure: HubStartFailure): void;
}

export class HubStartFailure extends Error {
  constructor(
    readonly reason: string,
    readonly logPath: string | null,
  ) {
    super(`the embedded hub did not start: ${reason}`);
  }
}

export interface SupervisorOptions {
  readonly fork: ForkHub;
  readonly modulePath: string;
  readonly env: NodeJS.ProcessEnv;
  readonly listener?: SupervisorListener;
  readonly maxRestarts?: number;
  readonly restartWindowMs?: number;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly now?: () => number;
}

export class HubSupervisor {
  private child: HubChild | null = null;
  private port: string | null = null;
  private logPath: string | null = null;
  private crashes: number[] = [];
  private stopping = false;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private exited: Promise<void> = Promise.resolve();
  private url: string | null = null;

  constructor(private readonly options: SupervisorOptions) {}

  /** The hub's URL once it has been ready, else null. */
  get hubUrl(): string | null {
    return this.url;
  }

  /** First start: resolves with the URL; rejects with a HubStartFailure (reason, log path) and no restart. */
  start(): Promise<string> {
    return new Promise((resolve, reject) => this.spawn({ resolve, reject }));
  }

  /** Asks the hub to close and waits for its process to exit; kills it after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    child.postMessage({ type: 'stop' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    if ((await Promise.race([this.exited, late])) === 'late') {
      child.kill();
      await this.exited;
    }
    clearTimeout(timer);
  }

  private spawn(first: { resolve: (url: string) => void; reject: (err: HubStartFailure) => void } | null): void {
    const env = this.port ? { ...this.options.env, GRID_HUB_PORT: this.port } : this.options.env;
    const child = this.options.fork(this.options.modulePath, env);
    this.child = child;
    let ready = false;
    let fatal: string | null = null;
    let markExited: () => void = () => undefined;
    this.exited = new Promise((resolve) => (markExited = resolve));
    child.onMessage((raw) => {
      const message = parseHubProcessMessage(raw);
      if (!message) return;
      if (message.type === 'progress') this.options.listener?.progress?.(message);
      else if (message.type === 'fatal') {
        fatal = message.message;
        this.logPath = message.logPath;
      } else {
        ready = true;
        this.logPath = message.logPath;
        this.url = message.url;
        this.port = new URL(message.url).port;
        this.options.listener?.ready?.(message.url);
        first?.resolve(message.url);
      }
    });
    child.onExit((code) => {
      this.child = null;
      markExited();
      if (this.stopping) {
        if (!ready) first?.reject(new HubStartFailure('the app is closing', this.logPath));
        return;
      }
      const reason = fatal ?? `the hub process exited with code ${code}`;
      if (!ready && first) first.reject(new HubStartFailure(reason, this.logPath));
      else this.crashed(reason);
    });
  }

  private crashed(reason: string): void {
    const {
      maxRestarts = 5,
      restartWindowMs = 10 * 60_000,
      firstDelayMs = 1000,
      maxDelayMs = 30_000,
      now = Date.now,
    } = this.options;
    const at = now();
    this.crashes = [...this.crashes.filter((t) => at - t < restartWindowMs), at];
    const attempt = this.crashes.length;
    if (attempt > maxRestarts) {
      this.options.listener?.gaveUp?.(
        new HubStartFailure(`${reason} (${maxRestarts} restarts did not keep it running)`, this.logPath),
      );
      return;
    }
    const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
    this.options.listener?.crashed?.({ reason, attempt, maxRestarts, delayMs, logPath: this.logPath });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.spawn(null);
    }, delayMs);
  }
}
