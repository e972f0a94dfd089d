/**
 * The hub's queries use the shared `sql` tagged templates (node-shared/sqlite/sql.ts); this adds the one fragment
 * that knows about org codes.
 */
import { sql, type SqlFragment } from '../../node-shared/sqlite/sql.js';

export { ident, sql, sqlJoin, type SqlFragment, type SqlQuery } from '../../node-shared/sqlite/sql.js';

/**
 * Rows of a unit's subtree by code range rather than `LIKE 'x%'`: the range uses the primary-key index whatever the
 * collation, and ':' sorts right after '9', so [code, code + ':') holds exactly the codes starting with `code`.
 */
export function inSubtree(column: SqlFragment, scopeCode: string): SqlFragment {
  return sql`(${column} >= ${scopeCode} AND ${column} < ${scopeCode + ':'})`;
}
