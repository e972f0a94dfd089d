/**
 * The scope's outlines arranged for drawing: GeoJSON features per level, label points per level (the units' own
 * centres from the org tree), the glyphs the labels need, and the bounds to fit the view to.
 *
 * deck.gl's TextLayer draws from a glyph atlas built for a fixed character set (ASCII by default), so Chinese names
 * need their characters listed: the set is built from the names actually shown, a few hundred glyphs.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { MapBoundary } from '../../../common/map-schemas.js';
import type { OrgLevel } from '../../../common/org.js';
import type { OrgUnit } from '../../../common/schemas.js';

export interface UnitProps {
  readonly code: string;
  readonly name: string;
  readonly level: OrgLevel;
}
export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProps>;

export interface UnitLabel {
  readonly code: string;
  readonly name: string;
  readonly position: [number, number];
}

export type Bounds = readonly [west: number, south: number, east: number, north: number];

export interface BoundaryData {
  readonly features: Readonly<Record<OrgLevel, UnitFeature[]>>;
  readonly byCode: ReadonlyMap<string, UnitFeature>;
  readonly labels: Readonly<Record<OrgLevel, UnitLabel[]>>;
  readonly characterSet: string;
}

const emptyLevels = <T>(): Record<OrgLevel, T[]> => ({ county: [], township: [], village: [], grid: [] });

export function boundaryData(boundaries: readonly MapBoundary[], units: readonly OrgUnit[]): BoundaryData {
  const features = emptyLevels<UnitFeature>();
  const byCode = new Map<string, UnitFeature>();
  for (const b of boundaries) {
    const feature: UnitFeature = {
      type: 'Feature',
      geometry: b.geometry,
      properties: { code: b.code, name: b.name, level: b.level },
    };
    features[b.level].push(feature);
    byCode.set(b.code, feature);
  }
  const labels = emptyLevels<UnitLabel>();
  const glyphs = new Set<string>('0123456789·-—（）() ');
  for (const unit of units) {
    labels[unit.level].push({ code: unit.code, name: unit.name, position: [unit.center[0], unit.center[1]] });
    for (const char of unit.name) glyphs.add(char);
  }
  for (const b of boundaries) for (const char of b.name) glyphs.add(char);
  return { features, byCode, labels, characterSet: [...glyphs].join('') };
}

/** [west, south, east, north] of a feature's outer rings. */
export function featureBounds(feature: UnitFeature): Bounds {
  const geometry = feature.geometry;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  }
  return [west, south, east, north];
}
