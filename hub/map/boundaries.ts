/**
 * Boundaries of the caller's scope for the map: its own unit and everything below, as GeoJSON polygons with zh-CN
 * names. The demo county's outlines are light (≈230 kB for all 1,150 units), but a real county's surveyed
 * boundaries can carry thousands of vertices a ring, so rings above a budget are simplified per level — the map
 * draws grids only from close zoom, so they can lose more than the county outline. Cached per database: boundaries
 * change with a re-survey, not with the day's events.
 */
import { simplify } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { MapBoundary } from '../../common/map-schemas.js';
import type { OrgLevel } from '../../common/org.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';

/** Vertices a unit may keep before it is simplified. */
const VERTEX_BUDGET = 400;
/** Douglas–Peucker tolerance in degrees (≈ metres × 1e-5 at this latitude). */
const TOLERANCE: Readonly<Record<OrgLevel, number>> = {
  county: 0.0002,
  township: 0.0002,
  village: 0.0001,
  grid: 0.00005,
};

interface BoundaryRow {
  code: string;
  name: string;
  level: OrgLevel;
  boundary: string;
}

const cache = new WeakMap<HubDatabase, Map<string, MapBoundary>>();

/** After an org-tree import: a unit keeps its code when its outline changes, so the cache is dropped whole. */
export function forgetBoundaries(db: HubDatabase): void {
  cache.delete(db);
}

function vertexCount(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

function toBoundary(row: BoundaryRow): MapBoundary | null {
  let geometry = JSON.parse(row.boundary) as Polygon | MultiPolygon;
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return null;
  if (vertexCount(geometry) > VERTEX_BUDGET) {
    geometry = simplify(geometry, { tolerance: TOLERANCE[row.level], highQuality: false, mutate: false });
  }
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    geometry: geometry as MapBoundary['geometry'],
  };
}

/** The scope's units with a boundary, parents before children (code order). */
export function boundariesInScope(db: HubDatabase, scopeCode: string): MapBoundary[] {
  let known = cache.get(db);
  if (!known) {
    known = new Map();
    cache.set(db, known);
  }
  const rows = db.all<{ code: string }>(sql`
    SELECT code FROM org_units WHERE ${inSubtree(sql`code`, scopeCode)} AND boundary IS NOT NULL ORDER BY code`);
  const missing = rows.filter((row) => !known.has(row.code));
  if (missing.length > 0) {
    const loaded = db.all<BoundaryRow>(sql`
      SELECT code, name, level, boundary FROM org_units
      WHERE ${inSubtree(sql`code`, scopeCode)} AND boundary IS NOT NULL`);
    for (const row of loaded) {
      const boundary = toBoundary(row);
      if (boundary) known.set(row.code, boundary);
    }
  }
  return rows.map((row) => known.get(row.code)).filter((b): b is MapBoundary => b !== undefined);
}
