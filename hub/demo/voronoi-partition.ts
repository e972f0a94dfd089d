/**
 * Splitting a parent area into n child areas: seeds are sampled inside the parent (blue-noise, optionally
 * denser where a density function is high), their Voronoi cells are computed with d3-delaunay in the local km
 * projection and each cell is clipped to the parent with turf. Since every seed lies inside the parent and
 * inside its own cell, no clipped cell is empty, and the cells tile the parent up to floating point.
 */
import { Delaunay } from 'd3-delaunay';
import type { Feature, Polygon, Position } from 'geojson';
import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import {
  bboxOf,
  cleanGeometry,
  distanceToBoundaryKm,
  type Geometry,
  insideGeometry,
  type LonLat,
  partsOf,
  type Projection,
  ringAreaKm2,
} from './geometry.js';
import type { Rng } from './rng.js';

export interface SeedOptions {
  /** Relative seed density at a point (> 0); higher → smaller cells there. Defaults to uniform. */
  density?: (p: LonLat) => number;
  /** Seeds already placed (they count for spacing and are returned first, unchanged). */
  fixed?: LonLat[];
  /** Restrict new seeds to this predicate (e.g. a disc around the town centre). */
  accept?: (p: LonLat) => boolean;
  /** Candidates tried per seed in best-candidate sampling; more → more even spacing. */
  candidates?: number;
}

function randomPointIn(rng: Rng, geom: Geometry, accept?: (p: LonLat) => boolean): LonLat {
  const [minX, minY, maxX, maxY] = bboxOf(geom);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const p: LonLat = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (insideGeometry(p, geom) && (!accept || accept(p))) return p;
  }
  throw new Error('could not sample a point inside the parent area');
}

/**
 * Mitchell's best-candidate sampling: each new seed is the candidate farthest from the seeds so far (distance
 * scaled by √density so dense areas pack tighter), also kept off the parent's edge so no cell is a sliver.
 */
export function sampleSeeds(rng: Rng, parent: Geometry, n: number, proj: Projection, opts: SeedOptions = {}): LonLat[] {
  const density = opts.density ?? (() => 1);
  const seeds: LonLat[] = [...(opts.fixed ?? [])];
  const km = seeds.map((s) => proj.toKm(s));
  const tries = opts.candidates ?? 16;
  for (let i = 0; i < n; i++) {
    let best: LonLat | null = null;
    let bestScore = -Infinity;
    for (let c = 0; c < tries; c++) {
      const p = randomPointIn(rng, parent, opts.accept);
      const [x, y] = proj.toKm(p);
      let nearest = Infinity;
      for (const [sx, sy] of km) nearest = Math.min(nearest, Math.hypot(x - sx, y - sy));
      // Half the distance to the edge compares with the full distance to the next seed: the cell boundary lies
      // halfway between two seeds.
      const edge = 2 * distanceToBoundaryKm(p, parent, proj);
      const score = Math.min(nearest, edge) * Math.sqrt(density(p));
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    seeds.push(best!);
    km.push(proj.toKm(best!));
  }
  return seeds;
}

/** The raw (unclipped) Voronoi cells of the seeds, in lon/lat, bounded by the parent's bbox plus a margin. */
function voronoiCells(parent: Geometry, seeds: readonly LonLat[], proj: Projection): Polygon[] {
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const [x0, y0] = proj.toKm([minX, minY]);
  const [x1, y1] = proj.toKm([maxX, maxY]);
  const pts = seeds.map((s) => proj.toKm(s));
  const voronoi = Delaunay.from(pts).voronoi([x0 - 1, y0 - 1, x1 + 1, y1 + 1]);
  return seeds.map((_, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) throw new Error(`Voronoi cell ${i} is empty (duplicate seed?)`);
    const ring: Position[] = cell.map((p) => proj.toLonLat([p[0], p[1]]));
    if (ringAreaKm2(ring, proj) < 0) ring.reverse(); // GeoJSON outer rings are counter-clockwise
    return { type: 'Polygon', coordinates: [ring] };
  });
}

/** Inside or on the border of a convex, counter-clockwise ring (a small tolerance errs towards "inside"). */
function inConvexRing(p: Position, ring: readonly Position[]): boolean {
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const cross = (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
    if (cross < -1e-12) return false;
  }
  return true;
}

/**
 * True when the convex cell lies wholly inside the parent: all its vertices are inside, and no parent vertex is
 * inside or on the cell (a parent edge can only cut into a convex cell by leaving a cell vertex outside or a
 * parent vertex inside). Most village and grid cells pass, which skips the polygon clipper, by far the slowest step.
 */
function containedIn(cell: Polygon, parent: Geometry): boolean {
  const ring = cell.coordinates[0]!;
  if (!ring.every((p) => insideGeometry([p[0]!, p[1]!], parent))) return false;
  return !partsOf(parent).some((rings) => rings.some((r) => r.some((v) => inConvexRing(v, ring))));
}

function clip(cell: Polygon, parent: Geometry): Geometry | null {
  if (containedIn(cell, parent)) return cell;
  const parentFeature: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: parent };
  const clipped = intersect<Record<string, never>>(
    featureCollection<Geometry>([turfPolygon(cell.coordinates), parentFeature]),
  );
  return clipped?.geometry ?? null;
}

/** Area centroid of the largest part, for Lloyd relaxation. */
function centroidOf(geom: Geometry, proj: Projection): LonLat {
  const rings = partsOf(geom)[0]!;
  const ring = rings[0]!.map((p) => proj.toKm(p));
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return proj.toLonLat([cx / (3 * a), cy / (3 * a)]);
}

export interface Partition {
  seeds: LonLat[];
  cells: Geometry[];
}

/**
 * Clips the Voronoi cells of `seeds` to `parent`. `relax` rounds of Lloyd relaxation (each movable seed moves to
 * its cell's centroid when that stays inside the parent) even out the cell shapes; the first `keepFixed` seeds
 * never move (e.g. the county seat).
 */
export function voronoiPartition(
  parent: Geometry,
  seeds: LonLat[],
  proj: Projection,
  opts: { relax?: number; keepFixed?: number } = {},
): Partition {
  let current = seeds.slice();
  for (let round = 0; round <= (opts.relax ?? 0); round++) {
    const raw = voronoiCells(parent, current, proj);
    const cells = raw.map((cell, i) => {
      const clipped = clip(cell, parent);
      const clean = clipped && cleanGeometry(clipped, proj);
      if (!clean) throw new Error(`cell ${i} vanished when clipped to its parent`);
      return clean;
    });
    if (round === (opts.relax ?? 0)) return { seeds: current, cells };
    current = current.map((s, i) => {
      if (i < (opts.keepFixed ?? 0)) return s;
      const c = centroidOf(cells[i]!, proj);
      return insideGeometry(c, parent) ? c : s;
    });
  }
  throw new Error('unreachable');
}
