/** The org-tree checks' tolerance (1 % of a unit's area) on a tree of squares whose areas are known. */
import { describe, expect, it } from 'vitest';
import { checkOrgGeometry, parseOrgFile } from '../../hub/org/org-import-validate.js';

const box = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const unit = (code: string, level: string, geometry: object) => ({
  type: 'Feature',
  properties: { code, name: code, level, parent_code: code.length > 6 ? code.slice(0, -3) : null },
  geometry,
});

/** A 0.02° square county = township = village, cut into two grids at x = 0.01; grid 1 pushed `dx` beyond the west edge, grid 2 starting at `gridTwoFrom`. */
function tree(dx: number, gridTwoFrom = 112.01): string {
  const whole = box(112, 28, 112.02, 28.02);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      unit('439901', 'county', whole),
      unit('439901001', 'township', whole),
      unit('439901001001', 'village', whole),
      unit('439901001001001', 'grid', box(112 - dx, 28, 112.01, 28.02)),
      unit('439901001001002', 'grid', box(gridTwoFrom, 28, 112.02, 28.02)),
    ],
  });
}

const problemsOf = (text: string) => {
  const parsed = parseOrgFile(text);
  return [...parsed.problems, ...checkOrgGeometry(parsed.units)].map((p) => [p.code, p.kind]);
};

describe('org-tree tolerance', () => {
  it('accepts a grid 0.5 % outside its village and refuses one 3 % outside', () => {
    expect(problemsOf(tree(0.00005))).toEqual([]);
    expect(problemsOf(tree(0.0003))).toEqual([['439901001001001', 'outside_parent']]);
  });

  it('accepts siblings overlapping by 0.5 % and refuses 3 %; a 1.5 % gap is reported on the parent', () => {
    expect(problemsOf(tree(0, 112.00995))).toEqual([]);
    expect(problemsOf(tree(0, 112.0097))).toEqual([['439901001001002', 'overlap']]);
    expect(problemsOf(tree(0, 112.0103))).toEqual([['439901001001', 'gap']]);
  });
});
