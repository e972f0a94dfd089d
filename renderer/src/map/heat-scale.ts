/**
 * The heat's colour scale from the period's own distribution (issue 17 §3): deck.gl's heatmap maps the densest
 * pixel to red, so over all history the county seat saturates and every village fades to nothing. The intensity
 * here puts red at a high percentile of the period's density instead: the weighted events are binned into ~500 m
 * cells (about the heat kernel at the county's zoom), and the intensity is max / p-th percentile of the occupied
 * cells. A period whose events spread evenly keeps an intensity near 1; a period dominated by one town gets more.
 */

/** Cell edge in degrees: ~550 m of latitude, ~500 m of longitude at 25°N. */
const CELL_DEGREES = 0.005;
export const HEAT_PERCENTILE = 0.95;
export const MIN_INTENSITY = 1;
export const MAX_INTENSITY = 24;

/**
 * `position`: lon/lat pairs; `weight`: one per event. Returns the heatmap intensity for these events (1 when there
 * are none).
 */
export function heatIntensity(position: ArrayLike<number>, weight: ArrayLike<number>, count: number): number {
  const cells = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const x = Math.floor(position[2 * i]! / CELL_DEGREES);
    const y = Math.floor(position[2 * i + 1]! / CELL_DEGREES);
    const key = x * 100_000 + y;
    cells.set(key, (cells.get(key) ?? 0) + (weight[i] ?? 1));
  }
  if (cells.size === 0) return MIN_INTENSITY;
  const sums = [...cells.values()].sort((a, b) => a - b);
  const max = sums[sums.length - 1]!;
  const high = sums[Math.min(sums.length - 1, Math.floor(HEAT_PERCENTILE * (sums.length - 1)))]!;
  return Math.min(MAX_INTENSITY, Math.max(MIN_INTENSITY, max / high));
}
