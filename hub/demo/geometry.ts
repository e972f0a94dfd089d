/**
 * Small planar helpers for the demo geometry. Everything is built in a local equirectangular projection in
 * kilometres (accurate to well under 1 % over a 40 km county), so distances, Voronoi cells and areas behave
 * metrically, and converted back to lon/lat for turf and for output. The projection is affine, so straight
 * Voronoi edges stay straight and the partitions stay exact.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Geometry = Polygon | MultiPolygon;
export type LonLat = [number, number];

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

export interface Projection {
  toKm(p: Position): [number, number];
  toLonLat(p: readonly [number, number]): LonLat;
  /** km per degree of longitude / latitude at the origin. */
  kx: number;
  ky: number;
}

export function localProjection(origin: LonLat): Projection {
  const kx = KM_PER_DEG_LON_EQUATOR * Math.cos((origin[1] * Math.PI) / 180);
  const ky = KM_PER_DEG_LAT;
  return {
    kx,
    ky,
    toKm: (p) => [(p[0]! - origin[0]) * kx, (p[1]! - origin[1]) * ky],
    toLonLat: (p) => [origin[0] + p[0] / kx, origin[1] + p[1] / ky],
  };
}

/** 6 decimals ≈ 0.1 m: plenty for a map, and keeps the JSON small and stable. */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no "-0" in the JSON
}

export function roundPoint(p: Position): LonLat {
  return [round6(p[0]!), round6(p[1]!)];
}

/** The polygons of a geometry as a list of ring lists. */
export function partsOf(geom: Geometry): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

/** Signed shoelace area of a ring in the projection's km² (positive = counter-clockwise). */
export function ringAreaKm2(ring: readonly Position[], proj: Projection): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return (s / 2) * proj.kx * proj.ky;
}

export function polygonAreaKm2(rings: readonly Position[][], proj: Projection): number {
  let area = Math.abs(ringAreaKm2(rings[0]!, proj));
  for (const hole of rings.slice(1)) area -= Math.abs(ringAreaKm2(hole, proj));
  return area;
}

export function geometryAreaKm2(geom: Geometry, proj: Projection): number {
  return partsOf(geom).reduce((sum, rings) => sum + polygonAreaKm2(rings, proj), 0);
}

/** Drops consecutive duplicates (rounding can merge vertices); null when fewer than 3 distinct vertices remain. */
function cleanRing(ring: readonly Position[]): LonLat[] | null {
  const out: LonLat[] = [];
  for (const p of ring) {
    const q = roundPoint(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

/**
 * Rounds to 6 decimals and drops degenerate pieces: the polygon clipper can leave slivers of a few m² where a
 * Voronoi edge grazes a parent vertex, which would show up as stray MultiPolygon parts.
 */
export function cleanGeometry(geom: Geometry, proj: Projection, minPartKm2 = 1e-4): Geometry | null {
  const parts: LonLat[][][] = [];
  for (const rings of partsOf(geom)) {
    const outer = rings[0] && cleanRing(rings[0]);
    if (!outer || Math.abs(ringAreaKm2(outer, proj)) < minPartKm2) continue;
    const holes: LonLat[][] = [];
    for (const hole of rings.slice(1)) {
      const h = cleanRing(hole);
      if (h && Math.abs(ringAreaKm2(h, proj)) >= minPartKm2) holes.push(h);
    }
    parts.push([outer, ...holes]);
  }
  if (parts.length === 0) return null;
  // Largest part first, so consumers that only look at the first polygon get the main body.
  parts.sort((a, b) => polygonAreaKm2(b, proj) - polygonAreaKm2(a, proj));
  return parts.length === 1
    ? { type: 'Polygon', coordinates: parts[0]! }
    : { type: 'MultiPolygon', coordinates: parts };
}

/** Even–odd point-in-polygon over all rings of one polygon (holes included). */
function insideRings(p: readonly [number, number], rings: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a[1]! > p[1] !== b[1]! > p[1] && p[0] < ((b[0]! - a[0]!) * (p[1] - a[1]!)) / (b[1]! - a[1]!) + a[0]!) {
        inside = !inside;
      }
    }
  }
  return inside;
}

export function insideGeometry(p: readonly [number, number], geom: Geometry): boolean {
  return partsOf(geom).some((rings) => insideRings(p, rings));
}

/** Distance in km from a point to the nearest edge of the geometry. */
export function distanceToBoundaryKm(p: Position, geom: Geometry, proj: Projection): number {
  const [px, py] = proj.toKm(p);
  let best = Infinity;
  for (const rings of partsOf(geom)) {
    for (const ring of rings) {
      let [ax, ay] = proj.toKm(ring[0]!);
      for (let i = 1; i < ring.length; i++) {
        const [bx, by] = proj.toKm(ring[i]!);
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
        ax = bx;
        ay = by;
      }
    }
  }
  return best;
}

export function bboxOf(geom: Geometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of partsOf(geom)) {
    for (const p of rings[0]!) {
      minX = Math.min(minX, p[0]!);
      minY = Math.min(minY, p[1]!);
      maxX = Math.max(maxX, p[0]!);
      maxY = Math.max(maxY, p[1]!);
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * A label/center point well inside the geometry: among midpoints of horizontal chords across the largest part,
 * the one farthest from any edge. A plain centroid can fall outside an L- or crescent-shaped cell, and turf's
 * pointOnFeature may return a vertex (on the boundary), which fails a strict containment check after rounding.
 */
export function interiorPoint(geom: Geometry, proj: Projection): LonLat {
  const rings = partsOf(geom)[0]!; // cleanGeometry puts the largest part first
  const part: Polygon = { type: 'Polygon', coordinates: rings };
  const [, minY, , maxY] = bboxOf(part);
  let best: LonLat | null = null;
  let bestDepth = -Infinity;
  const LINES = 15;
  for (let k = 1; k <= LINES; k++) {
    const y = minY + ((maxY - minY) * k) / (LINES + 1);
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]!;
        const b = ring[j]!;
        if (a[1]! > y !== b[1]! > y) xs.push(a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
      }
    }
    xs.sort((u, v) => u - v);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const candidate = roundPoint([(xs[i]! + xs[i + 1]!) / 2, y]);
      if (!insideRings(candidate, rings)) continue;
      const depth = distanceToBoundaryKm(candidate, part, proj);
      if (depth > bestDepth) {
        bestDepth = depth;
        best = candidate;
      }
    }
  }
  if (!best) throw new Error('no interior point found');
  return best;
}
