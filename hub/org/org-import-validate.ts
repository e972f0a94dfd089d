/**
 * Validation of an org-tree file (GeoJSON FeatureCollection, one feature per unit) before anything is written.
 * Every problem is listed by feature index and code, so an administrator fixes the file in one pass:
 *
 * - properties: `code` (GB/T 2260-style, common/org.ts), `name`, `level`, `parent_code` (the code minus its last 3
 *   digits; absent or null for the county), optional `kind`, `population`, `households`;
 * - codes nest: one county, every other unit's parent is in the file, no code twice;
 * - geometry: Polygon or MultiPolygon, rings closed with ≥ 4 positions, WGS84 lon/lat, no self-intersection;
 * - tolerance ORG_TOLERANCE_SHARE (1 %): a child may lie outside its parent by ≤ 1 % of the child's area, two
 *   siblings may overlap by ≤ 1 % of the smaller one, and the children may leave ≤ 1 % of the parent uncovered.
 *   Surveyed boundaries of neighbouring units never match to the centimetre; 1 % of a 0.5 km² grid is 5,000 m², a
 *   band of about 10 m along its edge — drawing slop, where a misplaced unit is off by far more.
 */
import { area, booleanIntersects, difference, featureCollection, intersect, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ORG_TOLERANCE_SHARE, type ImportProblem } from '../../common/county-import.js';
import { levelOfCode, ORG_LEVELS, parentCode, type OrgLevel, type OrgUnitKind } from '../../common/org.js';

export interface ImportedUnit {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly level: OrgLevel;
  readonly kind: OrgUnitKind;
  readonly parentCode: string | null;
  readonly population: number;
  readonly households: number;
  readonly geometry: Polygon | MultiPolygon;
}

type Area = Feature<Polygon | MultiPolygon>;

const KINDS_BY_LEVEL: Readonly<Record<OrgLevel, readonly OrgUnitKind[]>> = {
  county: ['county'],
  township: ['township', 'street'],
  village: ['village', 'community'],
  grid: ['grid'],
};

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  for (const p of ring as unknown[]) {
    if (!Array.isArray(p) || p.length < 2) return 'a position is not [lon, lat]';
    const [lon, lat] = p as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      return 'a position is not two numbers';
    }
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return `position [${lon}, ${lat}] is not WGS84 lon/lat`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring is not closed (its last position ≠ its first)';
  return null;
}

/** Why a geometry is unusable, or null. */
function geometryProblem(geometry: unknown): { kind: string; message: string } | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return { kind: 'bad_geometry', message: 'geometry must be a Polygon or MultiPolygon' };
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return { kind: 'bad_geometry', message: 'geometry has no coordinates' };
  }
  for (const rings of polygons as unknown[]) {
    if (!Array.isArray(rings) || rings.length === 0) return { kind: 'bad_geometry', message: 'a polygon has no ring' };
    for (const ring of rings as unknown[]) {
      const why = ringProblem(ring);
      if (why) return { kind: why.includes('closed') ? 'ring_not_closed' : 'bad_geometry', message: why };
    }
  }
  const crossings = kinks(g as Polygon | MultiPolygon).features;
  if (crossings.length > 0) {
    const [lon, lat] = crossings[0]!.geometry.coordinates;
    return {
      kind: 'self_intersection',
      message: `the boundary crosses itself (${crossings.length} point(s), first at ${lon?.toFixed(6)}, ${lat?.toFixed(6)})`,
    };
  }
  return null;
}

function nonNegativeInt(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Parses the file and checks every feature on its own (properties, geometry) and the codes against each other. */
export function parseOrgFile(text: string): { units: ImportedUnit[]; problems: ImportProblem[]; features: number } {
  const problems: ImportProblem[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    problems.push({ at: 0, kind: 'not_json', message: `not JSON: ${(err as Error).message}` });
    return { units: [], problems, features: 0 };
  }
  const features = (doc as { type?: unknown; features?: unknown }).features;
  if ((doc as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    problems.push({ at: 0, kind: 'not_feature_collection', message: 'the file must be a GeoJSON FeatureCollection' });
    return { units: [], problems, features: 0 };
  }
  const units: ImportedUnit[] = [];
  const seen = new Map<string, number>();
  features.forEach((raw: unknown, index) => {
    const feature = raw as { properties?: Record<string, unknown> | null; geometry?: unknown } | null;
    const props = feature?.properties ?? {};
    const code = typeof props.code === 'string' ? props.code.trim() : String(props.code ?? '');
    const add = (kind: string, message: string) =>
      problems.push({ at: index, ...(code ? { code } : {}), kind, message });
    const level = levelOfCode(code);
    if (!level) return add('bad_code', `code "${code}" is not 6 digits + 3 per level below the county`);
    if (seen.has(code)) return add('duplicate_code', `code ${code} also at feature ${seen.get(code)}`);
    seen.set(code, index);
    const name = typeof props.name === 'string' ? props.name.trim() : '';
    if (!name || name.length > 100) add('bad_name', 'name is required (≤ 100 characters)');
    if (props.level !== level) {
      add('level_mismatch', `level "${String(props.level)}" but a ${code.length}-digit code is a ${level}`);
    }
    const expectedParent = parentCode(code);
    const givenParent =
      props.parent_code === undefined || props.parent_code === null ? null : String(props.parent_code);
    if (givenParent !== expectedParent) {
      add(
        'parent_mismatch',
        `parent_code ${givenParent ?? '(none)'} but code ${code} nests in ${expectedParent ?? '(none)'}`,
      );
    }
    const kind = (props.kind ?? level) as OrgUnitKind;
    if (!KINDS_BY_LEVEL[level].includes(kind))
      add('bad_kind', `kind "${String(props.kind)}" is not one of ${KINDS_BY_LEVEL[level].join(', ')}`);
    const geometryWrong = geometryProblem(feature?.geometry);
    if (geometryWrong) add(geometryWrong.kind, geometryWrong.message);
    if (problems.some((p) => p.at === index)) return;
    units.push({
      index,
      code,
      name,
      level,
      kind,
      parentCode: expectedParent,
      population: nonNegativeInt(props.population),
      households: nonNegativeInt(props.households),
      geometry: feature!.geometry as Polygon | MultiPolygon,
    });
  });
  const counties = units.filter((u) => u.level === 'county');
  if (counties.length !== 1 && !problems.some((p) => p.code && levelOfCode(p.code) === 'county')) {
    problems.push({
      at: 0,
      kind: 'county_count',
      message: `the file must hold exactly one county, it holds ${counties.length}`,
    });
  }
  for (const unit of units) {
    if (unit.parentCode !== null && !seen.has(unit.parentCode)) {
      problems.push({
        at: unit.index,
        code: unit.code,
        kind: 'parent_missing',
        message: `parent ${unit.parentCode} is not in the file`,
      });
    }
  }
  return { units, problems, features: features.length };
}

/**
 * Containment, overlaps and gaps, level by level (only between units that passed parseOrgFile). A parent with a
 * child left out for its own problem (`incomplete`) is not checked for gaps: the hole is that child, already listed.
 */
export function checkOrgGeometry(
  units: readonly ImportedUnit[],
  incomplete: ReadonlySet<string> = new Set(),
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const shape = new Map<string, Area>(
    units.map((u) => [u.code, { type: 'Feature', properties: {}, geometry: u.geometry }]),
  );
  const areaOf = new Map(units.map((u) => [u.code, area(shape.get(u.code)!)]));
  const children = new Map<string, ImportedUnit[]>();
  for (const u of units) {
    if (u.parentCode && byCode.has(u.parentCode))
      children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u]);
  }
  const clipped = (op: () => Area | null): number => {
    try {
      const result = op();
      return result ? area(result) : 0;
    } catch {
      return Number.NaN; // polygon clipping gave up on a degenerate input: reported, never silently passed
    }
  };
  for (const level of ORG_LEVELS) {
    for (const parent of units.filter((u) => u.level === level)) {
      const kids = children.get(parent.code) ?? [];
      if (kids.length === 0) continue;
      const parentShape = shape.get(parent.code)!;
      const parentArea = areaOf.get(parent.code)!;
      const kidShapes = kids.map((k) => shape.get(k.code)!);
      let covered: Area | null = null;
      try {
        covered = kidShapes.length === 1 ? kidShapes[0]! : union(featureCollection(kidShapes));
      } catch {
        covered = null; // clipping gave up: the exact checks below run and say where
      }
      // Fast path, exact as a bound: each child's part outside the parent lies in the union's part outside it, and
      // any pairwise overlap is at most the area the children count twice or more (Σ area − area of their union).
      // When both stay under the tolerance of the smallest child, no child and no pair can exceed its own, so the
      // per-child and per-pair clipping — the costly part — is skipped.
      const excess = covered ? kids.reduce((sum, k) => sum + areaOf.get(k.code)!, 0) - area(covered) : Number.NaN;
      const outsideAll = covered ? clipped(() => difference(featureCollection([covered, parentShape]))) : Number.NaN;
      const smallest = Math.min(...kids.map((k) => areaOf.get(k.code)!));
      if (!(excess + outsideAll <= smallest * ORG_TOLERANCE_SHARE)) {
        problems.push(...childProblems(parent, kids, shape, areaOf, clipped));
      }
      if (incomplete.has(parent.code)) continue;
      const gap = covered ? clipped(() => difference(featureCollection([parentShape, covered]))) : Number.NaN;
      if (!(gap <= parentArea * ORG_TOLERANCE_SHARE)) {
        problems.push({
          at: parent.index,
          code: parent.code,
          kind: 'gap',
          message: `its ${kids.length} children leave ${Math.round(gap)} m² (${pct(gap / parentArea)}) of it uncovered; tolerance ${pct(ORG_TOLERANCE_SHARE)}`,
        });
      }
    }
  }
  return problems.sort((a, b) => a.at - b.at);
}

/** Each child outside its parent, each pair of siblings overlapping, beyond the tolerance. */
function childProblems(
  parent: ImportedUnit,
  kids: readonly ImportedUnit[],
  shape: ReadonlyMap<string, Area>,
  areaOf: ReadonlyMap<string, number>,
  clipped: (op: () => Area | null) => number,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const parentShape = shape.get(parent.code)!;
  for (const kid of kids) {
    const kidArea = areaOf.get(kid.code)!;
    const outside = clipped(() => difference(featureCollection([shape.get(kid.code)!, parentShape])));
    if (!(outside <= kidArea * ORG_TOLERANCE_SHARE)) {
      problems.push({
        at: kid.index,
        code: kid.code,
        kind: 'outside_parent',
        message: `${pct(outside / kidArea)} of it (${Math.round(outside)} m²) lies outside its parent ${parent.code}; tolerance ${pct(ORG_TOLERANCE_SHARE)}`,
      });
    }
  }
  for (let i = 0; i < kids.length; i++) {
    for (let j = i + 1; j < kids.length; j++) {
      const [a, b] = [shape.get(kids[i]!.code)!, shape.get(kids[j]!.code)!];
      if (!booleanIntersects(a, b)) continue;
      const overlap = clipped(() => intersect(featureCollection([a, b])));
      const smaller = Math.min(areaOf.get(kids[i]!.code)!, areaOf.get(kids[j]!.code)!);
      if (!(overlap <= smaller * ORG_TOLERANCE_SHARE)) {
        problems.push({
          at: kids[j]!.index,
          code: kids[j]!.code,
          kind: 'overlap',
          message: `overlaps its sibling ${kids[i]!.code} by ${Math.round(overlap)} m² (${pct(overlap / smaller)} of the smaller); tolerance ${pct(ORG_TOLERANCE_SHARE)}`,
        });
      }
    }
  }
  return problems;
}
