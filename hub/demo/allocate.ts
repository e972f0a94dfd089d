/**
 * Integer apportionment: splits an exact total over weighted items (largest-remainder method), so the reference
 * figures (224 villages, 841 grids, 420,000 people, 2,185 cameras) are hit exactly rather than approximately.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  const spare = total - min * n;
  if (n === 0 || spare < 0) throw new Error(`cannot apportion ${total} over ${n} items with minimum ${min}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = spare - counts.reduce((a, b) => a + b, 0);
  // Ties broken by index so the result is deterministic.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) counts[order[k]!.i]! += 1;
  return counts.map((c) => c + min);
}
