/**
 * The word index of cases (`case_search`, migration 0024): one contentless FTS5 row per case, kept in step by the
 * cases store's write path, or rebuilt in one INSERT … SELECT after a bulk load (the demo history, the migration).
 *
 * The FTS row id is the case's sort key — report second × 2^31 + case id — not the case id: FTS5 walks row ids in
 * order, so "newest first" over a word's hits stops after one page instead of sorting every hit of a common word. The
 * case id is the key modulo 2^31; the key is only ever computed in SQL from the INTEGER columns (a JS number would
 * lose its low bits).
 */
import type Database from 'better-sqlite3';
import { caseSearchText, type PlaceNames } from './case-search-text.js';

/** The sort key of `cases` row `c`, as SQL (see above). */
export const SEARCH_KEY_SQL = '((c.reported_at / 1000) * 2147483648 + c.id)';

const placeNames = new WeakMap<Database.Database, Map<string, string>>();
const deferred = new WeakSet<Database.Database>();
const registered = new WeakSet<Database.Database>();

function loadPlaceNames(db: Database.Database): Map<string, string> {
  const rows = db.prepare(`SELECT code, name FROM org_units WHERE level <> 'county'`).all() as Array<{
    code: string;
    name: string;
  }>;
  const names = new Map(rows.map((r) => [r.code, r.name]));
  placeNames.set(db, names);
  return names;
}

/** Registers `case_search_text(grid_code, description, snapshot)` on the connection (once per connection). */
function ensureFunction(db: Database.Database): void {
  if (registered.has(db)) return;
  registered.add(db);
  if (!placeNames.has(db)) loadPlaceNames(db);
  db.function('case_search_text', { deterministic: true }, (grid, description, snapshot) => {
    let names: PlaceNames = placeNames.get(db)!;
    // A grid added since the names were read (county import): read them again once.
    if (!names.has(String(grid))) names = loadPlaceNames(db);
    return caseSearchText(String(grid), String(description), String(snapshot), names);
  });
}

/** (Re)writes the case's row of the index; skipped while a bulk load defers the index to its end. */
export function indexCase(db: Database.Database, caseId: number): void {
  if (deferred.has(db)) return;
  ensureFunction(db);
  db.prepare(`DELETE FROM case_search WHERE rowid = (SELECT ${SEARCH_KEY_SQL} FROM cases c WHERE c.id = ?)`).run(
    caseId,
  );
  db.prepare(
    `INSERT INTO case_search (rowid, body)
     SELECT ${SEARCH_KEY_SQL}, case_search_text(c.grid_code, c.description, c.snapshot) FROM cases c WHERE c.id = ?`,
  ).run(caseId);
}

/** The whole index again from `cases`, in one statement (a bulk load's end, the migration). */
export function rebuildCaseSearch(db: Database.Database): void {
  loadPlaceNames(db);
  ensureFunction(db);
  db.exec(`INSERT INTO case_search (case_search) VALUES ('delete-all')`);
  db.exec(`INSERT INTO case_search (rowid, body)
    SELECT ${SEARCH_KEY_SQL}, case_search_text(c.grid_code, c.description, c.snapshot) FROM cases c`);
}

/** Runs a bulk load with per-case indexing off, then builds the index once (inside the caller's transaction). */
export function withSearchDeferred<T>(db: Database.Database, work: () => T): T {
  deferred.add(db);
  try {
    const result = work();
    deferred.delete(db);
    rebuildCaseSearch(db);
    return result;
  } finally {
    deferred.delete(db);
  }
}
