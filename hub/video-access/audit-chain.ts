/**
 * The view audit's hash chain: row n stores hash_n = sha256(hash_{n-1} || "\n" || canonical(row n)), the first row
 * chaining from 64 zeros. Editing a row breaks its own hash; deleting or inserting one breaks the next row's link; a
 * truncated tail no longer matches the head recorded in `meta` (an attacker able to rewrite the whole file can of
 * course rebuild everything: record the printed head hash elsewhere to catch that too).
 *
 * Works on the raw better-sqlite3 handle so the verify CLI can open the file read-only without running migrations.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_HEAD_META_KEY = 'view_audit_head';

/** Column order of the canonical form; changing it invalidates every chain, so it never changes. */
export const CHAINED_COLUMNS = [
  'id',
  'kind',
  'at',
  'user_id',
  'username',
  'user_display_name',
  'user_unit_code',
  'camera_id',
  'camera_code',
  'camera_name',
  'camera_unit_code',
  'quality',
  'reason',
  'case_id',
  'session_id',
  'token_id',
  'ip',
  'from_at',
  'to_at',
  'detail',
] as const;
export type ChainedRow = Record<(typeof CHAINED_COLUMNS)[number], string | number | null> & { id: number };

export function rowHash(prevHash: string, row: ChainedRow): string {
  const canonical = JSON.stringify(CHAINED_COLUMNS.map((c) => row[c]));
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

export type ChainReport =
  { ok: true; rows: number; head: string } | { ok: false; rows: number; brokenAtId: number | null; reason: string };

/** Walks the whole chain in id order, streaming rows, and reports the first break. */
export function verifyAuditChain(db: Database.Database): ChainReport {
  const stmt = db.prepare(`SELECT ${CHAINED_COLUMNS.join(', ')}, prev_hash, hash FROM view_audit ORDER BY id`);
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const raw of stmt.iterate()) {
    const row = raw as ChainedRow & { prev_hash: string; hash: string };
    if (row.id !== expectedId) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${expectedId} is missing (next id is ${row.id})` };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${row.id} does not link to row ${row.id - 1}` };
    }
    if (rowHash(prev, row) !== row.hash) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${row.id} was altered (its hash does not match)` };
    }
    prev = row.hash;
    expectedId++;
    rows++;
  }
  const head = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(AUDIT_HEAD_META_KEY) as
    { value: string } | undefined;
  const expectedHead = rows === 0 ? undefined : `${rows}:${prev}`;
  if (head?.value !== expectedHead) {
    return {
      ok: false,
      rows,
      brokenAtId: null,
      reason: `the chain ends at row ${rows} but the recorded head is ${head?.value ?? 'missing'} (rows removed at the end?)`,
    };
  }
  return { ok: true, rows, head: prev };
}
