/** Great-circle distance in metres (haversine): exact enough at the 100 m scale duplicate detection works at. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of latitude on the sphere distanceMetres measures on. */
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;
/** Slack so points exactly at the radius stay inside the box whatever the rounding. */
const BOX_SLACK = 1.001;

/**
 * A lon/lat box around a point that contains every point within `metres` of it: the degrees come from the same
 * sphere as distanceMetres (a rounder 111,320 m/° made the box ~0.1 % too small, losing points at 99.9 m).
 */
export function boxAround(p: { lon: number; lat: number }, metres: number) {
  const dLat = (metres * BOX_SLACK) / METRES_PER_DEGREE;
  const dLon = (metres * BOX_SLACK) / (METRES_PER_DEGREE * Math.cos(rad(p.lat)));
  return { minLon: p.lon - dLon, maxLon: p.lon + dLon, minLat: p.lat - dLat, maxLat: p.lat + dLat };
}
