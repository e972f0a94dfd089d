import type { OrgLevel, OrgUnitKind } from '../../common/org.js';
import type { OrgUnit } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';

export interface OrgUnitRecord extends OrgUnit {
  /** GeoJSON geometry as stored (text), null where a unit has no boundary. */
  readonly boundary: string | null;
}

export interface OrgUnitRow {
  code: string;
  name: string;
  level: OrgLevel;
  kind: OrgUnitKind;
  parent_code: string | null;
  population: number;
  households: number;
  center_lon: number;
  center_lat: number;
}

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  code: row.code,
  name: row.name,
  level: row.level,
  kind: row.kind,
  parentCode: row.parent_code,
  population: row.population,
  households: row.households,
  center: [row.center_lon, row.center_lat],
});

/** Parents must come before children (the foreign key checks it). */
export function insertOrgUnits(db: HubDatabase, units: readonly OrgUnitRecord[]): void {
  db.transaction(() => {
    for (const u of units) {
      db.run(sql`
        INSERT INTO org_units (code, name, level, kind, parent_code, population, households, center_lon, center_lat, boundary)
        VALUES (${u.code}, ${u.name}, ${u.level}, ${u.kind}, ${u.parentCode}, ${u.population}, ${u.households},
                ${u.center[0]}, ${u.center[1]}, ${u.boundary})`);
    }
  });
}

/** The subtree rooted at `scopeCode`, ordered by code (so parents precede their children). */
export function listOrgUnitsInScope(db: HubDatabase, scopeCode: string): OrgUnit[] {
  return db
    .all<OrgUnitRow>(
      sql`
      SELECT code, name, level, kind, parent_code, population, households, center_lon, center_lat
      FROM org_units WHERE ${inSubtree(sql`code`, scopeCode)} ORDER BY code`,
    )
    .map(toOrgUnit);
}

export function getOrgUnit(db: HubDatabase, code: string): OrgUnit | undefined {
  const row = db.get<OrgUnitRow>(sql`
    SELECT code, name, level, kind, parent_code, population, households, center_lon, center_lat
    FROM org_units WHERE code = ${code}`);
  return row && toOrgUnit(row);
}

export function countOrgUnits(db: HubDatabase): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM org_units`)?.n ?? 0;
}

/** The county unit (the tree's root), if the tree has one yet. */
export function countyRoot(db: HubDatabase): OrgUnit | undefined {
  const row = db.get<OrgUnitRow>(sql`
    SELECT code, name, level, kind, parent_code, population, households, center_lon, center_lat
    FROM org_units WHERE level = 'county' ORDER BY code LIMIT 1`);
  return row && toOrgUnit(row);
}
