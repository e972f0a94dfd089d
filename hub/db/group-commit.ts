/**
 * Group commit: writes that arrive together share one transaction, and so one fsync (synchronous=FULL costs about
 * 0.7 ms per commit on this class of disk, which alone would cap intake near 1,400 reports/s). Each write runs in
 * its own savepoint, so one refused write rolls back alone; every caller is answered only after the shared commit,
 * so an acknowledged write is durable.
 */
import type { HubDatabase } from './database.js';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly db: HubDatabase,
    private readonly maxBatch = 500,
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes waiting for the next commit; intake refuses new work (429) when this grows too long. */
  get backlog(): number {
    return this.queue.length;
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    this.scheduled = this.queue.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            // A nested better-sqlite3 transaction is a savepoint: a throw undoes this item only.
            outcomes.push({ ok: true, value: this.db.transaction(item.work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the batch is durable.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
