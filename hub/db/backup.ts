/**
 * Online backups of the hub's database with SQLite's backup API (better-sqlite3 `db.backup`): a consistent copy
 * taken while the hub keeps serving — in WAL mode the copy's read snapshot never blocks a writer. Each copy is
 * written under a `.partial` name, checked (quick_check), made owner-only and only then renamed into place, so a
 * file named `hub-<time>.sqlite` is always a whole, readable backup. Restore copies a backup into a data folder that
 * no running hub uses.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFile } from '../../node-shared/sqlite/database.js';
import { userVersion } from '../../node-shared/sqlite/migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { runningHubPid } from './data-dir-lock.js';
import { backupAttachments, removeBackupAttachments, restoreAttachments } from '../evidence/attachment-backup.js';

const BACKUP_NAME = /^hub-(\d{8}T\d{6}Z)(?:-\d+)?\.sqlite$/;
const LATEST = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly ms: number;
  /** Attachment files in the backup's `hub-<time>.attachments/` folder (issue 15 §2). */
  readonly attachments: number;
}

function stamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Checks a database file as a hub's: opens it read-only, runs quick_check and reads its schema version. */
export function checkHubFile(file: string, nativeBinding?: string): { version: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    const version = userVersion(db);
    if (version < 1) throw new Error(`${file} is not a Grid Command hub database (schema version 0)`);
    if (version > LATEST) throw new Error(`${file} is at schema version ${version}, newer than this hub (${LATEST})`);
    return { version };
  } finally {
    db.close();
  }
}

/**
 * The copy keeps the source's WAL flag, so every later open (even read-only) would leave -wal and -shm files beside
 * it; a backup is one file, so it is switched to a rollback journal (the hub sets WAL again when it opens a restore).
 */
function selfContained(file: string, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Copies `source` (an open connection) into a new `hub-<UTC time>.sqlite` in `dir`. `wholeStep` copies every page in
 * one step — right for a separate process, whose copy would otherwise restart at each commit of the running hub;
 * the hub itself copies 100 pages per turn of the event loop so requests keep being answered meanwhile.
 */
export async function backupDatabase(
  source: Database.Database,
  dir: string,
  options: { now?: number; wholeStep?: boolean; nativeBinding?: string } = {},
): Promise<BackupResult> {
  const started = Date.now();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let file = join(dir, `hub-${stamp(options.now ?? started)}.sqlite`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `hub-${stamp(options.now ?? started)}-${n}.sqlite`);
  const partial = `${file}.partial`;
  ensurePrivateFile(partial);
  let attachments: number;
  try {
    await source.backup(partial, options.wholeStep ? { progress: () => 0x7fffffff } : undefined);
    selfContained(partial, options.nativeBinding);
    checkHubFile(partial, options.nativeBinding);
    // The evidence files this copy names, beside it, before the copy gets its final name.
    attachments = backupAttachments(partial, source.name, file, options.nativeBinding);
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    removeBackupAttachments(file);
    throw err;
  }
  return { file, bytes: statSync(file).size, ms: Date.now() - started, attachments };
}

/** Deletes backups beyond the newest `keep` and, with `maxAgeDays`, those older than that; returns the deleted. */
export function pruneBackups(dir: string, keep: number, maxAgeDays: number | undefined, now: number): string[] {
  if (!existsSync(dir)) return [];
  const backups = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse(); // the name's UTC time sorts newest first
  const oldest = maxAgeDays === undefined ? -Infinity : now - maxAgeDays * 86_400_000;
  const doomed = backups.filter((name, i) => i >= keep || statSync(join(dir, name)).mtimeMs < oldest);
  // The newest backup is never deleted for its age: a hub that stopped backing up still keeps its last copy.
  const deleted = doomed.filter((name) => name !== backups[0]);
  for (const name of deleted) {
    rmSync(join(dir, name), { force: true });
    removeBackupAttachments(join(dir, name));
  }
  return deleted.map((name) => join(dir, name));
}

export interface BackupSchedule {
  readonly dir: string;
  readonly intervalMs: number;
  readonly keep: number;
  readonly maxAgeDays?: number;
}

/** Backs up every `intervalMs` (first one after one interval) and prunes; returns the stop, which waits for a copy. */
export function startBackupSchedule(
  db: Database.Database,
  schedule: BackupSchedule,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  now: () => number = Date.now,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = backupDatabase(db, schedule.dir, { now: now() })
      .then((result) => {
        const pruned = pruneBackups(schedule.dir, schedule.keep, schedule.maxAgeDays, now());
        log.info({ file: result.file, bytes: result.bytes, ms: result.ms, pruned: pruned.length }, 'backup written');
      })
      .catch((err: unknown) => log.error({ err }, 'scheduled backup failed'))
      .finally(() => (running = null));
  }, schedule.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Restores a backup as `<dataDir>/hub.sqlite`. Refused while a hub runs on that folder, and into a folder that
 * already holds files unless `force` — then the current database is kept beside it as `hub.sqlite.before-restore-<time>`.
 */
export async function restoreDatabase(
  backup: string,
  dataDir: string,
  options: { force?: boolean; nativeBinding?: string; now?: number } = {},
): Promise<{ dbPath: string; version: number; keptAside: string | null }> {
  if (!existsSync(backup)) throw new Error(`no such backup file: ${backup}`);
  const { version } = checkHubFile(backup, options.nativeBinding);
  const dbPath = join(dataDir, 'hub.sqlite');
  const pid = runningHubPid(dbPath);
  if (pid !== null) throw new Error(`a hub (pid ${pid}) is running on ${dataDir}; stop it before restoring`);
  const present = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (present.length > 0 && !options.force) {
    throw new Error(`${dataDir} is not empty; pass --force to restore over it (its database is kept beside it)`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let keptAside: string | null = null;
  if (existsSync(dbPath)) {
    keptAside = `${dbPath}.before-restore-${stamp(options.now ?? Date.now())}`;
    // The -wal holds committed pages not yet in the main file: it moves with it, under the same new name.
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAside + suffix);
    }
  }
  const partial = `${dbPath}.restoring`;
  rmSync(partial, { force: true });
  ensurePrivateFile(partial);
  const source = new Database(backup, {
    readonly: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The evidence files first: a database naming files that are not there would serve errors.
  restoreAttachments(backup, partial, dataDir, options.nativeBinding);
  renameSync(partial, dbPath);
  return { dbPath, version, keptAside };
}
