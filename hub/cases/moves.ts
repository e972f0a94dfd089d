/**
 * One move on one case: scope, optimistic concurrency, the state machine, then the snapshot, its history row, the
 * change feed and (for 督办) the supervision record — all in the caller's transaction. A refusal writes nothing.
 */
import type { CaseView, MoveRequest } from '../../common/case-api.js';
import { applyMove, type CaseActor } from '../../common/case-machine.js';
import { caseEffectiveDueAt } from '../../common/case-sla.js';
import { mergedReporters } from '../../common/cases.js';
import { GridCommandError } from '../../common/errors.js';
import type { Principal } from '../../common/scope-policy.js';
import { appendChange, appendHistory, appendSupervision, listHistory, saveCase } from './cases-store.js';
import { appendCallback } from './callbacks-store.js';
import { moveLimits } from '../../node-shared/desk-limits.js';
import { heldCase, requireCitedCase } from './held-case.js';
import type { HubContext } from '../hub-context.js';
import { endGrantsForCase } from '../video-access/camera-grants.js';
import { completeMove } from '../../common/cases/complete-move.js';
import { findMinorByCode, isRetired, type Taxonomy } from '../../common/taxonomy.js';

/** A filing that corrects the category must name one of the case's taxonomy version that is not retired. */
function requireOpenCategory(taxonomy: Taxonomy, code: string): void {
  const match = findMinorByCode(taxonomy, code);
  if (!match || isRetired(match)) {
    const why = match ? 'is retired' : 'is not in the taxonomy this case is judged by';
    throw new GridCommandError('validation_failed', `category ${code} ${why}`, 'move.categoryCode');
  }
}

/** A case the principal may read, or 404 — a case outside your scope does not exist for you. */
export function readableCase(hub: HubContext, principal: Principal, caseId: string): CaseView {
  const c = heldCase(hub.db, principal, caseId);
  if (!c) {
    throw new GridCommandError('not_found', `no case ${caseId}`, 'caseId');
  }
  return c;
}

export interface MoveOutcome {
  /** Every case this move changed (a merge changes two), with its change sequence, for the pushes. */
  readonly changed: ReadonlyArray<{ seq: number; case: CaseView }>;
  readonly result: CaseView;
}

export function moveCase(
  hub: HubContext,
  actor: CaseActor,
  caseId: string,
  request: MoveRequest,
  now: number,
): MoveOutcome {
  const current = readableCase(hub, actor, caseId);
  // The target is checked before anything moves: it must exist, be open and be the actor's to see.
  if (request.move.type === 'merge') requireCitedCase(hub.db, actor, request.move.intoCaseId, 'move.intoCaseId');
  if (request.expectedVersion !== current.version) {
    const last = listHistory(hub.db, caseId).at(-1);
    const lastMove = last && last.move !== 'report' && last.move !== 'import' ? last.move : null;
    // English fallback only: the console words the conflict from the code and `lastMove` itself.
    const what = lastMove ? `moved this case (${lastMove})` : 'changed this case';
    throw new GridCommandError(
      'conflict',
      `someone else already ${what}; reload and try again`,
      'expectedVersion',
      undefined,
      lastMove ? { lastMove } : undefined,
    );
  }
  const { description, location, photos, caseNo, ...snapshot } = current;
  // The deadline table of the version the case was filed under, whatever version is current.
  const ref = hub.reference.forCase(snapshot);
  if (request.move.type === 'file' && request.move.categoryCode !== undefined) {
    requireOpenCategory(ref.taxonomy, request.move.categoryCode);
  }
  const move = completeMove(request.move, snapshot, now, ref);
  const outcome = applyMove(snapshot, move, actor, now, moveLimits());
  if (!outcome.ok) {
    throw new GridCommandError(outcome.code, outcome.message, outcome.field);
  }
  if (!saveCase(hub.db, outcome.next, current.version, caseEffectiveDueAt(outcome.next, now, hub.reference.calendar))) {
    throw new GridCommandError('conflict', 'someone else already changed this case', 'expectedVersion');
  }
  appendHistory(hub.db, outcome.history);
  const result: CaseView = { ...outcome.next, caseNo, description, location, photos };
  const changed = [{ seq: appendChange(hub.db, caseId, result.gridCode, now), case: result }];

  const last = outcome.next.supervisions.at(-1);
  if (outcome.history.move === 'supervise' && last) {
    appendSupervision(hub.db, caseId, {
      unitCode: last.unitCode,
      at: now,
      automatic: last.automatic,
      note: outcome.history.note ?? null,
    });
  }
  // 回访: the attempt also goes to the call-back log the KPIs count from.
  const callback = outcome.next.callbacks?.at(-1);
  if (outcome.history.move === 'callback' && callback) appendCallback(hub.db, caseId, callback);
  // A camera lent for this case goes back when the case closes (or is voided / merged away).
  if (['closed', 'void', 'merged'].includes(outcome.next.status) && outcome.next.status !== current.status) {
    endGrantsForCase(hub, caseId);
  }
  if (outcome.history.move === 'merge' && outcome.next.mergedInto) {
    changed.push(mergeReportersInto(hub, actor, outcome.next.mergedInto, current, now));
  }
  return { changed, result };
}

/** A merge keeps every reporter: the target case gains the merged case's reporters, with a history row saying so. */
function mergeReportersInto(hub: HubContext, actor: CaseActor, targetId: string, merged: CaseView, now: number) {
  const target = readableCase(hub, actor, targetId);
  const { description, location, photos, caseNo, ...snapshot } = target;
  const next = {
    ...snapshot,
    version: snapshot.version + 1,
    reporters: mergedReporters(snapshot.reporters, merged.reporters),
  };
  if (!saveCase(hub.db, next, target.version)) {
    throw new GridCommandError('conflict', 'the target case was changed meanwhile', 'intoCaseId');
  }
  appendHistory(hub.db, {
    caseId: targetId,
    version: next.version,
    at: now,
    actor: { userId: actor.userId, role: actor.role, orgUnitCode: actor.orgUnitCode },
    move: 'merge',
    from: target.status,
    to: target.status,
    noteCode: 'merged_in',
    noteParams: { caseId: merged.id },
  });
  const view: CaseView = { ...next, caseNo, description, location, photos };
  return { seq: appendChange(hub.db, targetId, view.gridCode, now), case: view };
}
