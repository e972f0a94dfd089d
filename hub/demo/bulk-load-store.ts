/**
 * The demo history's first-start import, made fast: ~250,000 cases go in with the secondary indexes of the tables
 * they fill dropped and built again afterwards (one sorted build is several times cheaper than a quarter of a million
 * scattered b-tree inserts), and with a page cache large enough that the transaction does not spill to the WAL on
 * the way. Unique indexes stay (the importer looks cases up by number and external id), and so do triggers. Runs
 * inside the caller's transaction: a failure rolls the dropped indexes back with everything else.
 */
import type { HubDatabase } from '../db/database.js';
import { ident, sql, sqlJoin } from '../db/sql.js';
import { withSearchDeferred } from '../search/search-index-store.js';

const BULK_TABLES = ['cases', 'case_history', 'case_holders', 'case_changes', 'case_dispute_outcomes'];
const BULK_CACHE_KIB = 262_144;
const NORMAL_CACHE_KIB = 65_536;

export function withIndexesDeferred<T>(db: HubDatabase, work: () => T): T {
  const indexes = db
    .all<{ name: string; sql: string }>(
      sql`SELECT name, sql FROM sqlite_master
          WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sqlJoin(BULK_TABLES.map((t) => sql`${t}`))})`,
    )
    .filter((index) => !/^CREATE\s+UNIQUE/i.test(index.sql));
  db.raw.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    for (const index of indexes) db.run(sql`DROP INDEX ${ident(index.name)}`);
    // The word index is built once at the end too (INSERT … SELECT), not row by row.
    const result = withSearchDeferred(db.raw, work);
    // The statements were written by the migrations (sqlite_master keeps them verbatim), not by any user.
    for (const index of indexes) db.raw.exec(index.sql);
    return result;
  } finally {
    db.raw.pragma(`cache_size = -${NORMAL_CACHE_KIB}`);
  }
}
