/**
 * `npm run audit:verify [-- <path to hub.sqlite>]`: walks the view audit's hash chain and reports the first broken
 * row (exit 1), or the row count and head hash (exit 0). Opens the database read-only, so it can run beside a live
 * hub. Without a path it checks the hub of this environment (GRID_DATA_DIR, default .grid-data).
 *
 * Keep the printed head hash somewhere else (a log, a printout): a chain rebuilt from scratch by someone with file
 * access verifies on its own, but no longer reaches a head recorded outside the database.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { hubConfigFromEnv } from '../config.js';
import { verifyAuditChain } from './audit-chain.js';

const path = process.argv[2] ?? hubConfigFromEnv(process.env, { dataDir: '.grid-data', port: 0 }).dbPath;
if (!existsSync(path)) {
  console.error(`audit:verify: no database at ${path}`);
  process.exit(2);
}
const db = new Database(path, { readonly: true, fileMustExist: true });
try {
  const report = verifyAuditChain(db);
  if (report.ok) {
    console.log(`view audit OK: ${report.rows} rows, head ${report.head} (${path})`);
  } else {
    const where = report.brokenAtId === null ? 'at the end of the chain' : `at row ${report.brokenAtId}`;
    console.error(`view audit BROKEN ${where}: ${report.reason}; ${report.rows} rows verified before it (${path})`);
    process.exitCode = 1;
  }
} finally {
  db.close();
}
