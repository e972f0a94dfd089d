/**
 * ffmpeg processes a crashed hub left behind. A live encoder or an RTSP remuxer never ends on its own, so a hub
 * killed hard (power loss aside) would leave them burning CPU. Each hub writes its processes' pids under
 * `<tmp>/grid-media-<hub pid>-…/<stream>/ffmpeg.pid`; at start, folders of hubs no longer running are swept: their
 * processes killed (only when /proc confirms the pid is still an ffmpeg, so a recycled pid is never hit) and the
 * folders removed.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const WORK_DIR_PREFIX = 'grid-media-';
export const PID_FILE = 'ffmpeg.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isFfmpeg(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ffmpeg');
  } catch {
    return false; // no /proc (macOS, Windows) or already gone: leave it alone
  }
}

/** Returns how many orphaned ffmpeg processes were killed. */
export function sweepOrphanedStreams(base: string): number {
  let killed = 0;
  let names: string[];
  try {
    names = readdirSync(base).filter((n) => n.startsWith(WORK_DIR_PREFIX));
  } catch {
    return 0; // no media work folder yet: nothing can be orphaned
  }
  for (const name of names) {
    const hubPid = Number(/^grid-media-(\d+)-/.exec(name)?.[1]);
    if (!hubPid || hubPid === process.pid || isRunning(hubPid)) continue;
    const dir = join(base, name);
    for (const stream of readdirSync(dir)) {
      const pidFile = join(dir, stream, PID_FILE);
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : NaN;
      if (pid > 0 && isRunning(pid) && isFfmpeg(pid)) {
        process.kill(pid, 'SIGKILL');
        killed++;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return killed;
}
