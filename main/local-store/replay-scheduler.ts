/**
 * When the outbox is replayed: on demand (a reconnect, a write queued behind older ones), again after a pass that
 * others asked for meanwhile, and on a timer while rows wait and the link failed. One pass at a time per user and
 * store file, even across console services of one process (the web host's browser sessions share a file).
 */
import type { HubClient } from '../hub-client.js';
import { replayOutbox, type ReplayHooks, type ReplayResult, type ReplaySession, type Waiter } from './replayer.js';

export interface SchedulerHooks extends Omit<ReplayHooks, 'stillCurrent'> {
  /** The signed-in user's outbox, or null when nobody is signed in. */
  session(): (ReplaySession & { readonly userId: string }) | null;
  hubDown(): boolean;
  storeOpen(): boolean;
}

const replayLocks = new Map<string, Promise<unknown>>();
const RETRY_MS = 3000;

export class ReplayScheduler {
  private readonly waiters = new Map<number, Waiter>();
  private replaying: Promise<ReplayResult | null> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly hub: HubClient,
    private readonly storePath: string,
    private readonly hooks: SchedulerHooks,
    private readonly now: () => number,
  ) {}

  /**
   * The answer to a write that was queued while the hub seemed reachable: the hub's own answer once this row's
   * turn comes, its refusal thrown as for any online call, or the queued answer if the link fails first.
   */
  wait<T>(id: number, queuedAnswer: T): Promise<T> {
    if (this.waiters.has(id)) return Promise.resolve(queuedAnswer); // a double click: the first one waits
    const answer = new Promise<T>((resolve, reject) =>
      this.waiters.set(id, { resolve: resolve as (v: unknown) => void, reject, queuedAnswer }),
    );
    void this.replay();
    return answer;
  }

  /** Sends what the outbox holds, in order; a call during a pass asks for one more pass after it. */
  replay(): Promise<ReplayResult | null> {
    if (this.replaying) {
      this.again = true;
      return this.replaying;
    }
    const run = async (): Promise<ReplayResult | null> => {
      let result: ReplayResult | null;
      do {
        this.again = false;
        result = await this.pass();
      } while (this.again && result !== null && result.stoppedBy === undefined);
      return result;
    };
    this.replaying = run().finally(() => (this.replaying = null));
    return this.replaying;
  }

  private async pass(): Promise<ReplayResult | null> {
    const s = this.hooks.session();
    if (!s) return null;
    const key = `${this.storePath}\0${s.userId}`;
    const previous = replayLocks.get(key) ?? Promise.resolve();
    const pass = previous.then(() =>
      replayOutbox(
        this.hub,
        s,
        this.waiters,
        { ...this.hooks, stillCurrent: () => this.hooks.session() === s && this.hooks.storeOpen() },
        this.now,
      ),
    );
    // Only the lock waits on this copy; the pass's own error is handled below.
    const settled = pass.catch(() => undefined);
    replayLocks.set(key, settled);
    try {
      const result = await pass;
      if (result.stoppedBy) this.settleWaiters();
      if (result.stoppedBy === 'link') this.scheduleRetry();
      if (this.hooks.session() === s) this.hooks.changed();
      return result;
    } catch (err) {
      // Usually the store closed under the pass (the console is shutting down): rows left pending go next time.
      console.warn(`console outbox: replay pass ended early (${err instanceof Error ? err.message : String(err)})`);
      this.settleWaiters();
      return null;
    } finally {
      if (replayLocks.get(key) === settled) replayLocks.delete(key);
    }
  }

  /** While rows wait, try again now and then: a socket that stayed up will not announce the hub's return. */
  scheduleRetry(): void {
    if (this.retryTimer || !this.hooks.session()) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const s = this.hooks.session();
      if (!s || s.outbox.counts().pending === 0) return;
      if (this.hooks.hubDown()) this.scheduleRetry();
      else void this.replay();
    }, RETRY_MS);
    this.retryTimer.unref?.();
  }

  /** Signed out or closing: no more retries, and everyone still waiting gets the queued answer. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.settleWaiters();
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters.values()) waiter.resolve(waiter.queuedAnswer);
    this.waiters.clear();
  }
}
