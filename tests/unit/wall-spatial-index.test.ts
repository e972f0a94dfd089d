/** Nearest cameras by a grid-bucket index: the same answer as a linear scan, without reading every camera. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMeters, GridBucketIndex } from '../../renderer/src/wall/spatial-index.js';

interface Cam {
  readonly id: string;
  readonly position: [number, number];
}

/** A deterministic county: 2,185 cameras over ~1,000 km² around 112.2°E 25.9°N, clustered like towns. */
function county(seed = 7): Cam[] {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const towns = Array.from({ length: 12 }, () => [112.05 + rand() * 0.3, 25.75 + rand() * 0.3] as const);
  return Array.from({ length: 2185 }, (_, i) => {
    const [lon, lat] = towns[i % 12]!;
    return { id: `cam-${i}`, position: [lon + (rand() - 0.5) * 0.08, lat + (rand() - 0.5) * 0.08] };
  });
}

const brute = (cams: readonly Cam[], p: [number, number], k: number, max = Infinity) =>
  cams
    .map((c) => ({ id: c.id, meters: distanceMeters(p, c.position) }))
    .filter((x) => x.meters <= max)
    .sort((a, b) => a.meters - b.meters)
    .slice(0, k);

describe('nearest cameras', () => {
  const cams = county();
  const index = new GridBucketIndex(cams);

  it('indexes every camera', () => expect(index.size).toBe(2185));

  it('answers like a linear scan, reading a small part of the county', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 112.0, max: 112.45, noNaN: true }),
        fc.double({ min: 25.7, max: 26.1, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        (lon, lat, k) => {
          const got = index.nearest([lon, lat], k).map((n) => n.meters);
          const want = brute(cams, [lon, lat], k).map((n) => n.meters);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    // Near a town, the 6 nearest come from a handful of cells.
    const town = cams[0]!.position;
    index.nearest(town, 6);
    expect(index.lastVisited).toBeLessThan(2185 / 5);
  });

  it('respects a distance limit, and finds nothing in an empty index', () => {
    const p: [number, number] = [112.2, 25.9];
    expect(index.nearest(p, 50, 1500).map((n) => n.item.id)).toEqual(brute(cams, p, 50, 1500).map((n) => n.id));
    expect(new GridBucketIndex<Cam>([]).nearest(p, 3)).toEqual([]);
  });

  it('measures distance on the sphere', () => {
    expect(distanceMeters([112.2, 25.9], [112.2, 26.9])).toBeCloseTo(111_195, -2);
    expect(distanceMeters([112.2, 25.9], [112.3, 25.9])).toBeCloseTo(10_007, -1);
  });
});
