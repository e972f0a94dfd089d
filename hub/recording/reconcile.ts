/**
 * At start, before any writer runs: the recordings folder and the index are made to agree.
 * - A run folder whose ffmpeg outlived a crashed hub: that ffmpeg is killed (only when /proc shows it is an ffmpeg
 *   writing into this very folder, so a recycled pid is never hit).
 * - Segments the run's playlist lists (finished) but the index lacks (the hub died between ffmpeg finishing them
 *   and the next poll) are indexed: "closed".
 * - Any other file in a run folder (the half-written segment, ffmpeg's .tmp) is deleted: "dropped".
 * - Index rows whose file is gone (deleted by hand, a disk replaced) are deleted: "missing".
 */
import { existsSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HubDatabase } from '../db/database.js';
import { PID_FILE } from '../media/orphan-sweep.js';
import { allSegmentPaths, cameraExists, deleteSegment, insertSegment } from './recording-store.js';
import { parseRunPlaylist } from './run-playlist.js';

export interface ReconcileReport {
  readonly closed: number;
  readonly dropped: number;
  readonly missing: number;
  readonly killed: number;
}

const SAFE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function killOrphan(runDir: string): number {
  const pidFile = join(runDir, PID_FILE);
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN;
  if (!(pid > 0) || pid === process.pid) return 0;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('ffmpeg') || !cmdline.includes(runDir)) return 0;
    process.kill(pid, 'SIGKILL');
    return 1;
  } catch {
    return 0; // gone already, or no /proc: nothing to kill we could be sure of
  }
}

const listDir = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

export function reconcileRecordings(db: HubDatabase, root: string): ReconcileReport {
  let closed = 0;
  let dropped = 0;
  let killed = 0;
  const indexed = allSegmentPaths(db);
  const onDisk = new Set<string>();
  for (const cameraId of listDir(root).filter((n) => SAFE_NAME.test(n))) {
    const known = cameraExists(db, cameraId);
    for (const runId of listDir(join(root, cameraId)).filter((n) => SAFE_NAME.test(n))) {
      const runDir = join(root, cameraId, runId);
      killed += killOrphan(runDir);
      let listed: Set<string> = new Set();
      try {
        const text = readFileSync(join(runDir, 'index.m3u8'), 'utf8');
        const segments = parseRunPlaylist(text);
        listed = new Set(segments.map((s) => s.file));
        for (const s of segments) {
          const path = `${cameraId}/${runId}/${s.file}`;
          if (indexed.has(path) || !known || !existsSync(join(runDir, s.file))) continue;
          const bytes = statSync(join(runDir, s.file)).size;
          insertSegment(db, { cameraId, path, startMs: s.startMs, endMs: s.startMs + s.durationMs, bytes });
          indexed.set(path, -1);
          closed++;
        }
      } catch {
        /* no playlist: the run never finished a segment, or it was closed cleanly */
      }
      for (const file of listDir(runDir)) {
        const path = `${cameraId}/${runId}/${file}`;
        if (indexed.has(path)) {
          onDisk.add(path);
          continue;
        }
        if (file === 'index.m3u8' || file === PID_FILE) continue;
        if (!listed.has(file) || !known) {
          rmSync(join(runDir, file), { force: true });
          dropped++;
        }
      }
      rmSync(join(runDir, 'index.m3u8'), { force: true });
      rmSync(join(runDir, PID_FILE), { force: true });
      try {
        rmdirSync(runDir);
      } catch {
        /* still holds indexed segments */
      }
    }
  }
  let missing = 0;
  for (const [path, id] of indexed) {
    if (id < 0 || onDisk.has(path)) continue;
    deleteSegment(db, id);
    missing++;
  }
  return { closed, dropped, missing, killed };
}
