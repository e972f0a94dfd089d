/**
 * Nearest cameras to a point (a case's location) among the viewer's own cameras — the scoped `cameras.list`, so
 * nothing outside the viewer's scope can come up. A grid-bucket index: cameras fall into cells of ~1 km; a query
 * visits rings of cells outwards from the point's cell and stops once no unvisited ring can hold anything nearer
 * than the k-th best found. A county's 2,185 cameras are indexed in a millisecond; a query reads a few dozen.
 * Pure; tested against a linear scan in tests/unit/wall-spatial-index.test.ts.
 */

export interface Positioned {
  readonly position: readonly [number, number];
}

export interface Nearby<T> {
  readonly item: T;
  readonly meters: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude (and of longitude at the equator), spherical Earth. */
const M_PER_DEG = EARTH_RADIUS_M * RAD;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class GridBucketIndex<T extends Positioned> {
  private readonly buckets = new Map<string, T[]>();
  private readonly minCol: number;
  private readonly maxCol: number;
  private readonly minRow: number;
  private readonly maxRow: number;
  /** The largest |latitude| in the data, where a cell's east-west side is shortest. */
  private readonly maxAbsLat: number;
  /** Items whose distance the last query computed (for tests and the curious). */
  lastVisited = 0;

  constructor(
    items: readonly T[],
    private readonly cellDegrees = 0.01,
  ) {
    let minCol = Infinity;
    let maxCol = -Infinity;
    let minRow = Infinity;
    let maxRow = -Infinity;
    let maxAbsLat = 0;
    for (const item of items) {
      const [lon, lat] = item.position;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      const col = Math.floor(lon / cellDegrees);
      const row = Math.floor(lat / cellDegrees);
      const key = `${col}:${row}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(item);
      else this.buckets.set(key, [item]);
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
      minRow = Math.min(minRow, row);
      maxRow = Math.max(maxRow, row);
      maxAbsLat = Math.max(maxAbsLat, Math.abs(lat) + cellDegrees);
    }
    this.minCol = minCol;
    this.maxCol = maxCol;
    this.minRow = minRow;
    this.maxRow = maxRow;
    this.maxAbsLat = maxAbsLat;
  }

  get size(): number {
    let n = 0;
    for (const bucket of this.buckets.values()) n += bucket.length;
    return n;
  }

  /** The `k` nearest items within `maxMeters`, nearest first. */
  nearest(point: readonly [number, number], k: number, maxMeters = Infinity): Array<Nearby<T>> {
    this.lastVisited = 0;
    if (k <= 0 || this.buckets.size === 0) return [];
    const col0 = Math.floor(point[0] / this.cellDegrees);
    const row0 = Math.floor(point[1] / this.cellDegrees);
    // Rings beyond this one hold no cell of the data.
    const lastRing = Math.max(
      Math.abs(col0 - this.minCol),
      Math.abs(col0 - this.maxCol),
      Math.abs(row0 - this.minRow),
      Math.abs(row0 - this.maxRow),
    );
    // The shortest side of any cell between the point and the data, in metres.
    const lat = Math.min(89, Math.max(this.maxAbsLat, Math.abs(point[1]) + this.cellDegrees));
    const cellMeters = this.cellDegrees * M_PER_DEG * Math.cos(lat * RAD);
    const best: Array<Nearby<T>> = [];
    for (let ring = 0; ring <= lastRing; ring++) {
      // Everything in ring r is at least (r - 1) whole cells away from the point.
      const floor = Math.max(0, ring - 1) * cellMeters;
      const kth = best.length === k ? best[k - 1]!.meters : Infinity;
      if (floor > Math.min(kth, maxMeters)) break;
      this.visitRing(col0, row0, ring, (item) => {
        const meters = distanceMeters(point, item.position);
        this.lastVisited++;
        if (meters > maxMeters || (best.length === k && meters >= best[k - 1]!.meters)) return;
        let at = best.length;
        while (at > 0 && best[at - 1]!.meters > meters) at--;
        best.splice(at, 0, { item, meters });
        if (best.length > k) best.pop();
      });
    }
    return best;
  }

  private visitRing(col0: number, row0: number, ring: number, visit: (item: T) => void): void {
    const cell = (col: number, row: number) => this.buckets.get(`${col}:${row}`)?.forEach(visit);
    if (ring === 0) {
      cell(col0, row0);
      return;
    }
    for (let col = col0 - ring; col <= col0 + ring; col++) {
      cell(col, row0 - ring);
      cell(col, row0 + ring);
    }
    for (let row = row0 - ring + 1; row <= row0 + ring - 1; row++) {
      cell(col0 - ring, row);
      cell(col0 + ring, row);
    }
  }
}
