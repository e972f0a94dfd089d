/**
 * Replays the outbox in order, exactly once per write: each row goes to the hub with the idempotency key the user
 * action got, so a replay whose first answer was lost gets the hub's stored answer rather than a second move. A
 * row leaves the outbox only once the hub accepted it; a refusal is kept and pushed as `outbox.refused`; a
 * failure of the link stops the replay with the row still pending (the next reconnect, or the retry timer, goes on).
 */
import type { CaseView } from '../../common/case-api.js';
import { GridCommandError } from '../../common/errors.js';
import type { OutboxRefused } from '../../common/outbox.js';
import type { HubClient } from '../hub-client.js';
import type { CacheStore } from './cache-store.js';
import type { OutboxEntry, OutboxStore } from './outbox-store.js';

export type ReplayVerdict = 'accepted' | 'refused' | 'link' | 'signed-out';

/** A link problem (try again later) rather than the hub's "no" (keep and show). */
export function verdictOf(err: unknown): Exclude<ReplayVerdict, 'accepted'> {
  if (!(err instanceof GridCommandError)) return 'link';
  if (err.code === 'hub_unreachable') return 'link';
  if (err.status === 401) return 'signed-out';
  if (err.status === 408 || err.status === 429 || (err.status !== undefined && err.status >= 500)) return 'link';
  return 'refused';
}

export interface ReplaySession {
  readonly token: string;
  readonly cache: CacheStore;
  readonly outbox: OutboxStore;
}

/** Someone still waiting for this row's outcome (a call made while older rows were pending). */
export interface Waiter {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  /** What to answer when the link fails before the hub has said anything: the row stays queued. */
  readonly queuedAnswer: unknown;
}

export interface ReplayHooks {
  stillCurrent(): boolean;
  emitRefused(payload: OutboxRefused): void;
  /** The counts changed (a row left, or was refused). */
  changed(): void;
  linkOk(): void;
  linkLost(message: string): void;
}

export interface ReplayResult {
  readonly accepted: number;
  readonly refused: number;
  readonly stoppedBy?: 'link' | 'signed-out';
}

async function send(hub: HubClient, token: string, entry: OutboxEntry): Promise<unknown> {
  const { item } = entry;
  if (item.kind === 'move') {
    return hub.call('moveCase', {
      token,
      params: { caseId: item.caseId },
      body: item.request,
      idempotencyKey: item.idempotencyKey,
    });
  }
  return hub.call('reportEvent', { token, body: item.report, idempotencyKey: item.idempotencyKey });
}

const asApiError = (err: unknown) =>
  err instanceof GridCommandError
    ? {
        code: err.code,
        message: err.message,
        ...(err.field ? { field: err.field } : {}),
        ...(err.params ? { params: err.params } : {}),
      }
    : { code: 'internal' as const, message: String(err) };

/** What the case is now, for the user to see next to the refusal (best effort: the refusal is kept regardless). */
async function currentCase(hub: HubClient, s: ReplaySession, caseId: string): Promise<CaseView | undefined> {
  try {
    const detail = await hub.call('caseDetail', { token: s.token, params: { caseId } });
    s.cache.saveDetail(detail);
    return detail.case;
  } catch {
    return s.cache.getCase(caseId);
  }
}

export async function replayOutbox(
  hub: HubClient,
  s: ReplaySession,
  waiters: Map<number, Waiter>,
  hooks: ReplayHooks,
  now: () => number,
): Promise<ReplayResult> {
  let accepted = 0;
  let refused = 0;
  let afterId = 0;
  while (hooks.stillCurrent()) {
    const entry = s.outbox.nextPending(afterId);
    if (!entry) break;
    const { id } = entry.item;
    afterId = id;
    s.outbox.countAttempt(id);
    const waiter = waiters.get(id);
    try {
      const answer = await send(hub, s.token, entry);
      hooks.linkOk();
      // The hub has it (now or on an earlier, unanswered try): the row is done, the answer is the case.
      s.outbox.remove(id);
      if (entry.item.kind === 'move') s.cache.saveCase(answer as CaseView);
      accepted++;
      waiters.delete(id);
      waiter?.resolve(answer);
      // The header's counts follow along without a status push per row of a long replay.
      if (accepted % 50 === 0) hooks.changed();
    } catch (err) {
      const verdict = verdictOf(err);
      if (verdict !== 'refused') {
        if (err instanceof GridCommandError && err.code === 'hub_unreachable') hooks.linkLost(err.message);
        return { accepted, refused, stoppedBy: verdict };
      }
      refused++;
      waiters.delete(id);
      if (waiter) {
        // Whoever made this write is still waiting: they get the hub's refusal as the answer, like any online call.
        s.outbox.remove(id);
        waiter.reject(err);
      } else {
        const error = asApiError(err);
        const current = entry.item.kind === 'move' ? await currentCase(hub, s, entry.item.caseId) : undefined;
        const kept = s.outbox.markRefused(id, error, current, now());
        if (kept) hooks.emitRefused({ item: kept.item, error, ...(current ? { currentCase: current } : {}) });
      }
      hooks.changed();
    }
  }
  return { accepted, refused };
}
