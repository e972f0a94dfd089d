/**
 * Wall layouts as CSS-grid geometry: N×N grids and the merged ones (one big tile of 2×2 with 5 small ones around
 * it, or 3×3 with 7), plus keyboard navigation between tiles by their geometry, so arrows behave the same in a
 * plain grid and around a merged tile. Pure: tested in tests/unit/wall-layouts.test.ts.
 */
import { WALL_CELL_COUNTS, type WallLayoutKind } from '../../../common/wall-schemas.js';

export interface CellArea {
  /** 1-based grid line numbers, as CSS grid-row / grid-column take them. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface LayoutGeometry {
  readonly kind: WallLayoutKind;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly CellArea[];
}

function square(kind: WallLayoutKind, n: number): LayoutGeometry {
  const cells: CellArea[] = [];
  for (let r = 1; r <= n; r++) for (let c = 1; c <= n; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1 });
  return { kind, rows: n, cols: n, cells };
}

/** One big tile of (n-1)×(n-1) in the top-left corner, small tiles down the right edge and along the bottom. */
function merged(kind: WallLayoutKind, n: number): LayoutGeometry {
  const cells: CellArea[] = [{ row: 1, col: 1, rowSpan: n - 1, colSpan: n - 1 }];
  for (let r = 1; r < n; r++) cells.push({ row: r, col: n, rowSpan: 1, colSpan: 1 });
  for (let c = 1; c <= n; c++) cells.push({ row: n, col: c, rowSpan: 1, colSpan: 1 });
  return { kind, rows: n, cols: n, cells };
}

/** Two big tiles of 2×2 side by side on top, two rows of four small tiles below: a 4×4 grid. */
function twoPlusEight(): LayoutGeometry {
  const cells: CellArea[] = [
    { row: 1, col: 1, rowSpan: 2, colSpan: 2 },
    { row: 1, col: 3, rowSpan: 2, colSpan: 2 },
  ];
  for (let r = 3; r <= 4; r++) for (let c = 1; c <= 4; c++) cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1 });
  return { kind: '2+8', rows: 4, cols: 4, cells };
}

export const LAYOUTS: Readonly<Record<WallLayoutKind, LayoutGeometry>> = {
  '1': square('1', 1),
  '4': square('4', 2),
  '9': square('9', 3),
  '16': square('16', 4),
  '25': square('25', 5),
  '36': square('36', 6),
  '1+5': merged('1+5', 3),
  '1+7': merged('1+7', 4),
  '2+8': twoPlusEight(),
};

export function cellCount(kind: WallLayoutKind): number {
  return WALL_CELL_COUNTS[kind];
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const centre = (a: CellArea) => ({ x: a.col - 1 + a.colSpan / 2, y: a.row - 1 + a.rowSpan / 2 });

/**
 * The tile an arrow key moves to: among tiles lying in that direction (overlapping the current one's band on the
 * other axis first), the nearest. Stays put at the edge.
 */
export function neighbour(geometry: LayoutGeometry, index: number, direction: Direction): number {
  const from = geometry.cells[index];
  if (!from) return 0;
  const c = centre(from);
  const horizontal = direction === 'left' || direction === 'right';
  const sign = direction === 'right' || direction === 'down' ? 1 : -1;
  let best = index;
  let bestScore = Infinity;
  geometry.cells.forEach((cell, i) => {
    if (i === index) return;
    const d = centre(cell);
    const along = horizontal ? (d.x - c.x) * sign : (d.y - c.y) * sign;
    if (along <= 0) return;
    const overlaps = horizontal
      ? cell.row < from.row + from.rowSpan && from.row < cell.row + cell.rowSpan
      : cell.col < from.col + from.colSpan && from.col < cell.col + cell.colSpan;
    const across = Math.abs(horizontal ? d.y - c.y : d.x - c.x);
    const score = (overlaps ? 0 : 1000) + along * 10 + across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * Moves tiles to a layout of another size: tiles keep their order (the big tile stays first), extra ones drop off
 * the end, new ones are empty.
 */
export function resizeCells<T>(cells: readonly T[], kind: WallLayoutKind, empty: () => T): T[] {
  const n = cellCount(kind);
  return Array.from({ length: n }, (_, i) => (i < cells.length ? cells[i]! : empty()));
}

/** Is a tile small enough that it plays the sub stream? Only a maximised tile or a one-tile wall asks for main. */
export function qualityFor(kind: WallLayoutKind, index: number, maximized: number | null): 'main' | 'sub' {
  if (maximized !== null) return maximized === index ? 'main' : 'sub';
  return kind === '1' ? 'main' : 'sub';
}
