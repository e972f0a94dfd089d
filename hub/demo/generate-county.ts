/**
 * The demo "X County": a deterministic, self-consistent org tree (county → 12 townships → 224 villages + 6
 * communities → 907 grids) with boundaries, populations and 2,185 cameras, matching the reference figures in
 * docs/glossary.md exactly. Pure computation; the hub inserts the result into its database.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { apportion } from './allocate.js';
import { generateCameras, type CameraGrid } from './cameras.js';
import { countyOutline } from './county-outline.js';
import {
  distanceToBoundaryKm,
  type Geometry,
  geometryAreaKm2,
  interiorPoint,
  type LonLat,
  localProjection,
  type Projection,
  roundPoint,
} from './geometry.js';
import {
  COMMUNITY_NAMES,
  COUNTY_NAME,
  COUNTY_SEAT_TOWNSHIP,
  gridName,
  TOWNSHIP_NAMES,
  villageNames,
} from './place-names.js';
import { createRng, type Rng } from './rng.js';
import { sampleSeeds, voronoiPartition } from './voronoi-partition.js';

export interface DemoOrgUnit {
  code: string;
  name: string;
  level: 'county' | 'township' | 'village' | 'grid';
  kind: 'county' | 'township' | 'street' | 'village' | 'community' | 'grid';
  parentCode: string | null;
  population: number;
  households: number;
  /** [lon, lat], a point well inside the boundary. */
  center: [number, number];
  /** WGS84 lon/lat, 6 decimals. */
  boundary: Polygon | MultiPolygon;
}

export interface DemoCamera {
  id: string;
  /** 20-digit GB/T 28181 code: county code + township index (2) + '00' + type ('131' PTZ, '132' fixed) + serial (7). */
  code: string;
  name: string;
  kind: 'fixed' | 'ptz';
  /** The grid the camera stands in. */
  orgUnitCode: string;
  position: [number, number];
  sensitive: boolean;
  mainStream: string;
  subStream: string;
}

export interface DemoCounty {
  county: { code: string; name: string };
  orgUnits: DemoOrgUnit[];
  cameras: DemoCamera[];
}

export const DEMO_COUNTY_CODE = '431099';
export const DEMO_DEFAULT_SEED = 20201;

/** The reference figures of docs/glossary.md that the generator reproduces. */
export const DEMO_FIGURES = {
  areaKm2: 1022,
  center: [112.2, 25.9] as LonLat,
  townships: 12,
  villages: 224,
  communities: 6,
  ruralGrids: 841,
  urbanGrids: 66,
  cameras: 2185,
  population: 420_000,
  /** Villages of the county-seat township besides its communities. */
  seatTownshipVillages: 10,
} as const;

const URBAN_GRID = { people: 1000, peoplePerHousehold: 1000 / 300 };
const RURAL_GRID = { people: 500, peoplePerHousehold: 500 / 200 };

/** A bump of relative density around a point: 1 far away, 1 + peak at the point, width sigma km. */
function bump(proj: Projection, at: LonLat, peak: number, sigmaKm: number): (p: LonLat) => number {
  const [ax, ay] = proj.toKm(at);
  return (p) => {
    const [x, y] = proj.toKm(p);
    return 1 + peak * Math.exp(-((x - ax) ** 2 + (y - ay) ** 2) / (2 * sigmaKm * sigmaKm));
  };
}

function samePoint(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function distanceKm(proj: Projection, a: LonLat, b: LonLat): number {
  const [ax, ay] = proj.toKm(a);
  const [bx, by] = proj.toKm(b);
  return Math.hypot(ax - bx, ay - by);
}

/** Clockwise bearing from north, for numbering units in a sweep around a centre. */
function bearing(proj: Projection, from: LonLat, to: LonLat): number {
  const [ax, ay] = proj.toKm(from);
  const [bx, by] = proj.toKm(to);
  const b = Math.atan2(bx - ax, by - ay);
  return b < 0 ? b + 2 * Math.PI : b;
}

interface Node {
  code: string;
  name: string;
  level: DemoOrgUnit['level'];
  kind: DemoOrgUnit['kind'];
  parentCode: string | null;
  boundary: Geometry;
  seed: LonLat;
  children: Node[];
  population: number;
  households: number;
}

function node(
  code: string,
  name: string,
  level: Node['level'],
  kind: Node['kind'],
  parent: Node | null,
  boundary: Geometry,
  seed: LonLat,
): Node {
  const n: Node = {
    code,
    name,
    level,
    kind,
    parentCode: parent?.code ?? null,
    boundary,
    seed,
    children: [],
    population: 0,
    households: 0,
  };
  parent?.children.push(n);
  return n;
}

/** The county seat: near the centre, well away from the county border. */
function pickCountySeat(rng: Rng, outline: Geometry, proj: Projection): LonLat {
  for (;;) {
    const p = roundPoint(proj.toLonLat([rng.range(-4, 4), rng.range(-4, 4)]));
    if (distanceToBoundaryKm(p, outline, proj) > 8) return p;
  }
}

function buildTownships(rng: Rng, county: Node, countySeat: LonLat, proj: Projection): Node[] {
  const seeds = sampleSeeds(rng, county.boundary, DEMO_FIGURES.townships - 1, proj, {
    fixed: [countySeat],
    density: bump(proj, countySeat, 1.5, 8),
    candidates: 30,
  });
  // A Lloyd round gives townships the compact, roughly even shapes of real ones; the seat stays put.
  const { seeds: seats, cells } = voronoiPartition(county.boundary, seeds, proj, { relax: 1, keepFixed: 1 });
  // Code order: the county seat first (…001), then the others clockwise from north.
  const order = seats
    .map((_, i) => i)
    .slice(1)
    .sort((a, b) => bearing(proj, countySeat, seats[a]!) - bearing(proj, countySeat, seats[b]!));
  return [0, ...order].map((i, k) => {
    const name = k === 0 ? COUNTY_SEAT_TOWNSHIP : TOWNSHIP_NAMES[k - 1]!;
    const code = `${county.code}${String(k + 1).padStart(3, '0')}`;
    return node(code, name, 'township', 'township', county, cells[i]!, roundPoint(seats[i]!));
  });
}

/**
 * Villages of one township. The township seat's village is seeded at the seat itself; the county-seat township
 * also gets its communities, packed within ~1.6 km of the county seat (the town), villages around them.
 * Codes follow the statistical-division convention: 居委会/社区 001–199, 村委会 200–399.
 */
function buildVillages(
  rng: Rng,
  township: Node,
  /** Administrative villages, communities not included. */
  villageCount: number,
  communityCount: number,
  countySeat: LonLat,
  names: string[],
  proj: Projection,
): Node[] {
  let fixed: LonLat[] = [township.seed];
  if (communityCount > 0) {
    fixed = sampleSeeds(rng, township.boundary, communityCount - 1, proj, {
      fixed,
      accept: (p) => distanceKm(proj, p, township.seed) < 1.6,
    });
  }
  // Without communities the seat village's seed is already in `fixed`.
  const seeds = sampleSeeds(rng, township.boundary, villageCount - (communityCount > 0 ? 0 : 1), proj, {
    fixed,
    // Villages crowd towards the county seat: denser settlement, smaller villages.
    density: communityCount > 0 ? undefined : bump(proj, countySeat, 2, 10),
  });
  const { cells } = voronoiPartition(township.boundary, seeds, proj);
  const units: Node[] = [];
  for (let i = 0; i < communityCount; i++) {
    const code = `${township.code}${String(i + 1).padStart(3, '0')}`;
    units.push(node(code, COMMUNITY_NAMES[i]!, 'village', 'community', township, cells[i]!, seeds[i]!));
  }
  // Villages numbered outwards from the township seat (the seat village first when there are no communities).
  const villageIdx = seeds
    .map((_, i) => i)
    .slice(communityCount)
    .sort((a, b) => distanceKm(proj, township.seed, seeds[a]!) - distanceKm(proj, township.seed, seeds[b]!) || a - b);
  villageIdx.forEach((i, k) => {
    const code = `${township.code}${String(201 + k).padStart(3, '0')}`;
    units.push(node(code, names.shift()!, 'village', 'village', township, cells[i]!, seeds[i]!));
  });
  return units;
}

function buildGrids(rng: Rng, unit: Node, count: number, countySeat: LonLat, proj: Projection): Node[] {
  const seeds = sampleSeeds(rng, unit.boundary, count, proj, { density: bump(proj, countySeat, 3, 5) });
  const { cells } = voronoiPartition(unit.boundary, seeds, proj);
  // Numbered clockwise around the unit's seed, like a walking route.
  const order = seeds
    .map((_, i) => i)
    .sort((a, b) => bearing(proj, unit.seed, seeds[a]!) - bearing(proj, unit.seed, seeds[b]!) || a - b);
  return order.map((i, k) =>
    node(
      `${unit.code}${String(k + 1).padStart(3, '0')}`,
      gridName(unit.name, k + 1),
      'grid',
      'grid',
      unit,
      cells[i]!,
      seeds[i]!,
    ),
  );
}

/** Grid populations: urban ~1,000 / rural ~500 people with ±15 % spread, scaled to the exact county total. */
interface GridEntry {
  node: Node;
  urban: boolean;
}

function assignPopulation(rng: Rng, grids: GridEntry[]): void {
  const raw = grids.map((g) => {
    const base = g.urban ? URBAN_GRID.people : RURAL_GRID.people;
    return base * Math.min(1.35, Math.max(0.65, 1 + 0.15 * rng.normal()));
  });
  const people = apportion(DEMO_FIGURES.population, raw);
  grids.forEach((g, i) => {
    const size = g.urban ? URBAN_GRID.peoplePerHousehold : RURAL_GRID.peoplePerHousehold;
    g.node.population = people[i]!;
    g.node.households = Math.max(
      1,
      Math.round(people[i]! / (size * Math.min(1.2, Math.max(0.8, 1 + 0.06 * rng.normal())))),
    );
  });
}

/** Parent figures are exact sums of their children's. */
function sumUp(n: Node): void {
  if (n.children.length === 0) return;
  n.children.forEach(sumUp);
  n.population = n.children.reduce((s, c) => s + c.population, 0);
  n.households = n.children.reduce((s, c) => s + c.households, 0);
}

export function generateDemoCounty(seed: number = DEMO_DEFAULT_SEED): DemoCounty {
  const rng = createRng(seed);
  const proj = localProjection(DEMO_FIGURES.center);

  const outline = countyOutline(rng.fork('outline'), proj, DEMO_FIGURES.areaKm2);
  const countySeat = pickCountySeat(rng.fork('seat'), outline, proj);
  const county = node(DEMO_COUNTY_CODE, COUNTY_NAME, 'county', 'county', null, outline, countySeat);

  const townships = buildTownships(rng.fork('townships'), county, countySeat, proj);

  // Villages per township: the seat township has its fixed share; the rest follow area, a little more near the seat.
  const vRng = rng.fork('villages');
  const others = townships.slice(1);
  const nearSeat = bump(proj, countySeat, 1, 12);
  const villageCounts = apportion(
    DEMO_FIGURES.villages - DEMO_FIGURES.seatTownshipVillages,
    others.map((t) => geometryAreaKm2(t.boundary, proj) * nearSeat(t.seed) * vRng.range(0.85, 1.15)),
    12,
  );
  const names = villageNames(vRng, DEMO_FIGURES.villages);
  const units = townships.flatMap((t, i) =>
    i === 0
      ? buildVillages(vRng, t, DEMO_FIGURES.seatTownshipVillages, DEMO_FIGURES.communities, countySeat, names, proj)
      : buildVillages(vRng, t, villageCounts[i - 1]!, 0, countySeat, names, proj),
  );

  // Grids per unit: rural grids follow village size and closeness to the county seat; communities share 66.
  const gRng = rng.fork('grids');
  const villages = units.filter((u) => u.kind === 'village');
  const communities = units.filter((u) => u.kind === 'community');
  const ruralCounts = apportion(
    DEMO_FIGURES.ruralGrids,
    villages.map((v) => Math.sqrt(geometryAreaKm2(v.boundary, proj)) * nearSeat(v.seed) * gRng.range(0.7, 1.3)),
    2,
  );
  const urbanCounts = apportion(
    DEMO_FIGURES.urbanGrids,
    communities.map(() => gRng.range(0.8, 1.2)),
    8,
  );
  const grids: GridEntry[] = [
    ...villages.flatMap((v, i) =>
      buildGrids(gRng, v, ruralCounts[i]!, countySeat, proj).map((node) => ({ node, urban: false })),
    ),
    ...communities.flatMap((c, i) =>
      buildGrids(gRng, c, urbanCounts[i]!, countySeat, proj).map((node) => ({ node, urban: true })),
    ),
  ];
  assignPopulation(rng.fork('population'), grids);
  sumUp(county);

  const all: Node[] = [county, ...townships, ...units, ...grids.map((g) => g.node)];
  const centers = new Map(all.map((n) => [n.code, interiorPoint(n.boundary, proj)]));
  const byCode = new Map(all.map((n) => [n.code, n]));

  const cameraGrids: CameraGrid[] = grids
    .map(({ node: g, urban }) => {
      const village = byCode.get(g.parentCode!)!;
      const township = byCode.get(village.parentCode!)!;
      return {
        code: g.code,
        urban,
        population: g.population,
        boundary: g.boundary,
        center: centers.get(g.code)!,
        village: { code: village.code, name: village.name, isTownshipSeat: samePoint(village.seed, township.seed) },
        township: {
          code: township.code,
          name: township.name,
          seat: township.seed,
          isCountySeat: township === townships[0],
        },
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const cameras = generateCameras(rng.fork('cameras'), DEMO_COUNTY_CODE, cameraGrids, proj, DEMO_FIGURES.cameras);

  // Sorted by code: parents always precede their children, which suits a plain ordered insert.
  const orgUnits = all
    .slice()
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((n): DemoOrgUnit => ({
      code: n.code,
      name: n.name,
      level: n.level,
      kind: n.kind,
      parentCode: n.parentCode,
      population: n.population,
      households: n.households,
      center: centers.get(n.code)!,
      boundary: n.boundary,
    }));
  return { county: { code: DEMO_COUNTY_CODE, name: COUNTY_NAME }, orgUnits, cameras };
}
