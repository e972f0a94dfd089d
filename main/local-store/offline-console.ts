/**
 * The console service's offline side: reads go to the hub and are kept in the console's store, and are answered
 * from the store when the hub is unreachable; moves and reports go through the outbox when the hub is
 * unreachable, or while older offline writes still wait (so nothing overtakes them). Without a store (the web host
 * without a data folder) every call goes straight to the hub, as before.
 */
import type { CaseChange, EventReceipt } from '../../common/case-api.js';
import type {
  ConsoleBoardPage,
  ConsoleCaseDetail,
  ConsoleCaseView,
  OutboxItem,
  OutboxRefused,
  ReportAnswer,
} from '../../common/outbox.js';
import type { CallRequest } from '../../common/contract.js';
import type { Camera, ConnectionStatus, OrgUnit, User } from '../../common/schemas.js';
import type { HubClient } from '../hub-client.js';
import { CacheStore } from './cache-store.js';
import { ConsoleDatabase } from './console-database.js';
import { queuedCase, queuedMoveWrite } from './optimistic.js';
import { keepQuietly, notCached, unreachable } from './store-errors.js';
import { OutboxStore } from './outbox-store.js';
import { ReplayScheduler } from './replay-scheduler.js';
import type { ReplayResult, ReplaySession } from './replayer.js';

export interface OfflineHooks {
  /** The hub is known to be out of reach: don't make the user wait for a timeout, answer from the store. */
  hubDown(): boolean;
  linkLost(message: string): void;
  linkOk(): void;
  /** Outbox counts or the cached-data time changed: the connection status should be pushed again. */
  changed(): void;
  emitRefused(payload: OutboxRefused): void;
}

interface Session extends ReplaySession {
  readonly user: User;
  readonly userId: string;
  /** The highest change sequence recorded during this session (tells a reset hub from a page racing a push). */
  maxSeq: number;
  /** Caught up since the socket (re)connected: pushes keep the cache current until the link drops. */
  live: boolean;
}

export interface OfflineOptions {
  /** The store file; none: every call goes straight to the hub. */
  readonly storePath?: string;
  readonly nativeBinding?: string;
}

export class OfflineConsole {
  private session: Session | null = null;
  /** Opened at the first sign-in (a web host makes a service for every browser that merely loads the page). */
  private db: ConsoleDatabase | null = null;
  private readonly replays: ReplayScheduler | null;

  constructor(
    private readonly options: OfflineOptions,
    private readonly hub: HubClient,
    private readonly hooks: OfflineHooks,
    private readonly now: () => number = Date.now,
  ) {
    const session = () => this.session;
    const storeOpen = () => this.db?.open ?? false;
    this.replays = options.storePath
      ? new ReplayScheduler(hub, options.storePath, { ...hooks, session, storeOpen }, now)
      : null;
  }

  /** A store that cannot be opened (damaged, or written by a newer console) leaves the console online only. */
  private store(): ConsoleDatabase | null {
    if (this.db?.open || !this.options.storePath) return this.db;
    try {
      this.db = new ConsoleDatabase(this.options.storePath, { nativeBinding: this.options.nativeBinding });
    } catch (err) {
      console.error(`console store not opened (${err instanceof Error ? err.message : String(err)}): online only`);
    }
    return this.db;
  }

  /** Returns the change sequence this user's cache reflects: the catch-up after connecting starts there. */
  beginSession(user: User, token: string): number {
    this.endSession();
    const db = this.store();
    if (!db) return 0;
    const cache = CacheStore.forUser(db, user);
    this.session = {
      user,
      userId: user.id,
      token,
      cache,
      outbox: new OutboxStore(db, user.id),
      maxSeq: 0,
      live: false,
    };
    return cache.lastSeq();
  }

  endSession(): void {
    this.session = null;
    this.replays?.stop();
  }

  close(): void {
    this.endSession();
    this.db?.close();
    this.db = null;
  }

  statusExtras(state: ConnectionStatus['state']): Pick<ConnectionStatus, 'cachedAt' | 'outbox'> {
    const s = this.session;
    if (!s) return {};
    const counts = s.outbox.counts();
    const syncedAt = state === 'offline' ? s.cache.syncedAt() : null;
    return {
      ...(syncedAt !== null ? { cachedAt: new Date(syncedAt).toISOString() } : {}),
      ...(counts.pending + counts.refused > 0 ? { outbox: counts } : {}),
    };
  }

  /** The link just went down: if caught up, the socket kept the cache current until now, its "as of" time. */
  linkDropped(): void {
    const s = this.session;
    if (s?.live) s.cache.markSynced(this.now());
    if (s) s.live = false;
  }

  private async read<T>(fetch: () => Promise<T>, save: (s: Session, v: T) => void, cached: (s: Session) => T | null) {
    const s = this.session;
    if (!s) return fetch();
    if (!this.hooks.hubDown()) {
      try {
        const value = await fetch();
        this.hooks.linkOk();
        if (this.session === s) keepQuietly(() => save(s, value));
        return value;
      } catch (err) {
        if (!unreachable(err)) throw err;
        this.hooks.linkLost(err.message);
      }
    }
    const value = cached(s);
    if (value === null) throw notCached('data');
    return value;
  }

  orgUnits(token: string): Promise<OrgUnit[]> {
    return this.read(
      async () => (await this.hub.call('orgUnits', { token })).items,
      (s, units) => s.cache.saveOrgUnits(units, this.now()),
      (s) => s.cache.orgUnits(),
    );
  }

  cameras(token: string): Promise<Camera[]> {
    return this.read(
      async () => (await this.hub.call('cameras', { token })).items,
      (s, cameras) => s.cache.saveCameras(cameras, this.now()),
      (s) => s.cache.cameras(),
    );
  }

  /** The board; `reset` when the hub's sequence went back (its database was replaced): start again from its page. */
  async board(token: string, knownSeq: number): Promise<{ page: ConsoleBoardPage; reset: boolean }> {
    let reset = false;
    const page = await this.read<ConsoleBoardPage>(
      () => this.hub.call('board', { token }),
      (s, hubPage) => {
        // Behind what this cache saw, and no push of this session explains it: the hub's database is another one.
        reset = hubPage.lastSeq < knownSeq && s.maxSeq <= hubPage.lastSeq;
        if (reset) s.cache.forgetCases();
        s.cache.replaceBoard(hubPage, this.now());
      },
      (s) => (s.cache.boardLoaded() ? s.cache.board(this.now()) : null),
    );
    return { page: this.withQueued(page), reset };
  }

  async caseDetail(token: string, caseId: string): Promise<ConsoleCaseDetail> {
    const detail = await this.read<ConsoleCaseDetail>(
      () => this.hub.call('caseDetail', { token, params: { caseId } }),
      (s, d) => s.cache.saveDetail(d),
      (s) => {
        const c = s.cache.getCase(caseId);
        return c ? { case: c, history: s.cache.history(caseId) ?? [] } : null;
      },
    );
    const queued = this.session?.outbox.optimisticFor(caseId).get(caseId);
    return queued ? { ...detail, case: { ...queued.view, queued: queued.mark } } : detail;
  }

  /** Pending moves shown as the console expects them to land, marked `queued`. */
  private withQueued(page: ConsoleBoardPage): ConsoleBoardPage {
    const queued = this.session?.outbox.optimisticCases();
    if (!queued || queued.size === 0) return page;
    return { ...page, cases: page.cases.map((c) => queuedCase(c, queued)) };
  }

  /** Changes from a push or a catch-up page, kept in the store (one transaction). */
  recordChanges(changes: readonly CaseChange[]): void {
    const s = this.session;
    if (!s || changes.length === 0) return;
    s.maxSeq = Math.max(s.maxSeq, ...changes.map((c) => c.seq));
    s.cache.applyChanges(changes, this.now());
  }

  /**
   * Pages through the hub's change feed from `since` (0: nothing seen yet, the board load brings it all); each
   * page is stored, then handed on.
   */
  async catchUp(token: string, since: number, forward: (changes: CaseChange[]) => void): Promise<void> {
    const s = this.session;
    for (let from = since; from > 0;) {
      const { changes, lastSeq } = await this.hub.call('caseChanges', { token, query: { since: from } });
      if (changes.length === 0 || lastSeq <= from) break;
      this.recordChanges(changes);
      forward(changes);
      from = lastSeq;
    }
    if (s && this.session === s) s.live = true;
  }

  async move(token: string, call: CallRequest<'cases.move'>): Promise<ConsoleCaseView> {
    const { caseId, idempotencyKey, request } = call;
    const direct = () => this.hub.call('moveCase', { token, params: { caseId }, body: request, idempotencyKey });
    const s = this.session;
    if (!s) return direct();
    const first = await this.tryDirect(s, direct);
    if (first.done) {
      if (this.session === s) s.cache.saveCase(first.value);
      return first.value;
    }
    const write = queuedMoveWrite(s, call, this.now());
    if (!write) {
      // Not cached, so no queued guess can be shown: straight to the hub if it may be there (it is another case
      // than any queued one, so nothing is overtaken).
      if (!first.unreachable) return direct();
      throw notCached('this case');
    }
    const { mark } = s.outbox.enqueue(idempotencyKey, write, this.now());
    return this.afterEnqueue(mark.outboxId, { ...write.optimistic, queued: mark }, first.unreachable);
  }

  async report(token: string, call: CallRequest<'cases.report'>): Promise<ReportAnswer> {
    const { idempotencyKey, report } = call;
    const direct = () => this.hub.call('reportEvent', { token, body: report, idempotencyKey });
    const s = this.session;
    if (!s) return direct();
    const first = await this.tryDirect<EventReceipt>(s, direct);
    if (first.done) return first.value;
    const { mark } = s.outbox.enqueue(idempotencyKey, { kind: 'report', report }, this.now());
    return this.afterEnqueue(mark.outboxId, { queued: mark }, first.unreachable);
  }

  /**
   * Straight to the hub when nothing older waits in the outbox and the hub is not known to be down. A link
   * failure falls through to the outbox under the same key: had the hub got it, the replay returns its answer.
   */
  private async tryDirect<T>(s: Session, direct: () => Promise<T>) {
    if (this.hooks.hubDown()) return { done: false as const, unreachable: true };
    if (s.outbox.counts().pending > 0) return { done: false as const, unreachable: false };
    try {
      const value = await direct();
      this.hooks.linkOk();
      return { done: true as const, value };
    } catch (err) {
      if (!unreachable(err)) throw err;
      this.hooks.linkLost(err.message);
      return { done: false as const, unreachable: true };
    }
  }

  /** Queued: answer at once when the hub is away, or wait for this row's turn when only older rows held it up. */
  private afterEnqueue<T>(id: number, queuedAnswer: T, hubAway: boolean): Promise<T> {
    this.hooks.changed();
    if (!this.replays) return Promise.resolve(queuedAnswer);
    if (hubAway || this.hooks.hubDown()) {
      this.replays.scheduleRetry();
      return Promise.resolve(queuedAnswer);
    }
    return this.replays.wait(id, queuedAnswer);
  }

  /** Sends what the outbox holds, in order (after a reconnect, once caught up). */
  replay(): Promise<ReplayResult | null> {
    return this.replays?.replay() ?? Promise.resolve(null);
  }

  list(): OutboxItem[] {
    return this.session?.outbox.list() ?? [];
  }

  dismiss(id: number): void {
    if (!this.session) return;
    this.session.outbox.dismiss(id);
    this.hooks.changed();
  }
}
