/**
 * The moves of the case loop, one zod schema discriminated on `type`. The hub validates request bodies with it and
 * the state machine re-validates (it accepts `unknown`), so a malformed move is refused the same way everywhere.
 *
 * Deadlines are never computed here: the caller passes each leg's `dueAt` (the hub computes it from
 * resources/deadlines.json with `legDeadline()` in deadline-table.ts; the UI may preview the same figure).
 */
import { z } from 'zod';
import { CallbackOutcome } from './cases/callback.js';
import { DisputeOutcomeInput } from './dispute-outcomes.js';
import { CaseGrade, CaseId, CategoryCode, EpochMs, Photos, SlaClock, UnitCode, type CaseMoveType } from './cases.js';

const Reason = z.string().trim().min(1, 'a reason is required').max(500);
const Note = z.string().trim().max(1000).optional();
const LegId = z.string().min(1).max(80);
const Result = z.string().trim().min(1, 'the result is required').max(2000);
const Decision = z.enum(['approve', 'reject']);

/** One leg of a dispatch. `clock` defaults to the grade's clock (wall for serious, working time otherwise). */
export const LegAssignment = z.strictObject({
  unitCode: UnitCode,
  dueAt: EpochMs,
  clock: SlaClock.optional(),
  /** Set by the deadline fill-in when the working calendar lacks a year the deadline crosses. */
  dueProvisional: z.literal(true).optional(),
});
export type LegAssignment = z.infer<typeof LegAssignment>;

export const CaseMove = z.discriminatedUnion('type', [
  /** Send someone (the grid worker, an inspector) to verify on site before filing. */
  z.strictObject({ type: z.literal('request_verification'), note: Note }),
  /** 立案. May correct the grade or category the reporter chose. The filing centre becomes the owner. */
  z.strictObject({
    type: z.literal('file'),
    grade: CaseGrade.optional(),
    categoryCode: CategoryCode.optional(),
    note: Note,
  }),
  z.strictObject({ type: z.literal('void'), reason: Reason }),
  /** Mark this case merged into another; the hub moves its reporters onto the target (mergedReporters). */
  z.strictObject({ type: z.literal('merge'), intoCaseId: CaseId, note: Note }),
  /** The grid's own worker settles a small matter on the spot (小事不出网格); goes straight to the check. */
  z.strictObject({
    type: z.literal('handle_on_spot'),
    result: Result,
    photos: Photos,
    disputeOutcome: DisputeOutcomeInput.optional(),
  }),
  /** 派遣: one lead (主办) and any number of assisting units (协办), each with its own deadline. */
  z.strictObject({
    type: z.literal('dispatch'),
    lead: LegAssignment,
    assists: z.array(LegAssignment).max(12).default([]),
    note: Note,
  }),
  /** 签收. */
  z.strictObject({ type: z.literal('sign'), legId: LegId }),
  /** 回退: the unit sends its leg back (not ours / cannot handle). Returning the lead sends the case back to filed. */
  z.strictObject({ type: z.literal('return'), legId: LegId, reason: Reason }),
  z.strictObject({
    type: z.literal('request_extension'),
    legId: LegId,
    hours: z.number().int().min(1).max(720),
    reason: Reason,
  }),
  /** Approving needs the new deadline (`dueAt`), computed by the caller from the requested hours. */
  z.strictObject({
    type: z.literal('decide_extension'),
    legId: LegId,
    decision: Decision,
    dueAt: EpochMs.optional(),
    /** Set by the deadline fill-in when the new deadline crosses a year the working calendar lacks. */
    dueProvisional: z.literal(true).optional(),
    note: Note,
  }),
  /** 挂账: the lead asks to park a case that cannot be solved now; its clock stops. */
  z.strictObject({ type: z.literal('request_ledger'), reason: Reason }),
  z.strictObject({ type: z.literal('decide_ledger'), decision: Decision, note: Note }),
  /** One level up (township → county); the case goes back to filed at the new owner. */
  z.strictObject({ type: z.literal('escalate'), reason: Reason }),
  /** 处置反馈. */
  z.strictObject({
    type: z.literal('feedback'),
    legId: LegId,
    result: Result,
    photos: Photos,
    /** How a dispute ended (矛盾纠纷 only): the handling unit knows it first. */
    disputeOutcome: DisputeOutcomeInput.optional(),
  }),
  /** 核查: pass closes the case; fail (note required) sends the lead back to work, optionally with a new deadline. */
  z.strictObject({
    type: z.literal('check'),
    outcome: z.enum(['pass', 'fail']),
    note: Note,
    reworkDueAt: EpochMs.optional(),
    /** The centre may record or correct a dispute's outcome when it closes the case. */
    disputeOutcome: DisputeOutcomeInput.optional(),
  }),
  /** 综合评价 / reverse evaluation of the handling unit. */
  z.strictObject({
    type: z.literal('evaluate'),
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
  }),
  /** The county takes the case over from a township (or from intake). */
  z.strictObject({ type: z.literal('takeover'), reason: Reason.optional() }),
  /** 督办 against a leg's unit: `automatic` when the hub's timer raises it on overdue. */
  z.strictObject({ type: z.literal('supervise'), legId: LegId, automatic: z.boolean().default(false), note: Note }),
  /**
   * 回访: the centre called the reporter of a public/hotline case back before closing. `reopen` (only with an
   * unsatisfied outcome) sends the case back to the lead unit's handling, like a failed check.
   */
  z.strictObject({
    type: z.literal('callback'),
    outcome: CallbackOutcome,
    note: Note,
    reopen: z.boolean().default(false),
  }),
]);
export type CaseMove = z.infer<typeof CaseMove>;
export type CaseMoveInput = z.input<typeof CaseMove>;
export type MoveOf<T extends CaseMoveType> = Extract<CaseMove, { type: T }>;

// The union and CASE_MOVE_TYPES must name the same moves.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _movesMatch: Same<CaseMove['type'], CaseMoveType> = true;
void _movesMatch;
