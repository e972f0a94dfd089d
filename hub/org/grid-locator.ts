/**
 * Which grid a reported point falls in. The 907 grid polygons are bucketed by bounding box into a coarse lon/lat
 * lattice once, so a lookup tests the few polygons whose box covers the point instead of all of them (intake runs
 * this for every report, thousands a second at peak).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

interface GridShape {
  readonly code: string;
  readonly geometry: Polygon | MultiPolygon;
  readonly bbox: readonly [number, number, number, number];
}

const CELL_DEG = 0.02;

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring as Array<[number, number]>) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

export class GridLocator {
  private readonly buckets = new Map<string, GridShape[]>();

  constructor(grids: ReadonlyArray<{ code: string; geometry: Polygon | MultiPolygon }>) {
    for (const grid of grids) {
      const shape: GridShape = { ...grid, bbox: bboxOf(grid.geometry) };
      const [minX, minY, maxX, maxY] = shape.bbox;
      for (let i = Math.floor(minX / CELL_DEG); i <= Math.floor(maxX / CELL_DEG); i++) {
        for (let j = Math.floor(minY / CELL_DEG); j <= Math.floor(maxY / CELL_DEG); j++) {
          const key = `${i}:${j}`;
          const list = this.buckets.get(key) ?? [];
          list.push(shape);
          this.buckets.set(key, list);
        }
      }
    }
  }

  static fromDatabase(db: HubDatabase): GridLocator {
    const rows = db.all<{ code: string; boundary: string }>(
      sql`SELECT code, boundary FROM org_units WHERE level = 'grid' AND boundary IS NOT NULL ORDER BY code`,
    );
    return new GridLocator(
      rows.map((r) => ({ code: r.code, geometry: JSON.parse(r.boundary) as Polygon | MultiPolygon })),
    );
  }

  /** The grid code containing [lon, lat], or null outside the county. */
  locate(lon: number, lat: number): string | null {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const candidates = this.buckets.get(`${Math.floor(lon / CELL_DEG)}:${Math.floor(lat / CELL_DEG)}`) ?? [];
    for (const grid of candidates) {
      const [minX, minY, maxX, maxY] = grid.bbox;
      if (lon < minX || lon > maxX || lat < minY || lat > maxY) continue;
      if (booleanPointInPolygon([lon, lat], grid.geometry)) return grid.code;
    }
    return null;
  }
}
