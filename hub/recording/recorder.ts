/**
 * The recorder: one SegmentWriter per camera whose policy (recording-store.ts) says record, fed from the same source
 * the live gateway uses (a demo camera encoded with its clock burnt in, a real camera's RTSP remuxed without
 * re-encoding). It indexes finished segments, applies retention (days, then disk quota, oldest first; "events"
 * cameras keep only what lies around a mark), restarts a writer whose source failed (the outage shows as a gap), and
 * at start reconciles the folder with the index (reconcile.ts) so a stop or a crash loses at most the segment that was
 * being written.
 */
import type { FastifyBaseLogger } from 'fastify';
import { rmSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HubDatabase } from '../db/database.js';
import { liveEncodeArgs } from '../media/demo-patterns.js';
import { findDrawtextFont } from '../media/ffmpeg-binary.js';
import { parseStreamSource, remuxArgs } from '../media/stream-source.js';
import { reconcileRecordings, type ReconcileReport } from './reconcile.js';
import {
  cameraMainStream,
  deleteSegment,
  effectivePolicies,
  insertSegment,
  isNearMark,
  oldestSegments,
  segmentsEndedBetween,
  totalBytes,
  type RecordingPolicy,
  type SegmentRow,
} from './recording-store.js';
import { SegmentWriter } from './segment-writer.js';

export interface RecorderOptions {
  readonly root: string;
  readonly ffmpegPath: () => Promise<string>;
  readonly segmentSeconds: number;
  readonly retentionDays: number;
  /** 0: no quota. */
  readonly quotaBytes: number;
  /** At most this many cameras record at once (a demo machine has two cores). */
  readonly maxCameras: number;
  /** Demo cameras are encoded at this size: recording is evidence, not the wall's main stream. */
  readonly demoRendition: { width: number; height: number; kbps: number };
  readonly demoFps: number;
  readonly fontPath?: string;
  readonly allowFileSources?: boolean;
  readonly pollMs?: number;
  /** How often policies are re-read (and failed writers restarted) and retention runs. */
  readonly tickMs?: number;
}

export interface RecorderDeps {
  readonly db: HubDatabase;
  readonly now: () => number;
  readonly log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * Which cameras record: those whose policy is not `off`, in camera-id order, up to the cap; the rest are `capped`
 * (the administration view names them). One function for the recorder and the view, so they never disagree.
 */
export function camerasToRecord(
  policies: ReadonlyMap<string, RecordingPolicy>,
  maxCameras: number,
): { record: string[]; capped: string[] } {
  const wanted = [...policies.entries()].filter(([, p]) => p.mode !== 'off').map(([id]) => id);
  return { record: wanted.slice(0, maxCameras), capped: wanted.slice(maxCameras) };
}

export class Recorder {
  private readonly writers = new Map<string, SegmentWriter>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private eventsCheckedUpTo = new Map<string, number>();
  private font: string | null;
  private stopped = false;

  constructor(
    private readonly deps: RecorderDeps,
    readonly options: RecorderOptions,
  ) {
    this.font = findDrawtextFont(options.fontPath);
  }

  /** Cameras being recorded now. */
  get recording(): string[] {
    return [...this.writers.entries()].filter(([, w]) => !w.exited).map(([id]) => id);
  }

  async start(): Promise<ReconcileReport> {
    const report = reconcileRecordings(this.deps.db, this.options.root);
    if (report.closed + report.dropped + report.missing + report.killed > 0) {
      this.deps.log.info({ ...report }, 'recordings reconciled with the index');
    }
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 15_000);
    this.timer.unref();
    return report;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await Promise.all([...this.writers.values()].map((w) => w.stop()));
    this.writers.clear();
  }

  /**
   * A policy was changed (administration view): tick again once any tick in flight is done — that one may have read
   * the rows before the change — so the change takes effect now rather than at the next timer tick.
   */
  async policiesChanged(): Promise<void> {
    await this.ticking;
    // Before start() the folder is not reconciled yet; start's own first tick reads the new rows anyway.
    if (this.timer !== null && !this.stopped) await this.tick();
  }

  /** Re-reads policies (starting/stopping writers) and applies retention; one at a time. */
  tick(): Promise<void> {
    this.ticking ??= this.runTick().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async runTick(): Promise<void> {
    try {
      const policies = effectivePolicies(this.deps.db);
      await this.applyPolicies(policies);
      this.applyRetention(policies);
    } catch (err) {
      this.deps.log.error({ err }, 'recording tick failed');
    }
  }

  private async applyPolicies(policies: Map<string, RecordingPolicy>): Promise<void> {
    const wanted = camerasToRecord(policies, this.options.maxCameras).record;
    const keep = new Set(wanted);
    for (const [id, writer] of this.writers) {
      if (keep.has(id) && !writer.exited) continue;
      if (writer.exited) this.deps.log.warn({ cameraId: id, error: writer.lastError }, 'recording source stopped');
      await writer.stop();
      this.writers.delete(id);
    }
    if (this.stopped) return;
    const ffmpegPath = await this.options.ffmpegPath();
    for (const id of wanted) {
      if (this.writers.has(id)) continue;
      const args = this.sourceArgs(id);
      if (!args) continue;
      const writer = new SegmentWriter({
        ffmpegPath,
        root: this.options.root,
        cameraId: id,
        runId: this.deps.now().toString(36),
        args,
        segmentSeconds: this.options.segmentSeconds,
        pollMs: this.options.pollMs,
        onSegment: (s) => insertSegment(this.deps.db, s),
      });
      writer.start();
      this.writers.set(id, writer);
    }
  }

  /** ffmpeg input arguments for a camera's main stream, or null (unknown camera, unsupported source). */
  private sourceArgs(cameraId: string): string[] | null {
    const mainStream = cameraMainStream(this.deps.db, cameraId);
    if (mainStream === undefined) return null;
    const source = parseStreamSource(mainStream);
    const { demoRendition, demoFps, segmentSeconds } = this.options;
    if (source.kind === 'demo')
      return liveEncodeArgs(source.pattern, demoRendition, demoFps, segmentSeconds, this.font);
    if (source.kind === 'rtsp' || (source.kind === 'standin-file' && this.options.allowFileSources)) {
      return remuxArgs(source);
    }
    this.deps.log.warn({ cameraId, scheme: source.kind }, 'camera source cannot be recorded');
    return null;
  }

  /** Retention by age, then "events" policies, then the disk quota: oldest first each time. */
  applyRetention(policies: Map<string, RecordingPolicy> = effectivePolicies(this.deps.db)): number {
    const now = this.deps.now();
    let removed = 0;
    const cutoff = now - this.options.retentionDays * 86_400_000;
    for (;;) {
      const batch = oldestSegments(this.deps.db, 200).filter((s) => s.endMs < cutoff);
      for (const s of batch) removed += this.remove(s);
      if (batch.length < 200) break;
    }
    for (const [cameraId, policy] of policies) {
      if (policy.mode !== 'events') continue;
      // A mark can still arrive for any moment after now − pre; older footage is kept only if a mark wants it.
      const upTo = now - policy.preSeconds * 1000;
      const from = this.eventsCheckedUpTo.get(cameraId) ?? 0;
      const rows = segmentsEndedBetween(this.deps.db, cameraId, from, upTo);
      for (const r of rows) {
        if (isNearMark(this.deps.db, cameraId, r.startMs, r.endMs, policy)) continue;
        removed += this.remove(r);
      }
      this.eventsCheckedUpTo.set(cameraId, upTo);
    }
    const quota = this.options.quotaBytes;
    if (quota > 0) {
      let total = totalBytes(this.deps.db);
      while (total > quota) {
        const batch = oldestSegments(this.deps.db, 50);
        if (batch.length === 0) break;
        for (const s of batch) {
          if (total <= quota) break;
          removed += this.remove(s);
          total -= s.bytes;
        }
      }
    }
    return removed;
  }

  private remove(segment: SegmentRow): number {
    const file = join(this.options.root, segment.path);
    rmSync(file, { force: true });
    deleteSegment(this.deps.db, segment.id);
    try {
      rmdirSync(dirname(file)); // the run's folder, once its last segment is gone (fails while not empty)
    } catch {
      /* not empty, or a live run */
    }
    return 1;
  }
}
