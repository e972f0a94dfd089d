/**
 * 回访 (call-back): before a public or hotline report is closed, the centre calls the reporter back — reached or
 * not, satisfied or not, with a note. Each attempt is one record on the case; an unsatisfied one may reopen the case
 * (back to the last handling unit). Closing needs a reached call-back made after the lead's last feedback, or
 * `callbackTries` attempts that did not reach the reporter ("cannot be reached after N tries").
 */
import { z } from 'zod';
import { Timestamp } from '../time-range.js';

export const CALLBACK_OUTCOMES = ['satisfied', 'unsatisfied', 'not_reached'] as const;
export const CallbackOutcome = z.enum(CALLBACK_OUTCOMES);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

/** One call-back attempt as the case keeps it. */
export const CaseCallback = z.strictObject({
  at: Timestamp,
  byUserId: z.string(),
  outcome: CallbackOutcome,
  note: z.string().max(1000).optional(),
  /** This unsatisfied call-back sent the case back to its handling unit. */
  reopened: z.literal(true).optional(),
});
export type CaseCallback = z.infer<typeof CaseCallback>;

/** Sources whose reporter is called back before closing: a member of the public, by app or hotline. */
export const CALLBACK_SOURCES = ['public', 'hotline'] as const;
export function needsCallback(source: string): boolean {
  return (CALLBACK_SOURCES as readonly string[]).includes(source);
}

/** Where the call-backs of one round (since the lead's last feedback) stand. */
export type CallbackStanding = 'not_needed' | 'reached' | 'unreachable' | 'missing';

export function callbackStanding(
  s: { source: string; callbacks?: readonly CaseCallback[] | undefined },
  since: number,
  callbackTries: number,
): CallbackStanding {
  if (!needsCallback(s.source)) return 'not_needed';
  const round = (s.callbacks ?? []).filter((c) => c.at >= since && !c.reopened);
  if (round.some((c) => c.outcome !== 'not_reached')) return 'reached';
  return round.length >= callbackTries ? 'unreachable' : 'missing';
}

/**
 * A case's call-back result as the KPIs count it: the last reached call-back's satisfaction, else `unreachable`
 * after at least one failed attempt, else null (no call-back made).
 */
export type CallbackResult = 'satisfied' | 'unsatisfied' | 'unreachable';
export function callbackResult(callbacks: readonly CaseCallback[] | undefined): CallbackResult | null {
  if (!callbacks || callbacks.length === 0) return null;
  const reached = callbacks.filter((c) => c.outcome !== 'not_reached').at(-1);
  if (reached) return reached.outcome === 'satisfied' ? 'satisfied' : 'unsatisfied';
  return 'unreachable';
}
