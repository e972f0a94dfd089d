/**
 * Reusable memory for the map's answers. A county's answer is ~22 MB; allocating it afresh each time costs more than
 * filling it — on the reference 2-core machine a fresh 22 MB buffer plus its copy measured p95 366 ms (page faults,
 * unmapping, GC pressure from external memory) against p95 14 ms for the same copy into a reused buffer. So answers
 * are written into a few kept buffers, each lent until its reply has gone out.
 */

/** Sizes are rounded up so that tomorrow's answer (a few events more) still fits yesterday's buffer. */
const GRANULE = 4 * 1024 * 1024;

export interface BodyLease {
  readonly body: Buffer;
  /** Give the memory back; call once the body is no longer read (the reply closed). Idempotent. */
  release(): void;
}

export class BodyPool {
  private readonly idle: ArrayBuffer[] = [];

  constructor(
    /** Buffers kept between answers (more concurrent answers allocate, then the extra ones are dropped). */
    private readonly keep = 2,
    /** Answers larger than this are not kept (a one-off decade-long query should not pin its memory). */
    private readonly maxKeptBytes = 128 * 1024 * 1024,
  ) {}

  acquire(bytes: number): BodyLease {
    let best = -1;
    this.idle.forEach((buffer, i) => {
      if (buffer.byteLength >= bytes && (best < 0 || buffer.byteLength < this.idle[best]!.byteLength)) best = i;
    });
    const memory = best >= 0 ? this.idle.splice(best, 1)[0]! : new ArrayBuffer(Math.ceil(bytes / GRANULE) * GRANULE);
    let released = false;
    return {
      body: Buffer.from(memory, 0, bytes),
      release: () => {
        if (released) return;
        released = true;
        if (memory.byteLength > this.maxKeptBytes) return;
        this.idle.push(memory);
        // Keep the largest ones: they fit every answer the smaller ones would.
        this.idle.sort((a, b) => b.byteLength - a.byteLength);
        this.idle.length = Math.min(this.idle.length, this.keep);
      },
    };
  }

  /** Bytes held idle (for tests and the bench). */
  get idleBytes(): number {
    return this.idle.reduce((sum, buffer) => sum + buffer.byteLength, 0);
  }
}

/** The hub process's pool for map answers. */
export const mapBodyPool = new BodyPool();
