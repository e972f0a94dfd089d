/**
 * The outline of X County: a star-shaped polygon whose radius varies smoothly with the bearing (a few low
 * harmonics for the lobes of a hilly county, a few weaker higher ones for ridges and valleys), scaled so its
 * area is the reference 1,022 km². Radius r(θ) > 0 everywhere, so the ring never self-intersects.
 */
import type { Polygon } from 'geojson';
import { area as turfArea } from '@turf/turf';
import { type LonLat, type Projection, roundPoint } from './geometry.js';
import type { Rng } from './rng.js';

const VERTICES = 384;

export function countyOutline(rng: Rng, proj: Projection, targetKm2: number): Polygon {
  // Harmonic k gets amplitude ~ 1/k (a "pink" spectrum, as ridge-following borders have): strong lobes, then
  // wiggles down to a few hundred metres. The amplitudes sum to < 0.6, so the radius never gets near zero.
  const harmonics: { k: number; amp: number; phase: number }[] = [];
  for (let k = 2; k <= 48; k++) {
    const base = k <= 5 ? 0.16 / (k - 1) : 0.12 / k;
    harmonics.push({ k, amp: base * rng.range(0.4, 1), phase: rng.range(0, 2 * Math.PI) });
  }
  // Slight elongation in a random direction: counties are rarely round.
  const stretch = rng.range(1.1, 1.35);
  const tilt = rng.range(0, Math.PI);

  const unit: [number, number][] = [];
  for (let i = 0; i < VERTICES; i++) {
    const theta = (2 * Math.PI * i) / VERTICES;
    let r = 1;
    for (const h of harmonics) r += h.amp * Math.cos(h.k * theta + h.phase);
    const x = r * Math.cos(theta) * stretch;
    const y = r * Math.sin(theta);
    unit.push([x * Math.cos(tilt) - y * Math.sin(tilt), x * Math.sin(tilt) + y * Math.cos(tilt)]);
  }

  const build = (scale: number): Polygon => {
    const ring: LonLat[] = unit.map(([x, y]) => roundPoint(proj.toLonLat([x * scale, y * scale])));
    ring.push([ring[0]![0], ring[0]![1]]);
    return { type: 'Polygon', coordinates: [ring] };
  };
  // Area scales with the square of the radius; one correction against turf's geodesic area absorbs the
  // projection's small error.
  const unitArea = turfArea(build(1)) / 1e6;
  let scale = Math.sqrt(targetKm2 / unitArea);
  scale *= Math.sqrt(targetKm2 / (turfArea(build(scale)) / 1e6));
  return build(scale);
}
