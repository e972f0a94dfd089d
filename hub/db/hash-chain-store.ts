/**
 * Append-only, hash-chained tables (the view audit, migration 0005; the admin audit, migration 0013): one
 * implementation for both. Row n stores hash_n = sha256(hash_{n-1} || "\n" || JSON of its chained columns in their
 * fixed order), the first row chaining from 64 zeros; the head (`<rows>:<hash>`) is kept in `meta`. Editing a row
 * breaks its own hash; deleting or inserting one breaks the next row's link; a truncated tail no longer matches the
 * head (an attacker able to rewrite the whole file can of course rebuild everything: record the printed head hash
 * elsewhere to catch that too).
 *
 * Verifying works on a raw better-sqlite3 handle so the verify CLI can open the file read-only without migrations.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HubDatabase } from './database.js';
import { ident, sql, sqlJoin } from './sql.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainSpec<C extends string> {
  readonly table: string;
  /** Column order of the canonical form; changing it invalidates every chain, so it never changes. */
  readonly columns: readonly C[];
  /** The `meta` key holding `<rows>:<head hash>`. */
  readonly headKey: string;
}

export type ChainRow<C extends string> = Record<C, string | number | null> & { id: number };

export function chainRowHash<C extends string>(spec: ChainSpec<C>, prevHash: string, row: ChainRow<C>): string {
  const canonical = JSON.stringify(spec.columns.map((c) => row[c]));
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/**
 * Appends one row (its id the next in sequence) and moves the head, in one transaction — a savepoint when the
 * caller is already in one, so the audit row commits or rolls back with the act it records.
 */
export function appendToChain<C extends string>(
  db: HubDatabase,
  spec: ChainSpec<C>,
  fields: Omit<ChainRow<C>, 'id'>,
): { id: number; hash: string } {
  return db.transaction(() => {
    const last = db.get<{ id: number; hash: string }>(
      sql`SELECT id, hash FROM ${ident(spec.table)} ORDER BY id DESC LIMIT 1`,
    );
    const row = { ...fields, id: (last?.id ?? 0) + 1 } as ChainRow<C>;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = chainRowHash(spec, prevHash, row);
    const columns = spec.columns as readonly string[];
    const values = columns.map((c) => sql`${(row as Record<string, string | number | null>)[c] ?? null}`);
    db.run(sql`
      INSERT INTO ${ident(spec.table)} (${sqlJoin(columns.map((c) => ident(c)))}, prev_hash, hash)
      VALUES (${sqlJoin(values)}, ${prevHash}, ${hash})`);
    db.run(sql`
      INSERT INTO meta (key, value) VALUES (${spec.headKey}, ${`${row.id}:${hash}`})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    return { id: row.id, hash };
  });
}

export type ChainReport =
  { ok: true; rows: number; head: string } | { ok: false; rows: number; brokenAtId: number | null; reason: string };

/** Walks the whole chain in id order, streaming rows, and reports the first break. */
export function verifyChain<C extends string>(db: Database.Database, spec: ChainSpec<C>): ChainReport {
  const stmt = db.prepare(`SELECT ${spec.columns.join(', ')}, prev_hash, hash FROM ${spec.table} ORDER BY id`);
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const raw of stmt.iterate()) {
    const row = raw as ChainRow<C> & { prev_hash: string; hash: string };
    if (row.id !== expectedId) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${expectedId} is missing (next id is ${row.id})` };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${row.id} does not link to row ${row.id - 1}` };
    }
    if (chainRowHash(spec, prev, row) !== row.hash) {
      return { ok: false, rows, brokenAtId: row.id, reason: `row ${row.id} was altered (its hash does not match)` };
    }
    prev = row.hash;
    expectedId++;
    rows++;
  }
  const head = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(spec.headKey) as { value: string } | undefined;
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

/** Whether the file has the table at all (a database from before its migration). */
export function hasChainTable(db: Database.Database, spec: ChainSpec<string>): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(spec.table) !== undefined;
}
