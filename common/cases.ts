/**
 * A case (案件) as the hub stores it and the console shows it: the snapshot the state machine moves, its legs (joint
 * dispatch: one lead 主办 + assisting 协办 units), its pauses, supervisions and rating, and the append-only history row
 * each move writes. Names follow docs/glossary.md.
 *
 * All case times are epoch milliseconds (UTC); the working-time clock turns them into Beijing time when it needs to.
 */
import { z } from 'zod';
import { DisputeOutcome } from './dispute-outcomes.js';
import { isDepartmentCode } from './departments.js';
import { isOrgCode } from './org.js';
import { ROLES } from './roles.js';
import { OrgCode } from './schemas.js';
import { Timestamp } from './time-range.js';
import { CaseCallback } from './cases/callback.js';

export const CASE_STATUSES = [
  'reported',
  'verifying',
  'filed',
  'dispatched',
  'in_progress',
  'checking',
  'closed',
  'evaluated',
  'void',
  'merged',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
/** Still being worked on: counts against the handling unit's deadline. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'reported',
  'verifying',
  'filed',
  'dispatched',
  'in_progress',
  'checking',
];
export const CLOSED_STATUSES: readonly CaseStatus[] = ['closed', 'evaluated'];

export const CASE_GRADES = ['routine', 'general', 'serious'] as const;
export const CaseGrade = z.enum(CASE_GRADES);
export type CaseGrade = z.infer<typeof CaseGrade>;

export const CASE_SOURCES = ['grid_worker', 'public', 'video_patrol', 'hotline', 'department'] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;

/** Who currently owns the case: 小事不出网格，大事不出乡镇. Same names as the org levels on purpose. */
export const HANDLING_LEVELS = ['grid', 'village', 'township', 'county'] as const;
export const HandlingLevel = z.enum(HANDLING_LEVELS);
export type HandlingLevel = z.infer<typeof HandlingLevel>;

/** Every move's name; case-moves.ts builds the payload union on exactly these. */
export const CASE_MOVE_TYPES = [
  'request_verification',
  'file',
  'void',
  'merge',
  'handle_on_spot',
  'dispatch',
  'sign',
  'return',
  'request_extension',
  'decide_extension',
  'request_ledger',
  'decide_ledger',
  'escalate',
  'feedback',
  'check',
  'evaluate',
  'takeover',
  'supervise',
  'callback',
] as const;
export const CaseMoveType = z.enum(CASE_MOVE_TYPES);
export type CaseMoveType = z.infer<typeof CaseMoveType>;

/** Every case time: epoch milliseconds inside the one range of time-range.ts. */
export const EpochMs = Timestamp;
export const CaseId = z.string().min(1).max(64);
export const GridCode = z.string().regex(/^\d{15}$/, 'not a 15-digit grid code');
/** Minor-category code from resources/taxonomy.json ('0201' = 暴露垃圾). */
export const CategoryCode = z.string().regex(/^\d{4}$/, 'not a minor category code');
/** A leg goes to an org unit (township, village, grid) or to a county department (`dept:zhujian`). */
export const UnitCode = z
  .string()
  .refine((code) => isOrgCode(code) || isDepartmentCode(code), 'not an org unit or department code');

export const LEG_ROLES = ['lead', 'assist'] as const;
export const LegRole = z.enum(LEG_ROLES);
/**
 * `withdrawn`: the centre took the leg back (the lead was returned, the case escalated, or it was re-dispatched), so
 * the unit no longer owes anything on it. `done`: the check passed and the case closed. `ended`: the case closed
 * while this assisting leg was still unsigned or unfinished — it ended with the case ("closed with the case"), no
 * deadline runs on it any more, and it stays on record as never fed back (`doneAt` = the closing instant).
 */
export const LEG_STATUSES = ['dispatched', 'signed', 'returned', 'feedback', 'done', 'withdrawn', 'ended'] as const;
export const LegStatus = z.enum(LEG_STATUSES);
export type LegStatus = z.infer<typeof LegStatus>;
/** Legs the unit still owes work on (deadline running, can be supervised). */
export const ACTIVE_LEG_STATUSES: readonly LegStatus[] = ['dispatched', 'signed'];

/** Serious cases (and limits given in plain hours) run on the wall clock; the rest on working time. */
export const SLA_CLOCKS = ['working', 'wall'] as const;
export const SlaClock = z.enum(SLA_CLOCKS);
export type SlaClock = z.infer<typeof SlaClock>;

export const Photos = z.array(z.string().min(1).max(500)).max(9);
export const LegFeedback = z.strictObject({
  result: z.string().trim().min(1).max(2000),
  photos: Photos,
  at: EpochMs,
});
export type LegFeedback = z.infer<typeof LegFeedback>;

export const CaseLeg = z.strictObject({
  id: z.string().min(1).max(80),
  unitCode: UnitCode,
  role: LegRole,
  status: LegStatus,
  dispatchedAt: EpochMs,
  /** Absent when no deadline runs: a matter handled on the spot by the grid (until a rework sets one). */
  dueAt: EpochMs.optional(),
  clock: SlaClock,
  /** The deadline was counted across a year the working calendar has no data for (Monday–Friday only there). */
  dueProvisional: z.literal(true).optional(),
  signedAt: EpochMs.optional(),
  returnReason: z.string().optional(),
  feedback: LegFeedback.optional(),
  doneAt: EpochMs.optional(),
});
export type CaseLeg = z.infer<typeof CaseLeg>;

/**
 * A stretch of time the deadline does not run: an extension request until it is decided (延期), a ledger request
 * until decided and, when approved, until the lead feeds back (挂账). `to` absent = still paused. Rejected and
 * cancelled requests keep their interval: the clock was stopped while they were pending.
 */
export const PAUSE_KINDS = ['extension', 'ledger'] as const;
export const PAUSE_STATES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const CasePause = z.strictObject({
  kind: z.enum(PAUSE_KINDS),
  legId: z.string(),
  state: z.enum(PAUSE_STATES),
  from: EpochMs,
  to: EpochMs.optional(),
  reason: z.string(),
  hours: z.number().int().positive().optional(),
});
export type CasePause = z.infer<typeof CasePause>;

/** 督办, recorded against the unit of the late (or watched) leg, for accountability and the KPIs. */
export const Supervision = z.strictObject({
  at: EpochMs,
  legId: z.string(),
  unitCode: UnitCode,
  automatic: z.boolean(),
  byUserId: z.string(),
});
export type Supervision = z.infer<typeof Supervision>;

export const Reporter = z.strictObject({
  source: CaseSource,
  reportedAt: EpochMs,
  userId: z.string().optional(),
  name: z.string().max(64).optional(),
  phone: z.string().max(32).optional(),
});
export type Reporter = z.infer<typeof Reporter>;

/** Reverse evaluation (逆向考核): the reporting side rates the unit that handled the case. */
export const CaseRating = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().max(500).optional(),
  byUnitCode: OrgCode,
  ratedUnitCode: UnitCode,
  at: EpochMs,
});
export type CaseRating = z.infer<typeof CaseRating>;

export const CaseSnapshot = z.strictObject({
  id: CaseId,
  /** Bumped by every move; the hub refuses a move whose expectedVersion differs (optimistic concurrency). */
  version: z.number().int().nonnegative(),
  status: CaseStatus,
  grade: CaseGrade,
  source: CaseSource,
  categoryCode: CategoryCode,
  /** Where it happened. Scope checks run against this code. */
  gridCode: GridCode,
  handlingLevel: HandlingLevel,
  /** The centre that owns the case now; at intake (grid level) it is the grid itself. */
  ownerUnitCode: OrgCode,
  legs: z.array(CaseLeg),
  pauses: z.array(CasePause),
  supervisions: z.array(Supervision),
  reportedAt: EpochMs,
  filedAt: EpochMs.optional(),
  dispatchedAt: EpochMs.optional(),
  /** The lead leg's deadline (the case's deadline); absent while no lead is working on it. */
  dueAt: EpochMs.optional(),
  closedAt: EpochMs.optional(),
  supervisedAt: EpochMs.optional(),
  supervisionCount: z.number().int().nonnegative(),
  reworkCount: z.number().int().nonnegative(),
  mergedInto: CaseId.optional(),
  /**
   * How the case last came to a higher centre, shown as a marker on its card: `escalated` (a level could not
   * handle it and sent it up) or `taken_over` (the county took it over). Absent on cases never raised.
   */
  raised: z.enum(['escalated', 'taken_over']).optional(),
  reporters: z.array(Reporter),
  rating: CaseRating.optional(),
  /** 回访 attempts (public and hotline reports), oldest first; absent until the first (common/cases/callback.ts). */
  callbacks: z.array(CaseCallback).optional(),
  /** How a dispute ended (矛盾纠纷 only; common/dispute-outcomes.ts): set when handled or checked, or imported. */
  disputeOutcome: DisputeOutcome.optional(),
  /**
   * The reference-data version (taxonomy + deadline table) the case was filed under and is judged by for its whole
   * life; absent on cases stored before versions existed, which means version 1 (common/reference-versions.ts).
   */
  refVersion: z.number().int().positive().optional(),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;

export const HistoryActor = z.strictObject({ userId: z.string(), role: z.enum(ROLES), orgUnitCode: OrgCode });
export type HistoryActor = z.infer<typeof HistoryActor>;

/**
 * Notes the hub writes on a history row without a person: an automatic supervision on overdue, a report that looks
 * like a duplicate (`caseIds`), a merged case's reporters joining the target (`caseId`), an old-platform import
 * (`externalId`). Codes, not prose: the console shows them in the viewer's language.
 */
export const HISTORY_NOTE_CODES = [
  'automatic_overdue',
  'possible_duplicate',
  'merged_in',
  'imported_from',
  // The verifying desk: this case merged into another (`caseId`), and each call-back's outcome.
  'merged_into',
  'callback_satisfied',
  'callback_unsatisfied',
  'callback_not_reached',
  'callback_reopened',
] as const;
export const HistoryNoteCode = z.enum(HISTORY_NOTE_CODES);
export type HistoryNoteCode = z.infer<typeof HistoryNoteCode>;

/** One append-only history row per accepted move. */
export const CaseHistoryEntry = z.strictObject({
  caseId: CaseId,
  /** The snapshot version this move produced. */
  version: z.number().int().positive(),
  at: EpochMs,
  actor: HistoryActor,
  move: CaseMoveType,
  from: CaseStatus,
  to: CaseStatus,
  legId: z.string().optional(),
  /** The unit the move concerns (leg unit, new owner, supervised unit). */
  unitCode: UnitCode.optional(),
  /** What the person wrote (a reason, a comment). */
  note: z.string().optional(),
  /** A note the hub writes itself, as a code the console words in the viewer's language (i18n dispatch:historyNote). */
  noteCode: HistoryNoteCode.optional(),
  noteParams: z.record(z.string(), z.string()).optional(),
});
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;

/** The case's lead leg that is still in play (not returned or withdrawn), if any. */
export function currentLeadLeg(snapshot: Pick<CaseSnapshot, 'legs'>): CaseLeg | undefined {
  return snapshot.legs.find((leg) => leg.role === 'lead' && leg.status !== 'returned' && leg.status !== 'withdrawn');
}

/**
 * The reporters a merge target ends up with: its own, then the merged case's, without duplicating a person who
 * reported both. The hub applies this when it marks a case merged.
 */
export function mergedReporters(target: readonly Reporter[], merged: readonly Reporter[]): Reporter[] {
  // A person is recognised by phone, else by account: a hotline or public report typed in by a duty officer carries
  // the officer's account but the caller's phone, so two callers are two people. Anonymous reports are all kept.
  const key = (r: Reporter) => (r.phone ? `phone:${r.phone}` : r.userId ? `user:${r.userId}` : null);
  const seen = new Set(target.map(key).filter((k) => k !== null));
  const added: Reporter[] = [];
  for (const reporter of merged) {
    const k = key(reporter);
    if (k !== null && seen.has(k)) continue;
    if (k !== null) seen.add(k);
    added.push(reporter);
  }
  return [...target, ...added];
}
