/** Wall layouts: tile counts and CSS-grid areas, keyboard moves by geometry, resizing, stream quality per tile. */
import { describe, expect, it } from 'vitest';
import { WALL_CELL_COUNTS, WALL_LAYOUT_KINDS } from '../../common/wall-schemas.js';
import { LAYOUTS, neighbour, qualityFor, resizeCells } from '../../renderer/src/wall/layouts.js';

describe('wall layouts', () => {
  it('have the tile counts of the schema and tile the grid exactly once', () => {
    for (const kind of WALL_LAYOUT_KINDS) {
      const layout = LAYOUTS[kind];
      expect(layout.cells).toHaveLength(WALL_CELL_COUNTS[kind]);
      const covered = new Map<string, number>();
      for (const cell of layout.cells) {
        for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
          for (let c = cell.col; c < cell.col + cell.colSpan; c++)
            covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      expect(covered.size, kind).toBe(layout.rows * layout.cols);
      expect(
        [...covered.values()].every((n) => n === 1),
        kind,
      ).toBe(true);
    }
  });

  it('puts the big tile first in the merged layouts', () => {
    expect(LAYOUTS['1+5'].cells[0]).toEqual({ row: 1, col: 1, rowSpan: 2, colSpan: 2 });
    expect(LAYOUTS['1+7'].cells[0]).toEqual({ row: 1, col: 1, rowSpan: 3, colSpan: 3 });
    // 2+8: the two big tiles side by side on top, eight small ones below in two rows of four.
    expect(LAYOUTS['2+8'].cells.slice(0, 2)).toEqual([
      { row: 1, col: 1, rowSpan: 2, colSpan: 2 },
      { row: 1, col: 3, rowSpan: 2, colSpan: 2 },
    ]);
    expect(LAYOUTS['2+8'].cells.slice(2).every((c) => c.rowSpan === 1 && c.colSpan === 1 && c.row >= 3)).toBe(true);
  });

  it('moves focus with the arrows by where tiles are', () => {
    const g16 = LAYOUTS['16'];
    expect(neighbour(g16, 0, 'right')).toBe(1);
    expect(neighbour(g16, 0, 'down')).toBe(4);
    expect(neighbour(g16, 0, 'left')).toBe(0); // stays at the edge
    expect(neighbour(g16, 15, 'up')).toBe(11);
    const g15 = LAYOUTS['1+5']; // big tile 0; 1, 2 down the right; 3, 4, 5 along the bottom
    expect(neighbour(g15, 0, 'right')).toBe(1);
    expect(neighbour(g15, 0, 'down')).toBe(3);
    expect(neighbour(g15, 2, 'left')).toBe(0);
    expect(neighbour(g15, 4, 'up')).toBe(0);
    expect(neighbour(g15, 2, 'down')).toBe(5);
    expect(neighbour(g15, 5, 'left')).toBe(4);
    const g28 = LAYOUTS['2+8']; // big tiles 0 and 1; 2–5 the third row, 6–9 the fourth
    expect(neighbour(g28, 0, 'right')).toBe(1);
    expect(neighbour(g28, 1, 'left')).toBe(0);
    expect(neighbour(g28, 0, 'down')).toBe(2);
    expect(neighbour(g28, 1, 'down')).toBe(4);
    expect(neighbour(g28, 5, 'up')).toBe(1);
    expect(neighbour(g28, 9, 'up')).toBe(5);
  });

  it('keeps tiles in order when the layout changes size', () => {
    expect(resizeCells(['a', 'b', 'c', 'd'], '1', () => '-')).toEqual(['a']);
    expect(resizeCells(['a'], '4', () => '-')).toEqual(['a', '-', '-', '-']);
    expect(resizeCells(['a', 'b', 'c', 'd', 'e', 'f'], '1+7', () => '-')).toHaveLength(8);
  });

  it('asks the main stream only for a maximised tile or a one-tile wall', () => {
    expect(qualityFor('16', 3, null)).toBe('sub');
    expect(qualityFor('16', 3, 3)).toBe('main');
    expect(qualityFor('16', 2, 3)).toBe('sub');
    expect(qualityFor('1', 0, null)).toBe('main');
    expect(qualityFor('1+5', 0, null)).toBe('sub');
  });
});
