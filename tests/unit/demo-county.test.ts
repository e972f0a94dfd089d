import { area, booleanPointInPolygon, featureCollection, feature, intersect, length, polygonToLine } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { levelOfCode, parentCode } from '../../common/org.js';
import { type DemoCounty, type DemoOrgUnit, generateDemoCounty } from '../../hub/demo/generate-county.js';

const COUNTY_CODE = '431099';
let county: DemoCounty;
let byCode: Map<string, DemoOrgUnit>;
let childrenOf: Map<string, DemoOrgUnit[]>;

const km2 = (g: Polygon | MultiPolygon) => area(g) / 1e6;
const ofLevel = (level: DemoOrgUnit['level']) => county.orgUnits.filter((u) => u.level === level);
const ofKind = (kind: DemoOrgUnit['kind']) => county.orgUnits.filter((u) => u.kind === kind);

beforeAll(() => {
  county = generateDemoCounty();
  byCode = new Map(county.orgUnits.map((u) => [u.code, u]));
  childrenOf = new Map();
  for (const u of county.orgUnits) {
    if (u.parentCode === null) continue;
    childrenOf.set(u.parentCode, [...(childrenOf.get(u.parentCode) ?? []), u]);
  }
}, 60_000);

describe('demo county: reference figures', () => {
  it('has the org tree of docs/glossary.md, level by level', () => {
    expect(county.county).toEqual({ code: COUNTY_CODE, name: 'X县' });
    expect(ofLevel('county')).toHaveLength(1);
    expect(ofLevel('township')).toHaveLength(12);
    expect(ofLevel('village')).toHaveLength(230);
    expect(ofKind('village')).toHaveLength(224);
    expect(ofKind('community')).toHaveLength(6);
    expect(ofLevel('grid')).toHaveLength(907);
    const gridsUnder = (kind: DemoOrgUnit['kind']) =>
      ofLevel('grid').filter((g) => byCode.get(g.parentCode!)!.kind === kind);
    expect(gridsUnder('village')).toHaveLength(841);
    expect(gridsUnder('community')).toHaveLength(66);
    expect(county.cameras).toHaveLength(2185);
  });

  it('puts every community in the county-seat township 城关镇', () => {
    const seat = byCode.get(`${COUNTY_CODE}001`)!;
    expect(seat.name).toBe('城关镇');
    for (const c of ofKind('community')) expect(c.parentCode).toBe(seat.code);
  });

  it('names units in zh-CN by kind', () => {
    for (const t of ofLevel('township')) expect(t.name).toMatch(/(镇|乡|街道)$/);
    for (const v of ofKind('village')) expect(v.name).toMatch(/村$/);
    for (const c of ofKind('community')) expect(c.name).toMatch(/社区$/);
    for (const g of ofLevel('grid')) {
      expect(g.name.startsWith(byCode.get(g.parentCode!)!.name)).toBe(true);
      expect(g.name).toMatch(/第\d+网格$/);
    }
    const villageNames = ofLevel('village').map((v) => v.name);
    expect(new Set(villageNames).size).toBe(villageNames.length);
  });

  it('totals 420,000 people, and every parent sums its children exactly', () => {
    const top = ofLevel('county')[0]!;
    expect(top.population).toBe(420_000);
    for (const u of county.orgUnits) {
      expect(Number.isInteger(u.population) && u.population > 0).toBe(true);
      expect(Number.isInteger(u.households) && u.households > 0).toBe(true);
      const kids = childrenOf.get(u.code);
      if (!kids) continue;
      expect(kids.reduce((s, k) => s + k.population, 0)).toBe(u.population);
      expect(kids.reduce((s, k) => s + k.households, 0)).toBe(u.households);
    }
  });

  it('sizes urban grids about twice the rural ones', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const grids = ofLevel('grid');
    const urban = grids.filter((g) => byCode.get(g.parentCode!)!.kind === 'community');
    const rural = grids.filter((g) => byCode.get(g.parentCode!)!.kind === 'village');
    const ratio = mean(urban.map((g) => g.population)) / mean(rural.map((g) => g.population));
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('covers about 1,022 km² (±5 %) around 112.2°E 25.9°N, with an irregular outline', () => {
    const top = ofLevel('county')[0]!;
    const a = km2(top.boundary);
    expect(a).toBeGreaterThan(1022 * 0.95);
    expect(a).toBeLessThan(1022 * 1.05);
    expect(Math.abs(top.center[0] - 112.2)).toBeLessThan(0.1);
    expect(Math.abs(top.center[1] - 25.9)).toBeLessThan(0.1);
    // Not a circle: a circle has 4πA/P² = 1; a wiggly border has a much longer perimeter.
    const perimeterKm = length(polygonToLine(top.boundary as Polygon), { units: 'kilometers' });
    expect((4 * Math.PI * a) / perimeterKm ** 2).toBeLessThan(0.85);
  });
});

describe('demo county: codes', () => {
  it('follows the org code prefix rule at every level', () => {
    const codes = county.orgUnits.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const u of county.orgUnits) {
      expect(u.code.startsWith(COUNTY_CODE)).toBe(true);
      expect(levelOfCode(u.code)).toBe(u.level);
      expect(parentCode(u.code)).toBe(u.parentCode);
      if (u.parentCode !== null) expect(byCode.has(u.parentCode)).toBe(true);
    }
    expect(ofLevel('township').map((t) => t.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${COUNTY_CODE}${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('lists parents before their children', () => {
    const seen = new Set<string>();
    for (const u of county.orgUnits) {
      if (u.parentCode !== null) expect(seen.has(u.parentCode)).toBe(true);
      seen.add(u.code);
    }
  });
});

describe('demo county: geometry', () => {
  it('rounds every coordinate to 6 decimals', () => {
    const rounded = (x: number) => Math.round(x * 1e6) / 1e6 === x;
    for (const u of county.orgUnits) {
      const parts = u.boundary.type === 'Polygon' ? [u.boundary.coordinates] : u.boundary.coordinates;
      for (const ring of parts.flat()) for (const [x, y] of ring) expect(rounded(x!) && rounded(y!)).toBe(true);
      expect(rounded(u.center[0]) && rounded(u.center[1])).toBe(true);
    }
  });

  it('puts each unit center inside its own boundary, and each grid center inside its village', () => {
    for (const u of county.orgUnits) expect(booleanPointInPolygon(u.center, u.boundary)).toBe(true);
    for (const g of ofLevel('grid'))
      expect(booleanPointInPolygon(g.center, byCode.get(g.parentCode!)!.boundary)).toBe(true);
  });

  it('partitions each parent: children have area, lie inside it and add up to it', () => {
    for (const [code, kids] of childrenOf) {
      const parent = byCode.get(code)!;
      let sum = 0;
      for (const kid of kids) {
        const a = km2(kid.boundary);
        expect(a).toBeGreaterThan(0);
        const inside = intersect(featureCollection([feature(kid.boundary), feature(parent.boundary)]));
        expect(inside).not.toBeNull();
        // Rounding to 6 decimals moves shared edges by a few cm, so allow a 10 cm band along the perimeter.
        const outsideM2 = (a - km2(inside!.geometry)) * 1e6;
        const perimeterM = length(polygonToLine(feature(kid.boundary)), { units: 'meters' });
        expect(outsideM2).toBeLessThan(0.1 * perimeterM);
        sum += a;
      }
      expect(Math.abs(sum / km2(parent.boundary) - 1)).toBeLessThan(1e-4);
    }
  });
});

describe('demo county: cameras', () => {
  it('stands every camera strictly inside its grid', () => {
    for (const cam of county.cameras) {
      const grid = byCode.get(cam.orgUnitCode);
      expect(grid?.level).toBe('grid');
      expect(booleanPointInPolygon(cam.position, grid!.boundary, { ignoreBoundary: true })).toBe(true);
    }
  });

  it('codes cameras per GB/T 28181 with the county + township prefix, all unique', () => {
    for (const cam of county.cameras) {
      expect(cam.code).toMatch(/^\d{20}$/);
      const townshipCode = cam.orgUnitCode.slice(0, 9);
      expect(cam.code.slice(0, 8)).toBe(`${COUNTY_CODE}${townshipCode.slice(-2)}`);
      expect(cam.code.slice(10, 13)).toBe(cam.kind === 'ptz' ? '131' : '132');
      expect(cam.mainStream).toMatch(/^demo:clip\/[0-7]\?q=main$/);
      expect(cam.subStream).toBe(cam.mainStream.replace('q=main', 'q=sub'));
      expect(cam.name).toMatch(/^(X县|.+(镇|乡|街道))/);
    }
    expect(new Set(county.cameras.map((c) => c.code)).size).toBe(county.cameras.length);
    expect(new Set(county.cameras.map((c) => c.id)).size).toBe(county.cameras.length);
    expect(county.cameras[0]!.id).toBe('cam-0001');
    expect(county.cameras.at(-1)!.id).toBe('cam-2185');
  });

  it('flags about 2 % of cameras as sensitive', () => {
    const share = county.cameras.filter((c) => c.sensitive).length / county.cameras.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.025);
  });

  it('is denser in the county seat than in the rest of the county', () => {
    const seat = byCode.get(`${COUNTY_CODE}001`)!;
    const top = ofLevel('county')[0]!;
    const inSeat = county.cameras.filter((c) => c.orgUnitCode.startsWith(seat.code)).length;
    const seatDensity = inSeat / km2(seat.boundary);
    const restDensity = (county.cameras.length - inSeat) / (km2(top.boundary) - km2(seat.boundary));
    expect(seatDensity).toBeGreaterThan(2 * restDensity);
  });
});

describe('demo county: determinism', () => {
  it('gives byte-identical output for the same seed, different output for another', () => {
    const json = JSON.stringify(county);
    expect(JSON.stringify(generateDemoCounty(20201))).toBe(json);
    expect(JSON.stringify(generateDemoCounty(7))).not.toBe(json);
  }, 60_000);
});
