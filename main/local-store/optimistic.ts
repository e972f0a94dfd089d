/**
 * What a move queued offline will most likely do: the same state machine the hub runs (common/case-machine.ts),
 * with the deadlines the hub would fill in, applied to the cached case. The board shows that, marked as queued,
 * until the hub's own answer replaces it. A move the machine refuses is refused at once rather than queued: the
 * hub would refuse it too.
 */
import type { CaseView, MoveRequest } from '../../common/case-api.js';
import type { ConsoleCaseView, OutboxMark } from '../../common/outbox.js';
import { applyMove } from '../../common/case-machine.js';
import type { CaseMoveDraft } from '../../common/case-api.js';
import { GridCommandError } from '../../common/errors.js';
import type { User } from '../../common/schemas.js';
import { completeMove } from '../../common/cases/complete-move.js';
import { consoleReferenceForCase } from '../reference-cache.js';
import type { CacheStore } from './cache-store.js';
import type { OutboxStore, OutboxWrite } from './outbox-store.js';

/**
 * The outbox row for a move that cannot go straight to the hub, with the guess shown meanwhile; null when the case
 * is not cached (no guess possible). A retry of a kept write (same key) reuses its guess rather than guessing again
 * on top of it; a retry of a refused one hears the refusal again.
 */
export function queuedMoveWrite(
  s: { readonly user: User; readonly cache: CacheStore; readonly outbox: OutboxStore },
  { caseId, idempotencyKey, request }: { caseId: string; idempotencyKey: string; request: MoveRequest },
  now: number,
): Extract<OutboxWrite, { kind: 'move' }> | null {
  const held = s.outbox.byKey(idempotencyKey);
  if (held?.item.state === 'refused' && held.item.error) {
    throw new GridCommandError(held.item.error.code, held.item.error.message, held.item.error.field);
  }
  const base = queuedCase(s.cache.getCase(caseId), s.outbox.optimisticFor(caseId));
  const optimistic = held?.optimistic ?? (base ? optimisticMove(base, request, s.user, now) : null);
  return optimistic && { kind: 'move', caseId, caseNo: optimistic.caseNo, request, optimistic };
}

export function optimisticMove(cached: CaseView, request: MoveRequest, user: User, now: number): CaseView {
  if (request.expectedVersion !== cached.version) {
    throw new GridCommandError(
      'conflict',
      'this case has changed since you saw it; reload and try again',
      'expectedVersion',
    );
  }
  const { caseNo, description, location, photos, ...snapshot } = cached;
  const move = completeMove(request.move as CaseMoveDraft, snapshot, now, consoleReferenceForCase(snapshot));
  const actor = {
    userId: user.id,
    role: user.role,
    orgUnitCode: user.orgUnitCode,
    departmentCode: user.departmentCode,
  };
  const outcome = applyMove(snapshot, move, actor, now);
  if (!outcome.ok) throw new GridCommandError(outcome.code, outcome.message, outcome.field);
  return { ...outcome.next, caseNo, description, location, photos };
}

/** The case as the console shows it: the newest queued guess for it, if a move on it still waits. */
export function queuedCase<C extends ConsoleCaseView | undefined>(
  c: C,
  queued: ReadonlyMap<string, { view: CaseView; mark: OutboxMark }>,
): C | ConsoleCaseView {
  const q = c && queued.get(c.id);
  return q ? { ...q.view, queued: q.mark } : c;
}
