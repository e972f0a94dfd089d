/**
 * The console's offline side of the contract (main/local-store/): what a move or report made while the hub is
 * unreachable is answered with, and how the outbox of such writes is shown. The hub never sees these shapes; they
 * travel only between the console service and the renderer.
 */
import { z } from 'zod';
import { BoardPage, CaseDetail, CaseView, EventReceipt, EventReport, MoveRequest } from './case-api.js';
import { ApiError } from './schemas.js';

/** A write waiting in the console's outbox: replayed in order, with its own idempotency key, once the hub is back. */
export const OutboxMark = z.strictObject({ outboxId: z.number().int().positive(), queuedAt: z.string() });
export type OutboxMark = z.infer<typeof OutboxMark>;

/**
 * A case as the console shows it: the hub's, or — with `queued` — the console's own guess after a move that is
 * still in the outbox (the state machine applied locally, version bumped), replaced by the hub's once replayed.
 */
export const ConsoleCaseView = CaseView.extend({ queued: OutboxMark.optional() });
export type ConsoleCaseView = z.infer<typeof ConsoleCaseView>;
export const ConsoleBoardPage = BoardPage.extend({ cases: z.array(ConsoleCaseView) });
export type ConsoleBoardPage = z.infer<typeof ConsoleBoardPage>;
export const ConsoleCaseDetail = CaseDetail.extend({ case: ConsoleCaseView });
export type ConsoleCaseDetail = z.infer<typeof ConsoleCaseDetail>;

/** A report kept for later: no case number yet (the hub gives it), so a distinct answer rather than a fake receipt. */
export const QueuedReport = z.strictObject({ queued: OutboxMark });
export type QueuedReport = z.infer<typeof QueuedReport>;
export const ReportAnswer = z.union([EventReceipt, QueuedReport]);
export type ReportAnswer = z.infer<typeof ReportAnswer>;

export const OUTBOX_STATES = ['pending', 'refused'] as const;
const OutboxBase = {
  id: z.number().int().positive(),
  idempotencyKey: z.string(),
  queuedAt: z.string(),
  /** pending: not yet accepted by the hub; refused: the hub said no on replay and the user has not dismissed it. */
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int().nonnegative(),
  error: ApiError.optional(),
  refusedAt: z.string().optional(),
};
export const OutboxItem = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('move'),
    caseId: z.string(),
    caseNo: z.string().optional(),
    request: MoveRequest,
    ...OutboxBase,
  }),
  z.strictObject({ kind: z.literal('report'), report: EventReport, ...OutboxBase }),
]);
export type OutboxItem = z.infer<typeof OutboxItem>;
export const OutboxList = z.strictObject({ items: z.array(OutboxItem) });

/** Pushed when a queued write is refused on replay: what was asked, what the hub said, and the case as it is now. */
export const OutboxRefused = z.strictObject({ item: OutboxItem, error: ApiError, currentCase: CaseView.optional() });
export type OutboxRefused = z.infer<typeof OutboxRefused>;

export const OutboxDismiss = z.strictObject({ id: z.number().int().positive() });

export const OutboxCounts = z.strictObject({
  pending: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type OutboxCounts = z.infer<typeof OutboxCounts>;
