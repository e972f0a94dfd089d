/**
 * `npm run audit:verify [-- <path to hub.sqlite>]`: walks both hash chains — the view audit and the admin audit —
 * and reports the first broken row of each (exit 1), or their row counts and head hashes (exit 0). Opens the
 * database read-only, so it can run beside a live hub. Without a path it checks the hub of this environment
 * (GRID_DATA_DIR, default .grid-data). A database from before migration 0013 has no admin audit, which is said.
 *
 * Keep the printed head hashes somewhere else (a log, a printout): a chain rebuilt from scratch by someone with file
 * access verifies on its own, but no longer reaches a head recorded outside the database.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { ADMIN_AUDIT_CHAIN } from '../admin-audit/admin-audit-store.js';
import { hubConfigFromEnv } from '../config.js';
import { hasChainTable, verifyChain, type ChainSpec } from '../db/hash-chain-store.js';
import { VIEW_AUDIT_CHAIN } from './audit-chain.js';

const path = process.argv[2] ?? hubConfigFromEnv(process.env, { dataDir: '.grid-data', port: 0 }).dbPath;
if (!existsSync(path)) {
  console.error(`audit:verify: no database at ${path}`);
  process.exit(2);
}
const chains: Array<[string, ChainSpec<string>]> = [
  ['view audit', VIEW_AUDIT_CHAIN],
  ['admin audit', ADMIN_AUDIT_CHAIN],
];
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  for (const [name, spec] of chains) {
    if (!hasChainTable(db, spec)) {
      console.log(`${name}: no table yet (database from before its migration) (${path})`);
      continue;
    }
    const report = verifyChain(db, spec);
    if (report.ok) {
      console.log(`${name} OK: ${report.rows} rows, head ${report.head} (${path})`);
    } else {
      const where = report.brokenAtId === null ? 'at the end of the chain' : `at row ${report.brokenAtId}`;
      console.error(`${name} BROKEN ${where}: ${report.reason}; ${report.rows} rows verified before it (${path})`);
      process.exitCode = 1;
    }
  }
} finally {
  db.close();
}
