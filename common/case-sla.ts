/**
 * The SLA clock applied to a case: each leg runs from its dispatch to its deadline on its own clock, paused by its
 * own extension requests and by the case's ledger (挂账 parks the whole case). The board shows the lead's state on
 * the card; the hub's timer calls `legsDueForSupervision` to raise automatic 督办.
 */
import { ACTIVE_LEG_STATUSES, currentLeadLeg, type CaseLeg, type CaseSnapshot } from './cases.js';
import { slaState, type SlaInput, type SlaState } from './sla-clock.js';
import type { WorkCalendar } from './work-calendar.js';

/** Statuses in which a leg's deadline is being watched. */
const WATCHED_STATUSES: ReadonlySet<CaseSnapshot['status']> = new Set(['dispatched', 'in_progress', 'checking']);

/** The SLA input of a leg; null when the leg carries no deadline. */
export function legSlaInput(snapshot: CaseSnapshot, leg: CaseLeg): SlaInput | null {
  if (leg.dueAt === undefined) return null;
  return {
    startMs: leg.dispatchedAt,
    dueAt: leg.dueAt,
    clock: leg.clock,
    pauses: snapshot.pauses
      .filter((p) => p.legId === leg.id || p.kind === 'ledger')
      .map((p) => ({ from: p.from, to: p.to })),
  };
}

export function legSla(snapshot: CaseSnapshot, leg: CaseLeg, nowMs: number, calendar: WorkCalendar): SlaState | null {
  const input = legSlaInput(snapshot, leg);
  return input ? slaState(input, nowMs, calendar) : null;
}

/**
 * The card's countdown: the lead leg while the lead still owes work (dispatched or signed). Null when no deadline
 * runs (not yet dispatched, waiting for the check, closed).
 */
export function caseSla(snapshot: CaseSnapshot, nowMs: number, calendar: WorkCalendar): SlaState | null {
  const lead = currentLeadLeg(snapshot);
  if (!lead || !WATCHED_STATUSES.has(snapshot.status) || !ACTIVE_LEG_STATUSES.includes(lead.status)) return null;
  return legSla(snapshot, lead, nowMs, calendar);
}

/**
 * Legs that are overdue and have not yet been automatically supervised since they became overdue (an approved
 * extension gives a leg a new deadline, and so a new chance to be supervised). The hub applies a
 * `{ type: 'supervise', legId, automatic: true }` move for each, as its system principal.
 */
export function legsDueForSupervision(snapshot: CaseSnapshot, nowMs: number, calendar: WorkCalendar): CaseLeg[] {
  if (!WATCHED_STATUSES.has(snapshot.status)) return [];
  return snapshot.legs.filter((leg) => {
    if (!ACTIVE_LEG_STATUSES.includes(leg.status)) return false;
    const sla = legSla(snapshot, leg, nowMs, calendar);
    if (!sla || sla.state !== 'overdue') return false;
    return !snapshot.supervisions.some((s) => s.legId === leg.id && s.automatic && s.at > sla.effectiveDueAt);
  });
}

/**
 * The case's deadline as the KPIs judge it: the lead's deadline pushed back by its pauses, evaluated at closing
 * time for a closed case and at `nowMs` for an open one (an open ledger keeps pushing it, so a parked case is never
 * counted overdue). Undefined when no deadline runs.
 */
export function caseEffectiveDueAt(snapshot: CaseSnapshot, nowMs: number, calendar: WorkCalendar): number | undefined {
  const lead = currentLeadLeg(snapshot);
  if (!lead || snapshot.dueAt === undefined) return undefined;
  return legSla(snapshot, lead, snapshot.closedAt ?? nowMs, calendar)?.effectiveDueAt;
}
