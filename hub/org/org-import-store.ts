/** SQL of the org-tree import: the stored tree to compare against, what holds a unit, and the writes. */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import { toOrgUnit, type OrgUnitRecord, type OrgUnitRow } from './org-units-store.js';

/** Every unit with its boundary text, by code: what an import is compared against. */
export function storedUnits(db: HubDatabase): Map<string, OrgUnitRecord> {
  const rows = db.all<OrgUnitRow & { boundary: string | null }>(sql`
    SELECT code, name, level, kind, parent_code, population, households, center_lon, center_lat, boundary
    FROM org_units`);
  return new Map(rows.map((r) => [r.code, { ...toOrgUnit(r), boundary: r.boundary }]));
}

/**
 * For each of `codes` that something still points at: what (cameras — retired ones too, their audit points at
 * them —, cases, users, wall layouts, camera grants, case holders). A unit listed here cannot be removed.
 */
export function unitsHoldingAnything(db: HubDatabase, codes: readonly string[]): Map<string, string[]> {
  const json = JSON.stringify(codes);
  const rows = db.all<{ code: string; what: string; n: number }>(sql`
    WITH gone(code) AS (SELECT value FROM json_each(${json}))
    SELECT org_unit_code AS code, 'cameras' AS what, count(*) AS n FROM cameras
      WHERE org_unit_code IN gone GROUP BY org_unit_code
    UNION ALL SELECT grid_code, 'cases', count(*) FROM cases WHERE grid_code IN gone GROUP BY grid_code
    UNION ALL SELECT owner_unit_code, 'cases owned', count(*) FROM cases
      WHERE owner_unit_code IN gone GROUP BY owner_unit_code
    UNION ALL SELECT org_unit_code, 'users', count(*) FROM users WHERE org_unit_code IN gone GROUP BY org_unit_code
    UNION ALL SELECT unit_code, 'wall layouts', count(*) FROM wall_layouts WHERE unit_code IN gone GROUP BY unit_code
    UNION ALL SELECT grantee_unit_code, 'camera grants', count(*) FROM camera_grants
      WHERE grantee_unit_code IN gone GROUP BY grantee_unit_code
    UNION ALL SELECT org_code, 'case holders', count(*) FROM case_holders WHERE org_code IN gone GROUP BY org_code`);
  const held = new Map<string, string[]>();
  for (const row of rows) held.set(row.code, [...(held.get(row.code) ?? []), `${row.n} ${row.what}`]);
  return held;
}

export function insertImportedUnit(db: HubDatabase, u: OrgUnitRecord, at: number): void {
  db.run(sql`
    INSERT INTO org_units (code, name, level, kind, parent_code, population, households, center_lon, center_lat,
                           boundary, imported_at)
    VALUES (${u.code}, ${u.name}, ${u.level}, ${u.kind}, ${u.parentCode}, ${u.population}, ${u.households},
            ${u.center[0]}, ${u.center[1]}, ${u.boundary}, ${at})`);
}

export function updateImportedUnit(db: HubDatabase, u: OrgUnitRecord, at: number): void {
  db.run(sql`
    UPDATE org_units SET name = ${u.name}, kind = ${u.kind}, population = ${u.population},
      households = ${u.households}, center_lon = ${u.center[0]}, center_lat = ${u.center[1]},
      boundary = ${u.boundary}, imported_at = ${at}
    WHERE code = ${u.code}`);
}

/** Deepest first, so no unit is deleted while a child still points at it. */
export function deleteUnits(db: HubDatabase, codes: readonly string[]): void {
  for (const code of [...codes].sort((a, b) => b.length - a.length || a.localeCompare(b))) {
    db.run(sql`DELETE FROM org_units WHERE code = ${code}`);
  }
}
