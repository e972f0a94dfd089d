/**
 * The outbox rows of one user: writes kept while the hub was unreachable, oldest first. A row leaves only when the
 * hub accepted it, or when the user dismisses its refusal — never on its own.
 */
import type { CaseView, EventReport, MoveRequest } from '../../common/case-api.js';
import { GridCommandError } from '../../common/errors.js';
import type { OutboxCounts, OutboxItem, OutboxMark } from '../../common/outbox.js';
import type { ApiError } from '../../common/schemas.js';
import { sql } from '../../node-shared/sqlite/sql.js';
import type { ConsoleDatabase } from './console-database.js';

interface OutboxRow {
  id: number;
  kind: 'move' | 'report';
  case_id: string | null;
  case_no: string | null;
  idempotency_key: string;
  request: string;
  optimistic: string | null;
  state: 'pending' | 'refused';
  queued_at: number;
  attempts: number;
  error: string | null;
  current_case: string | null;
  refused_at: number | null;
}

export type OutboxWrite =
  | { kind: 'move'; caseId: string; caseNo?: string; request: MoveRequest; optimistic: CaseView }
  | { kind: 'report'; report: EventReport };

/** A row as the replayer needs it: the item, plus what it was sent with. */
export interface OutboxEntry {
  readonly item: OutboxItem;
  readonly optimistic?: CaseView;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toEntry(row: OutboxRow): OutboxEntry {
  const base = {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    queuedAt: iso(row.queued_at),
    state: row.state,
    attempts: row.attempts,
    ...(row.error ? { error: JSON.parse(row.error) as ApiError } : {}),
    ...(row.refused_at !== null ? { refusedAt: iso(row.refused_at) } : {}),
  };
  const item: OutboxItem =
    row.kind === 'move'
      ? {
          kind: 'move',
          caseId: row.case_id ?? '',
          ...(row.case_no ? { caseNo: row.case_no } : {}),
          request: JSON.parse(row.request) as MoveRequest,
          ...base,
        }
      : { kind: 'report', report: JSON.parse(row.request) as EventReport, ...base };
  return { item, ...(row.optimistic ? { optimistic: JSON.parse(row.optimistic) as CaseView } : {}) };
}

export class OutboxStore {
  constructor(
    private readonly db: ConsoleDatabase,
    readonly userId: string,
  ) {}

  /**
   * Keeps a write under its idempotency key, durably (synchronous=FULL) before "queued" is answered. The same key again (a double click, a retry) finds the kept row
   * instead of adding a second; the same key for a different request is refused, as the hub would.
   */
  enqueue(key: string, write: OutboxWrite, at: number): { mark: OutboxMark; created: boolean } {
    const request = JSON.stringify(write.kind === 'move' ? write.request : write.report);
    return this.db.transaction(() => {
      const held = this.db.get<OutboxRow>(
        sql`SELECT * FROM outbox WHERE user_id = ${this.userId} AND idempotency_key = ${key}`,
      );
      if (held) {
        if (held.request !== request || held.kind !== write.kind) {
          throw new GridCommandError(
            'idempotency_key_reused',
            'this Idempotency-Key was already used for a different request',
            'idempotencyKey',
          );
        }
        return { mark: { outboxId: held.id, queuedAt: iso(held.queued_at) }, created: false };
      }
      const move = write.kind === 'move' ? write : null;
      const { lastInsertRowid } = this.db.run(sql`
        INSERT INTO outbox (user_id, kind, case_id, case_no, idempotency_key, request, optimistic, queued_at)
        VALUES (${this.userId}, ${write.kind}, ${move?.caseId ?? null}, ${move?.caseNo ?? null}, ${key}, ${request},
                ${move ? JSON.stringify(move.optimistic) : null}, ${at})`);
      return { mark: { outboxId: Number(lastInsertRowid), queuedAt: iso(at) }, created: true };
    });
  }

  /** The oldest pending write: replay goes strictly in the order the writes were made. */
  nextPending(afterId = 0): OutboxEntry | undefined {
    const row = this.db.get<OutboxRow>(sql`
      SELECT * FROM outbox WHERE user_id = ${this.userId} AND state = 'pending' AND id > ${afterId}
      ORDER BY id LIMIT 1`);
    return row && toEntry(row);
  }

  get(id: number): OutboxEntry | undefined {
    const row = this.db.get<OutboxRow>(sql`SELECT * FROM outbox WHERE user_id = ${this.userId} AND id = ${id}`);
    return row && toEntry(row);
  }

  byKey(key: string): OutboxEntry | undefined {
    const row = this.db.get<OutboxRow>(
      sql`SELECT * FROM outbox WHERE user_id = ${this.userId} AND idempotency_key = ${key}`,
    );
    return row && toEntry(row);
  }

  list(): OutboxItem[] {
    return this.db
      .all<OutboxRow>(sql`SELECT * FROM outbox WHERE user_id = ${this.userId} ORDER BY id`)
      .map((row) => toEntry(row).item);
  }

  /** Pending moves' optimistic cases, newest per case: what the board shows until the hub has answered. */
  optimisticCases(): Map<string, { view: CaseView; mark: OutboxMark }> {
    const rows = this.db.all<OutboxRow>(sql`
      SELECT * FROM outbox WHERE user_id = ${this.userId} AND state = 'pending' AND optimistic IS NOT NULL
      ORDER BY id`);
    const byCase = new Map<string, { view: CaseView; mark: OutboxMark }>();
    for (const row of rows) {
      byCase.set(row.case_id ?? '', {
        view: JSON.parse(row.optimistic ?? 'null') as CaseView,
        mark: { outboxId: row.id, queuedAt: iso(row.queued_at) },
      });
    }
    return byCase;
  }

  /** The newest pending guess for one case (a move on a case already moved offline builds on it). */
  optimisticFor(caseId: string): Map<string, { view: CaseView; mark: OutboxMark }> {
    const row = this.db.get<OutboxRow>(sql`
      SELECT * FROM outbox
      WHERE user_id = ${this.userId} AND state = 'pending' AND case_id = ${caseId} AND optimistic IS NOT NULL
      ORDER BY id DESC LIMIT 1`);
    const mark = row && { outboxId: row.id, queuedAt: iso(row.queued_at) };
    return new Map(row && mark ? [[caseId, { view: JSON.parse(row.optimistic ?? 'null') as CaseView, mark }]] : []);
  }

  counts(): OutboxCounts {
    const row = this.db.get<{ pending: number; refused: number }>(sql`
      SELECT coalesce(sum(state = 'pending'), 0) AS pending, coalesce(sum(state = 'refused'), 0) AS refused
      FROM outbox WHERE user_id = ${this.userId}`);
    return { pending: row?.pending ?? 0, refused: row?.refused ?? 0 };
  }

  // Below, `relaxed` writes: lost to a power cut, a row is only sent again, and the hub answers it as before.

  countAttempt(id: number): void {
    this.db.relaxed(() =>
      this.db.run(sql`UPDATE outbox SET attempts = attempts + 1 WHERE id = ${id} AND user_id = ${this.userId}`),
    );
  }

  /** The hub accepted it (or had already, under the same key): nothing left to do. */
  remove(id: number): void {
    this.db.relaxed(() => this.db.run(sql`DELETE FROM outbox WHERE id = ${id} AND user_id = ${this.userId}`));
  }

  markRefused(id: number, error: ApiError, currentCase: CaseView | undefined, at: number): OutboxEntry | undefined {
    this.db.relaxed(() =>
      this.db.run(sql`
        UPDATE outbox SET state = 'refused', error = ${JSON.stringify(error)}, refused_at = ${at},
          current_case = ${currentCase ? JSON.stringify(currentCase) : null}
        WHERE id = ${id} AND user_id = ${this.userId}`),
    );
    return this.get(id);
  }

  /** Only a refusal the user has seen can go; a pending write may already be on its way to the hub. */
  dismiss(id: number): void {
    const held = this.get(id);
    if (!held) throw new GridCommandError('not_found', `no outbox item ${id}`, 'id');
    if (held.item.state !== 'refused') {
      throw new GridCommandError('conflict', 'this item is still waiting to be sent', 'id');
    }
    this.remove(id);
  }
}
