/**
 * The wall's player budget, so a wall left running all night stays flat: every player is rebuilt on a schedule
 * (staggered, one tile at a time, its last frame held as the poster), and all of them, one by one, when the page's
 * JS heap has grown well past where it settled (`performance.memory`, Chromium and Electron only). Tiles register
 * their player's `recycle`; the count of live players is published on <html data-wall-players> for tests. The
 * schedule itself is recycle-schedule.ts.
 */
import { RECYCLE_EVERY_MS, RecycleSchedule } from './recycle-schedule.js';

/** Memory is sampled once a minute; the baseline is the lowest of the samples after the wall has settled. */
const SAMPLE_EVERY_MS = 60_000;
const SETTLE_SAMPLES = 3;
/** Rebuild everything when the heap is 50 % and 64 MB above the baseline. */
const GROWTH_FACTOR = 1.5;
const GROWTH_MIN_BYTES = 64 * 1024 * 1024;
/** Rebuilds are spaced so the hub and the machine never see a wall reconnect at once. */
const STAGGER_MS = 1500;

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

export function heapBytes(): number | null {
  const memory = (performance as Performance & { memory?: MemoryInfo }).memory;
  return memory && memory.usedJSHeapSize > 0 ? memory.usedJSHeapSize : null;
}

let livePlayers = 0;

/** Called by the tiles as they create and destroy players. */
export function countPlayer(delta: 1 | -1): void {
  livePlayers += delta;
  document.documentElement.dataset.wallPlayers = String(livePlayers);
}

/** Players the tiles hold now (an FLV tile chases the live edge only while few play: flv-config.ts). */
export function playerCount(): number {
  return livePlayers;
}

export class PlayerBudget {
  private readonly schedule: RecycleSchedule;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private memoryTimer: ReturnType<typeof setInterval> | undefined;
  private samples: number[] = [];
  private baseline: number | null = null;
  /** How many rebuilds were caused by memory growth (shown in the stats, printed by the bench). */
  memoryRecycles = 0;

  constructor(recycleEveryMs = RECYCLE_EVERY_MS) {
    this.schedule = new RecycleSchedule(recycleEveryMs);
  }

  start(): void {
    this.schedule.start();
    this.memoryTimer = setInterval(() => this.sampleMemory(), SAMPLE_EVERY_MS);
  }

  stop(): void {
    this.schedule.stop();
    clearInterval(this.memoryTimer);
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  /** A tile's player; returns the unregister function. */
  register(index: number, recycle: () => void): () => void {
    return this.schedule.register(index, recycle);
  }

  private sampleMemory(): void {
    const used = heapBytes();
    if (used === null) return;
    if (this.baseline === null) {
      this.samples.push(used);
      if (this.samples.length >= SETTLE_SAMPLES) this.baseline = Math.min(...this.samples);
      return;
    }
    if (used > this.baseline * GROWTH_FACTOR && used - this.baseline > GROWTH_MIN_BYTES) {
      this.memoryRecycles++;
      this.recycleAll();
      this.samples = [];
      this.baseline = null; // settle again after the rebuild
    }
  }

  recycleAll(): void {
    this.schedule.all().forEach((recycle, k) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        recycle();
      }, k * STAGGER_MS);
      this.timers.add(timer);
    });
  }
}
