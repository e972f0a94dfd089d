/**
 * Fills in what a console may leave to the hub: each dispatched leg's deadline from the deadline table, and the new
 * deadline of an approved extension from the hours that were asked for. The result is then validated in full by
 * the state machine, exactly as if the console had sent it. Pure: the hub runs it on a move, and the console on the
 * optimistic copy of a move it queued offline.
 */
import type { CaseMoveDraft, LegDraft } from '../case-api.js';
import type { CaseSnapshot } from '../cases.js';
import { isProvisional, legDeadline } from '../deadline-table.js';
import { addWorkingMinutes } from '../sla-clock.js';
import type { ReferenceData } from './reference-data.js';

export function completeMove(draft: CaseMoveDraft, snapshot: CaseSnapshot, now: number, ref: ReferenceData): unknown {
  if (draft.type === 'dispatch') {
    const deadline = () =>
      legDeadline({
        table: ref.deadlines,
        categoryCode: snapshot.categoryCode,
        grade: snapshot.grade,
        dispatchedAt: now,
        calendar: ref.calendar,
      });
    const complete = (leg: LegDraft) => {
      if (typeof leg !== 'object' || leg === null) return leg;
      if (leg.dueAt !== undefined) return leg;
      const { dueAt, clock, provisional } = deadline();
      return { ...leg, dueAt, clock: leg.clock ?? clock, ...(provisional ? { dueProvisional: true } : {}) };
    };
    return { ...draft, lead: complete(draft.lead), assists: (draft.assists ?? []).map(complete) };
  }
  if (draft.type === 'decide_extension' && draft.decision === 'approve' && draft.dueAt === undefined) {
    const leg = snapshot.legs.find((l) => l.id === draft.legId);
    const asked = snapshot.pauses.find(
      (p) => p.kind === 'extension' && p.state === 'pending' && p.legId === draft.legId,
    );
    if (leg?.dueAt !== undefined && asked?.hours) {
      const dueAt =
        leg.clock === 'wall'
          ? leg.dueAt + asked.hours * 3600_000
          : addWorkingMinutes(leg.dueAt, asked.hours * 60, ref.calendar);
      const provisional = isProvisional(leg.clock, leg.dueAt, dueAt, ref.calendar);
      return { ...draft, dueAt, ...(provisional ? { dueProvisional: true } : {}) };
    }
  }
  return draft;
}
