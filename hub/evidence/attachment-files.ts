/**
 * The attachments' files on disk, beside the database: `<dataDir>/attachments/ab/cd/<sha256>`, named by the hash of
 * their content, written once and never changed (so backups can hard-link them). Work in progress lives in
 * `attachments/.tmp/` and is moved into place in the same step its row is written: a file is only ever served
 * through a row, so a crash between the two leaves an unreferenced file, which the start-up sweep removes together
 * with whatever `.tmp` held.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ATTACHMENTS_FOLDER = 'attachments';
const TMP = '.tmp';
const HASH = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The attachments folder of the hub whose database is `dbPath`. */
export const attachmentsDirOf = (dbPath: string): string => join(dirname(dbPath), ATTACHMENTS_FOLDER);

export function storedPath(root: string, sha256: string): string {
  if (!HASH.test(sha256)) throw new Error('not a sha256');
  return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export class AttachmentFiles {
  constructor(readonly root: string) {}

  /** A fresh private work folder under `.tmp` (removed by the caller, or by the next start's sweep). */
  workFolder(): string {
    const tmp = join(this.root, TMP);
    mkdirSync(tmp, { recursive: true, mode: 0o700 });
    return mkdtempSync(join(tmp, `${randomUUID().slice(0, 8)}-`));
  }

  has(sha256: string): boolean {
    return existsSync(storedPath(this.root, sha256));
  }

  read(sha256: string): Buffer {
    return readFileSync(storedPath(this.root, sha256));
  }

  /**
   * Moves a finished work file into its content-addressed place (a rename: same file system, atomic). Answers
   * whether this call put it there — false when the content was already stored (dedup), and the work file is
   * dropped.
   */
  place(workFile: string, sha256: string): boolean {
    const target = storedPath(this.root, sha256);
    if (existsSync(target)) {
      rmSync(workFile, { force: true });
      return false;
    }
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    renameSync(workFile, target);
    return true;
  }

  /** Undoes `place` for a file whose row was not written. */
  remove(sha256: string): void {
    rmSync(storedPath(this.root, sha256), { force: true });
  }

  /**
   * At start: drops `.tmp` (uploads cut off midway) and every stored file no row names (a crash between the move
   * and the commit). Answers how many stored files were removed.
   */
  sweep(referenced: ReadonlySet<string>): number {
    rmSync(join(this.root, TMP), { recursive: true, force: true });
    if (!existsSync(this.root)) return 0;
    let removed = 0;
    for (const a of readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of readdirSync(join(this.root, a))) {
        for (const name of readdirSync(join(this.root, a, b))) {
          if (!referenced.has(name)) {
            rmSync(join(this.root, a, b, name), { force: true });
            removed++;
          }
        }
      }
    }
    return removed;
  }
}
