/**
 * When each of the wall's players is rebuilt (player-budget.ts): once an hour per tile, one tile at a time, the
 * tiles' hours staggered so the rebuilds spread over the hour. No DOM here, so the schedule is tested in Node.
 */

/** Each player is rebuilt once an hour. */
export const RECYCLE_EVERY_MS = 60 * 60_000;

/**
 * Where in its period tile `index` falls due, as a fraction: the golden-ratio sequence, which spreads any number of
 * tiles evenly over the period without knowing how many there are or in which order they register (tiles register
 * as their players start, in any order). Spacing by `index / tiles registered so far` bunched a 16-tile wall's
 * rebuilds into its first minutes: the 16th tile to register was due after 1/16 of the period, the 15th after 1/15…
 */
export function staggerOffset(index: number): number {
  const golden = (Math.sqrt(5) - 1) / 2;
  return (index * golden) % 1;
}

export class RecycleSchedule {
  private readonly players = new Map<number, () => void>();
  private readonly builtAt = new Map<number, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly everyMs = RECYCLE_EVERY_MS) {}

  start(): void {
    // Due tiles are looked for a few times a period, at most once a minute; one is rebuilt per look.
    this.timer = setInterval(() => this.recycleDue(), Math.min(60_000, this.everyMs / 4));
  }

  stop(): void {
    clearInterval(this.timer);
    this.players.clear();
    this.builtAt.clear();
  }

  /** A tile's player; returns the unregister function. */
  register(index: number, recycle: () => void): () => void {
    this.players.set(index, recycle);
    this.builtAt.set(index, Date.now() - staggerOffset(index) * this.everyMs);
    return () => {
      if (this.players.get(index) === recycle) this.players.delete(index);
    };
  }

  /** Every registered player's rebuild, for a rebuild of the whole wall. */
  all(): Array<() => void> {
    return [...this.players.values()];
  }

  private recycleDue(): void {
    const now = Date.now();
    for (const [index, recycle] of this.players) {
      if (now - (this.builtAt.get(index) ?? now) < this.everyMs) continue;
      this.builtAt.set(index, now);
      recycle();
      return; // one tile per look
    }
  }
}
