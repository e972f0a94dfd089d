/**
 * The 2,185 demo cameras: apportioned over grids by population (urban grids weigh more, so the county seat is
 * denser), placed near where the grid's people live (around its centre, strictly inside the grid), named after
 * the spot they watch, with ~2 % flagged sensitive (government, police, detention, schools).
 */
import type { DemoCamera } from './generate-county.js';
import { apportion } from './allocate.js';
import {
  bboxOf,
  distanceToBoundaryKm,
  type Geometry,
  geometryAreaKm2,
  insideGeometry,
  type LonLat,
  type Projection,
  roundPoint,
} from './geometry.js';
import {
  COUNTY_NAME,
  COUNTY_SENSITIVE_SPOTS,
  PTZ_SPOTS,
  RURAL_CAMERA_SPOTS,
  TOWNSHIP_SENSITIVE_SPOTS,
  URBAN_CAMERA_SPOTS,
  VILLAGE_SENSITIVE_SPOT,
} from './place-names.js';
import type { Rng } from './rng.js';

export interface CameraGrid {
  code: string;
  urban: boolean;
  population: number;
  boundary: Geometry;
  center: LonLat;
  village: { code: string; name: string; isTownshipSeat: boolean };
  township: { code: string; name: string; seat: LonLat; isCountySeat: boolean };
}

/** Cameras keep ≥ 5 m from the grid edge, so containment survives rounding and any point-in-polygon flavour. */
const EDGE_CLEARANCE_KM = 0.005;

function placeCamera(rng: Rng, grid: CameraGrid, proj: Projection): LonLat {
  const ok = (p: LonLat) =>
    insideGeometry(p, grid.boundary) && distanceToBoundaryKm(p, grid.boundary, proj) > EDGE_CLEARANCE_KM;
  // Houses cluster around the grid's centre; a Gaussian around it mimics that.
  const sigma = 0.3 * Math.sqrt(geometryAreaKm2(grid.boundary, proj));
  const [cx, cy] = proj.toKm(grid.center);
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = roundPoint(proj.toLonLat([cx + sigma * rng.normal(), cy + sigma * rng.normal()]));
    if (ok(p)) return p;
  }
  const [minX, minY, maxX, maxY] = bboxOf(grid.boundary);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const p = roundPoint([rng.range(minX, maxX), rng.range(minY, maxY)]);
    if (ok(p)) return p;
  }
  return grid.center; // interiorPoint is the deepest point of the grid, so this is safe
}

interface Draft {
  grid: CameraGrid;
  position: LonLat;
  name?: string;
  spot?: string;
  sensitive: boolean;
}

/** Picks the sensitive cameras: the ones nearest the county seat / each township seat, plus a few village schools. */
function markSensitive(rng: Rng, drafts: Draft[], proj: Projection, target: number): void {
  const byTownship = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = byTownship.get(d.grid.township.code) ?? [];
    list.push(d);
    byTownship.set(d.grid.township.code, list);
  }
  let count = 0;
  const assign = (d: Draft, name: string, spot: string) => {
    d.sensitive = true;
    d.name = name;
    d.spot = spot;
    count++;
  };
  for (const list of byTownship.values()) {
    const township = list[0]!.grid.township;
    const [sx, sy] = proj.toKm(township.seat);
    const near = list
      .map((d, i) => {
        const [x, y] = proj.toKm(d.position);
        return { d, i, dist: Math.hypot(x - sx, y - sy) };
      })
      .sort((a, b) => a.dist - b.dist || a.i - b.i);
    const spots: [string, string][] = TOWNSHIP_SENSITIVE_SPOTS.map((s) => [`${township.name}${s}`, s]);
    if (township.isCountySeat)
      spots.unshift(...COUNTY_SENSITIVE_SPOTS.map((s): [string, string] => [`${COUNTY_NAME}${s.slice(1)}`, s]));
    spots.forEach(([name, spot], k) => assign(near[k]!.d, name, spot));
  }
  // Top up to ~2 % with village primary schools, one per village, in rural villages.
  const candidates = rng.shuffled(
    drafts.filter((d) => !d.sensitive && !d.grid.urban && !d.grid.village.isTownshipSeat),
  );
  const usedVillages = new Set<string>();
  for (const d of candidates) {
    if (count >= target) break;
    if (usedVillages.has(d.grid.village.code)) continue;
    usedVillages.add(d.grid.village.code);
    assign(d, `${d.grid.township.name}${d.grid.village.name}${VILLAGE_SENSITIVE_SPOT}`, VILLAGE_SENSITIVE_SPOT);
  }
}

/** Ordinary names: each village walks its own shuffled spot list, numbering repeats ('…村口2'). */
function nameOrdinary(rng: Rng, drafts: Draft[]): void {
  const perVillage = new Map<string, { spots: string[]; next: number }>();
  for (const d of drafts) {
    if (d.name) continue;
    let state = perVillage.get(d.grid.village.code);
    if (!state) {
      state = { spots: rng.shuffled(d.grid.urban ? URBAN_CAMERA_SPOTS : RURAL_CAMERA_SPOTS), next: 0 };
      perVillage.set(d.grid.village.code, state);
    }
    const spot = state.spots[state.next % state.spots.length]!;
    const round = Math.floor(state.next / state.spots.length);
    state.next++;
    d.spot = spot;
    d.name = `${d.grid.township.name}${d.grid.village.name}${spot}${round > 0 ? round + 1 : ''}`;
  }
}

export function generateCameras(
  rng: Rng,
  countyCode: string,
  grids: readonly CameraGrid[],
  proj: Projection,
  total: number,
): DemoCamera[] {
  // Every grid gets at least one camera (the village entrance); the rest follow population, urban grids ×1.8.
  const counts = apportion(
    total,
    grids.map((g) => g.population * (g.urban ? 1.8 : 1)),
    1,
  );
  const drafts: Draft[] = [];
  grids.forEach((grid, i) => {
    for (let k = 0; k < counts[i]!; k++)
      drafts.push({ grid, position: placeCamera(rng, grid, proj), sensitive: false });
  });
  markSensitive(rng, drafts, proj, Math.round(total * 0.02));
  nameOrdinary(rng, drafts);

  return drafts.map((d, i): DemoCamera => {
    const ptz = rng.next() < (PTZ_SPOTS.has(d.spot!) ? 0.5 : 0.08);
    // GB/T 28181: 8-digit centre code (county + township index) · 2-digit industry · 3-digit type · 7-digit serial.
    const townshipIndex = d.grid.township.code.slice(-2);
    const type = ptz ? '131' : '132';
    const clip = rng.int(8);
    return {
      id: `cam-${String(i + 1).padStart(4, '0')}`,
      code: `${countyCode}${townshipIndex}00${type}${String(i + 1).padStart(7, '0')}`,
      name: d.name!,
      kind: ptz ? 'ptz' : 'fixed',
      orgUnitCode: d.grid.code,
      position: d.position,
      sensitive: d.sensitive,
      mainStream: `demo:clip/${clip}?q=main`,
      subStream: `demo:clip/${clip}?q=sub`,
    };
  });
}
