/**
 * Backups cover the attachments' files: beside each `hub-<time>.sqlite` a folder `hub-<time>.attachments/` holds
 * every file the copied database names (same `ab/cd/<sha256>` layout). Stored files never change, so they are
 * hard-linked when the backup folder is on the same file system (no extra space) and copied otherwise. Restore
 * puts them back into `<dataDir>/attachments`.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ATTACHMENTS_FOLDER, storedPath } from './attachment-files.js';
import { hashesNamedBy } from './attachments-store.js';

/** `hub-<time>.sqlite` → `hub-<time>.attachments`. */
export const backupAttachmentsDir = (backupFile: string): string => backupFile.replace(/\.sqlite$/, '.attachments');

function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
  if (existsSync(to)) return;
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Copies the files the backup's database (`copiedDb`, already consistent) names from the live folder into the
 * backup's folder (built under `.partial`, renamed when whole). A file missing from the live folder fails the
 * backup loudly: a backup that silently lacks evidence would only be found out at restore.
 */
export function backupAttachments(
  copiedDb: string,
  liveDbPath: string,
  backupFile: string,
  nativeBinding?: string,
): number {
  const hashes = hashesNamedBy(copiedDb, nativeBinding);
  const target = backupAttachmentsDir(backupFile);
  if (hashes.length === 0) return 0;
  const live = join(dirname(liveDbPath), ATTACHMENTS_FOLDER);
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    for (const sha of hashes) {
      const from = storedPath(live, sha);
      if (!existsSync(from)) throw new Error(`attachment file ${sha} is missing from ${live}`);
      linkOrCopy(from, storedPath(partial, sha));
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  return hashes.length;
}

/** Puts a backup's attachment files into `<dataDir>/attachments` (files already there are kept: same content). */
export function restoreAttachments(
  backupFile: string,
  restoredDb: string,
  dataDir: string,
  nativeBinding?: string,
): number {
  const hashes = hashesNamedBy(restoredDb, nativeBinding);
  const from = backupAttachmentsDir(backupFile);
  const live = join(dataDir, ATTACHMENTS_FOLDER);
  for (const sha of hashes) {
    const source = storedPath(from, sha);
    if (!existsSync(source)) throw new Error(`the backup lacks attachment file ${sha} (expected in ${from})`);
    linkOrCopy(source, storedPath(live, sha));
  }
  return hashes.length;
}

export function removeBackupAttachments(backupFile: string): void {
  rmSync(backupAttachmentsDir(backupFile), { recursive: true, force: true });
}
