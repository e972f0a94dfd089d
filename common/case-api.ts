/**
 * What crosses the wire about cases: intake reports, bulk-import lines, moves with their concurrency guard, the
 * case as the board shows it, and the change feed. The snapshot itself (cases.ts) is what the state machine moves;
 * a CaseView adds what people read on a card (number, description, place, photos).
 */
import { z } from 'zod';
import type { CaseMoveInput, LegAssignment } from './case-moves.js';
import {
  CaseGrade,
  CaseHistoryEntry,
  CaseMoveType,
  CaseSnapshot,
  CaseSource,
  CaseStatus,
  CategoryCode,
  EpochMs,
  Photos,
  UnitCode,
} from './cases.js';
import { BoundedDateTime } from './time-range.js';
import { CallbackOutcome } from './cases/callback.js';
import { DisputeOutcomeInput } from './dispute-outcomes.js';

const Lon = z.number().finite().min(-180).max(180);
const Lat = z.number().finite().min(-90).max(90);
export const Location = z.strictObject({ lon: Lon, lat: Lat });

const Description = z
  .string()
  .trim()
  .min(1, 'the description is required')
  .max(2000, 'description too long (2,000 characters at most)');
const IsoTime = BoundedDateTime;

/** POST /api/v1/events: one report from the handheld app, public reports, video patrol, the hotline or a department. */
export const EventReport = z
  .strictObject({
    source: CaseSource,
    categoryCode: CategoryCode.optional(),
    categoryName: z.string().trim().min(1).max(40).optional(),
    grade: CaseGrade.optional(),
    location: Location,
    description: Description,
    reportedAt: IsoTime.optional(),
    reporter: z
      .strictObject({ name: z.string().trim().max(64).optional(), phone: z.string().trim().max(32).optional() })
      .optional(),
    photos: Photos.optional(),
  })
  .refine((r) => r.categoryCode !== undefined || r.categoryName !== undefined, {
    message: 'categoryCode or categoryName is required',
    path: ['categoryCode'],
  });
export type EventReport = z.infer<typeof EventReport>;

/** An open case near a new report (same category, ~100 m, 24 h): offered for merging, never merged silently. */
export const DuplicateCandidate = z.strictObject({
  caseId: z.string(),
  distanceM: z.number().nonnegative(),
  reportedAt: EpochMs,
  status: CaseStatus,
});

export const EventReceipt = z.strictObject({
  caseId: z.string(),
  caseNo: z.string(),
  status: CaseStatus,
  gridCode: z.string(),
  dueAt: EpochMs.optional(),
  duplicates: z.array(DuplicateCandidate),
});
export type EventReceipt = z.infer<typeof EventReceipt>;

/** One 回访 attempt of an imported event (public and hotline reports), oldest first on the line. */
export const ImportCallback = z.strictObject({
  at: IsoTime,
  outcome: CallbackOutcome,
  note: z.string().trim().max(1000).optional(),
});

/**
 * 逆向考核 of an imported event: the village or community it happened in rated the department that handled it
 * (closed lines with a department as handling unit; at or after the closing).
 */
export const ImportDepartmentRating = z.strictObject({
  at: IsoTime,
  score: z.number().int().min(1).max(5),
  note: z.string().trim().max(500).optional(),
});

/** One NDJSON line of POST /api/v1/events/import: an event of the old platform with its past lifecycle. */
export const ImportLine = z.strictObject({
  externalId: z.string().trim().min(1).max(64),
  source: CaseSource,
  categoryCode: CategoryCode.optional(),
  categoryName: z.string().trim().min(1).max(40).optional(),
  grade: CaseGrade,
  location: Location,
  description: Description,
  status: CaseStatus,
  reportedAt: IsoTime,
  dispatchedAt: IsoTime.optional(),
  dueAt: IsoTime.optional(),
  closedAt: IsoTime.optional(),
  handlingUnit: UnitCode.optional(),
  /** Call-backs made before closing (public and hotline only; each between the report and the closing). */
  callbacks: z.array(ImportCallback).max(10).optional(),
  /** The village's rating of the handling department, recorded as given by the importer on the village's behalf. */
  departmentRating: ImportDepartmentRating.optional(),
  /** How a dispute ended (矛盾纠纷 lines only, closed ones; common/dispute-outcomes.ts). */
  disputeOutcome: DisputeOutcomeInput.optional(),
  /**
   * 挂账: the case was parked (ledger approved) at this time and is still parked — a long-standing matter that stays
   * open without running late. Open lines with a handling unit only.
   */
  ledgerSince: IsoTime.optional(),
  /** A duplicate merged into an earlier case: that case's externalId (status 'merged' only; imported before it). */
  mergedInto: z.string().trim().min(1).max(64).optional(),
  /** Times the case was sent back at the check (返工). */
  reworkCount: z.number().int().min(0).max(20).optional(),
});
export type ImportLine = z.infer<typeof ImportLine>;

export const ImportResult = z.strictObject({
  imported: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  rejected: z.array(z.strictObject({ line: z.number().int().positive(), reason: z.string() })),
  /** The batch this import was recorded as (GET /api/v1/imports); absent for the demo county's seeded history. */
  batchId: z.string().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** One run of the import: who, when, which file (sha256) and what became of its lines. */
export const ImportBatch = z.strictObject({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  startedAt: EpochMs,
  finishedAt: EpochMs.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  lines: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  /** `importing` after the run: the hub stopped midway; what landed stays and can be rolled back. */
  status: z.enum(['importing', 'done', 'rolled_back']),
  rolledBackAt: EpochMs.nullable(),
  rolledBackBy: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;
export const ImportBatchList = z.strictObject({ items: z.array(ImportBatch) });
export const ImportBatchParams = z.strictObject({
  batchId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not an import batch id'),
});
export const ImportRollback = z.strictObject({ batchId: z.string(), deletedCases: z.number().int().nonnegative() });

/** A case as people read it: the snapshot plus its number, words, place and pictures. */
export const CaseView = CaseSnapshot.extend({
  caseNo: z.string(),
  description: z.string(),
  location: Location,
  photos: z.array(z.string()),
});
export type CaseView = z.infer<typeof CaseView>;

/** A leg as the dispatcher sends it: the hub fills in the deadline from the deadline table when it is left out. */
export type LegDraft = Omit<LegAssignment, 'dueAt'> & { dueAt?: number };
type Dispatch = Extract<CaseMoveInput, { type: 'dispatch' }>;
type DecideExtension = Extract<CaseMoveInput, { type: 'decide_extension' }>;
/**
 * A move as a console sends it: a CaseMove whose deadlines may be left to the hub (dispatch legs, an approved
 * extension). The hub completes it (hub/cases/complete-move.ts), then the state machine validates it in full.
 */
export type CaseMoveDraft =
  Exclude<CaseMoveInput, Dispatch> | (Omit<Dispatch, 'lead' | 'assists'> & { lead: LegDraft; assists?: LegDraft[] });
export type { DecideExtension };

/**
 * Fields of a move that only the hub itself may set: `automatic` marks a supervision raised by the hub's overdue
 * timer (which calls the state machine directly, never through this request), so a person cannot forge one.
 */
const HUB_ONLY_MOVE_FIELDS = ['automatic'] as const;

const MoveDraft = z
  .custom<CaseMoveDraft>(
    (value) =>
      typeof value === 'object' && value !== null && CaseMoveType.safeParse((value as { type?: unknown }).type).success,
    { message: 'unknown move type' },
  )
  .superRefine((value, ctx) => {
    for (const field of HUB_ONLY_MOVE_FIELDS) {
      if (field in value) ctx.addIssue({ code: 'custom', path: [field], message: 'set by the hub only' });
    }
  });

/** POST /api/v1/cases/:id/moves. A stale `expectedVersion` is refused: someone else moved the case first. */
export const MoveRequest = z.strictObject({
  expectedVersion: z.number().int().nonnegative(),
  move: MoveDraft,
});
export type MoveRequest = z.input<typeof MoveRequest>;

/**
 * A history row as stored: the state machine's entry, plus the two rows no move writes — the report that created
 * the case (`report`, from nothing) and the import of an old platform's case (`import`).
 */
export const CaseHistoryRow = CaseHistoryEntry.extend({
  move: z.union([CaseHistoryEntry.shape.move, z.literal('report'), z.literal('import')]),
  from: CaseStatus.nullable(),
});
export type CaseHistoryRow = z.infer<typeof CaseHistoryRow>;

export const CaseDetail = z.strictObject({
  case: CaseView,
  history: z.array(CaseHistoryRow),
  /** Present for a case imported from the old platform: its id there, and the batch (null for seeded history). */
  imported: z.strictObject({ externalId: z.string(), batchId: z.string().nullable() }).optional(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const BOARD_QUERY_LIMIT = 2000;
/** The board: open cases of the scope and those closed since local midnight, newest first. */
export const BoardPage = z.strictObject({
  cases: z.array(CaseView),
  lastSeq: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type BoardPage = z.infer<typeof BoardPage>;

/** A pushed or caught-up change: the case as it is now, and its place in the hub's change sequence. */
export const CaseChange = z.strictObject({ seq: z.number().int().positive(), case: CaseView });
export type CaseChange = z.infer<typeof CaseChange>;
export const CaseChanges = z.strictObject({ changes: z.array(CaseChange), lastSeq: z.number().int().nonnegative() });
export type CaseChanges = z.infer<typeof CaseChanges>;
