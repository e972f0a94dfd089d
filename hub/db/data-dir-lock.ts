/**
 * `<hub.sqlite>.pid`: which process runs a hub on this database, so `restore` can refuse to replace a file a hub
 * has open. A file left behind by a killed hub names a process that no longer exists and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const pidFile = (dbPath: string) => `${dbPath}.pid`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The pid of a live hub on this database, or null. */
export function runningHubPid(dbPath: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(dbPath), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Marks the database as in use by this process; the returned function unmarks it (only if still ours). */
export function markDatabaseInUse(dbPath: string): () => void {
  if (dbPath === ':memory:') return () => {};
  writeFileSync(pidFile(dbPath), `${process.pid}\n`, { mode: 0o600 });
  return () => {
    if (runningHubPid(dbPath) === process.pid) rmSync(pidFile(dbPath), { force: true });
  };
}
